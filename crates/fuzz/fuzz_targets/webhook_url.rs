//! Fuzz target `webhook_url`: see `smtp_doctor_probe::fuzzing::webhook_url` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smtp_doctor_probe::fuzzing::webhook_url(data));
