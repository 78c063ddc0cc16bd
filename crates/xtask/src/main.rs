//! `cargo xtask …`: the project's task runner (std only, so it builds fast).
//!
//! - `wasm`       build the browser package into `web/smtp-doctor/pkg/`
//! - `test`       every check CI runs: fmt, clippy (native + wasm), tests,
//!   browser tests in headless Chromium, the TypeScript check; installs
//!   what it lacks (`--dry-run` prints the plan and changes nothing)
//! - `demo`       build the page and serve it with the probe service
//! - `bench`      criterion benchmarks of the core validator
//! - `bench-wasm` validate() per call, instantiate time and sizes, in Chromium
//! - `bench-probe` a full check over a delayed link, next to swaks and smtplib
//! - `bench-serve` the service under load: wrk, and 1,000 probes against a tarpit
//! - `bench-page` the settings page: navigation to interactive, keystroke to message
//! - `bench-discover` discovery with silent guessed hosts: parallel vs sequential
//! - `fuzz [SECONDS]` every cargo-fuzz target for SECONDS each (default 300)

mod bench;
mod demo;
mod fuzz;
mod sh;
mod system;
mod test;
mod tools;
mod wasm;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("wasm") => match args.get(1).map(String::as_str) {
            None => wasm::build().map(|_| ()),
            Some("--out-dir") if args.len() == 3 => {
                wasm::build_into(std::path::Path::new(&args[2])).map(|_| ())
            }
            Some(_) => Err("usage: cargo xtask wasm [--out-dir DIR]".into()),
        },
        Some("test") => match args.get(1).map(String::as_str) {
            None => test::all(false),
            Some("--dry-run") => test::all(true),
            Some(_) => Err("usage: cargo xtask test [--dry-run]".into()),
        },
        Some("demo") => demo::start(&args[1..]),
        Some("bench") => bench::criterion(),
        Some("bench-wasm") => bench::wasm(),
        Some("bench-probe") => bench::probe(),
        Some("bench-serve") => bench::serve(),
        Some("bench-page") => bench::page(),
        Some("bench-discover") => bench::discover(),
        Some("fuzz") => match args.get(1).map(|s| s.parse::<u32>()) {
            None => fuzz::run_all(300, fuzz::Build::Long),
            Some(Ok(seconds)) if seconds > 0 => fuzz::run_all(seconds, fuzz::Build::Long),
            Some(_) => Err("usage: cargo xtask fuzz [SECONDS]".into()),
        },
        _ => {
            eprintln!(
                "usage: cargo xtask <wasm|test|demo|bench|bench-wasm|bench-probe|bench-serve|bench-page|bench-discover|fuzz>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
