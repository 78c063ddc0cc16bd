//! Fuzz target `config`: see `smtp_doctor_probe::fuzzing::config` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smtp_doctor_probe::fuzzing::config(data));
