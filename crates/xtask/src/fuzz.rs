//! `cargo xtask fuzz [SECONDS]`: every cargo-fuzz target in `crates/fuzz`
//! for SECONDS each (default 300), and the short smoke run `cargo xtask
//! test` makes (15 s each). The long run builds as cargo-fuzz recommends
//! (release, one codegen unit: about 10 minutes on two cores); the smoke
//! run builds unoptimized (about 3.5 minutes), which executes some ten
//! times fewer inputs but still proves every target builds, replays the
//! seeds and explores from them. libFuzzer needs nightly Rust and cargo-fuzz;
//! both are installed here from the registries when missing. New inputs
//! go to `target/fuzz-corpus/<target>` (the checked-in seeds in
//! `crates/fuzz/corpus` are read, never written); a crash stops the run
//! and names the file under `crates/fuzz/artifacts`.

use crate::sh::{Result, cargo, cmd, output, root, run};

/// The targets, as in `crates/fuzz/Cargo.toml`.
const TARGETS: [&str; 15] = [
    "reply",
    "ehlo",
    "wire",
    "config",
    "autoconfig",
    "server_hello",
    "json",
    "spf",
    "dmarc",
    "dkim",
    "inbox_message",
    "oauth_token",
    "explain",
    "shared_report",
    "webhook_url",
];

/// The cargo-fuzz version installed when missing.
const CARGO_FUZZ: &str = "0.13.2";

/// How the targets are built.
#[derive(Clone, Copy)]
pub(crate) enum Build {
    /// Unoptimized: quick to build, for `cargo xtask test`.
    Smoke,
    /// Release with one codegen unit: slow to build, fast to run.
    Long,
}

pub(crate) fn run_all(seconds: u32, build: Build) -> Result {
    tools()?;
    let profile: &[&str] = match build {
        Build::Smoke => &["--dev"],
        Build::Long => &[],
    };
    let lock = std::fs::read(root().join(LOCK)).unwrap_or_default();
    run(cargo_fuzz("build", profile))?;
    lock_unchanged(&lock)?;
    for target in TARGETS {
        let corpus = root().join("target/fuzz-corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|e| e.to_string())?;
        let seeds = format!("crates/fuzz/corpus/{target}");
        let time = format!("-max_total_time={seconds}");
        let corpus = corpus.to_string_lossy();
        let args = [
            target,
            &corpus,
            &seeds,
            "--",
            &time,
            "-max_len=4096",
            "-print_final_stats=1",
        ];
        run(cargo_fuzz("run", &[profile, &args].concat()))?;
    }
    Ok(())
}

/// The fuzz workspace's own lock file.
const LOCK: &str = "crates/fuzz/Cargo.lock";

/// In CI, what `--locked` is for the workspace: cargo-fuzz has no such
/// flag, so a lock that cargo had to rewrite (a dependency added to the
/// probe but not to this lock) would build with whatever versions the
/// registry offers that day. Locally, the rewritten lock is left to commit.
fn lock_unchanged(before: &[u8]) -> Result {
    if std::env::var_os("CI").is_none() {
        return Ok(());
    }
    let after = std::fs::read(root().join(LOCK)).unwrap_or_default();
    if after == before {
        return Ok(());
    }
    Err(format!(
        "{LOCK} was out of date and cargo rewrote it. Make its versions the workspace's and commit it: \
         cp Cargo.lock {LOCK} && cargo +nightly metadata --format-version 1 --manifest-path crates/fuzz/Cargo.toml >/dev/null"
    ))
}

/// `cargo fuzz SUBCOMMAND` on nightly (through rustup, whatever toolchain
/// runs this task) for `crates/fuzz`, built under `target/fuzz` without a
/// sanitizer (the targets are safe Rust; coverage guidance is what counts).
fn cargo_fuzz(subcommand: &str, args: &[&str]) -> std::process::Command {
    let mut all = vec![
        "run",
        "nightly",
        "cargo",
        "fuzz",
        subcommand,
        "--fuzz-dir",
        "crates/fuzz",
        "--target-dir",
        "target/fuzz",
        "--sanitizer",
        "none",
    ];
    all.extend_from_slice(args);
    cmd("rustup", &all)
}

/// Nightly (minimal profile) and cargo-fuzz, from the registries.
/// Nightly Rust and cargo-fuzz at our version are there.
pub(crate) fn tools_present() -> bool {
    output("rustup", &["run", "nightly", "rustc", "--version"]).is_some()
        && output("cargo-fuzz", &["--version"])
            .unwrap_or_default()
            .contains(CARGO_FUZZ)
}

fn tools() -> Result {
    if output("rustup", &["run", "nightly", "rustc", "--version"]).is_none() {
        run(cmd(
            "rustup",
            &["toolchain", "install", "nightly", "--profile", "minimal"],
        ))?;
    }
    let have = output("cargo-fuzz", &["--version"]).unwrap_or_default();
    if !have.contains(CARGO_FUZZ) {
        run(cmd(
            &cargo(),
            &["install", "cargo-fuzz", "--locked", "--version", CARGO_FUZZ],
        ))?;
    }
    Ok(())
}
