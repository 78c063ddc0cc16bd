//! Fuzz target `server_hello`: see `smtp_doctor_probe::fuzzing::server_hello` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smtp_doctor_probe::fuzzing::server_hello(data));
