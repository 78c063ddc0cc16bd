//! The `smtp-doctor` binary's library: the HTTP service and the commands
//! the CLI runs. `main.rs` only parses flags and calls in here.
//!
//! The live probe engine (DNS, policy, SMTP steps) lands in `engine/`;
//! today the service answers `/healthz`, `/v1/validate` and serves the
//! settings page.

pub mod check_cmd;
pub mod engine;
pub mod http;
pub mod policy;
pub mod validate_cmd;
