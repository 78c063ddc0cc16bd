//! The `smtp-doctor` command line: the subcommands of SPEC §6, each in
//! its own file, on top of the library's engine, service and discovery.

mod args;
mod check;
mod discover;
mod explain;
mod sandbox;
mod serve;
mod terminal;
mod validate;

use std::process::ExitCode;

use clap::Parser as _;

use args::{Cli, Command};

/// Parses the command line and runs the subcommand; the exit status is
/// SPEC §6's (0 all good, 1 something failed, 2 usage error).
pub(crate) fn run() -> ExitCode {
    let cli = Cli::parse();
    let locale = match cli.locale() {
        Ok(locale) => locale,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Validate { file, json } => match validate::run(&file, json, locale) {
            Ok(false) => ExitCode::SUCCESS,
            Ok(true) => ExitCode::from(1),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Explain(args) => match explain::run(&args, locale) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Check(args) => match check::command(&args, locale) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(2)
            }
        },
        Command::Discover(args) => match discover::command(&args, locale) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(2)
            }
        },
        Command::Sandbox(args) => match sandbox::command(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(1)
            }
        },
        Command::Serve(args) => match serve::command(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(1)
            }
        },
    }
}
