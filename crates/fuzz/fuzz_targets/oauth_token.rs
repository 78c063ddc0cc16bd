//! Fuzz target `oauth_token`: see `smtp_doctor_probe::fuzzing::oauth_token` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smtp_doctor_probe::fuzzing::oauth_token(data));
