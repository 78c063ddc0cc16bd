//! Fuzz target `shared_report`: see `smtp_doctor_probe::fuzzing::shared_report` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smtp_doctor_probe::fuzzing::shared_report(data));
