//! `smtp-doctor`: the CLI and the probe service (SPEC §6). The command
//! line lives in `cli/`; the engine, the service and discovery in the
//! library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
