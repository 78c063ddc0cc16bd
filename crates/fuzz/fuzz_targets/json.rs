//! Fuzz target `json`: see `smtp_doctor_probe::fuzzing::json` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smtp_doctor_probe::fuzzing::json(data));
