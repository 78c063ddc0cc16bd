//! Fuzz target `explain`: see `smtp_doctor_probe::fuzzing::explain` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smtp_doctor_probe::fuzzing::explain(data));
