//! The `smtp-doctor` binary's library: the live probe engine, the HTTP
//! service, the sandbox SMTP server and the commands the CLI runs.
//! `main.rs` only parses flags and calls in here.

pub mod attestation;
pub mod clients;
pub mod clock;
pub mod discover;
pub mod engine;
#[doc(hidden)]
pub mod fuzzing;
pub mod http;
pub mod https;
pub mod monitor;
pub mod policy;
pub mod secret;
pub mod store;
pub mod webhook;

/// The local teaching server (its own crate), re-exported for the CLI,
/// the demo and the tests.
pub use engine::arrival::inbox;
pub use smtp_doctor_sandbox as sandbox;
