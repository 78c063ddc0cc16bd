//! Fuzz target `ehlo`: see `smtp_doctor_probe::fuzzing::ehlo` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smtp_doctor_probe::fuzzing::ehlo(data));
