//! Fuzz target `inbox_message`: see `smtp_doctor_probe::fuzzing::inbox_message` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smtp_doctor_probe::fuzzing::inbox_message(data));
