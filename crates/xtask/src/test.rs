//! `cargo xtask test`: everything CI checks, in order, stopping at the
//! first failure (the last step: a short run of every fuzz target). Installs what it can (rustup target, wasm-bindgen-cli,
//! npm tools); for Debian packages it installs them as root in CI, and
//! otherwise prints the apt command.

use crate::sh::{Result, cargo, cmd, root, run};
use crate::{system, tools, wasm};

/// The steps, in order (printed by `--dry-run`).
const STEPS: [&str; 10] = [
    "format",
    "clippy (native)",
    "clippy (wasm32)",
    "tests (native, with Postfix, Dovecot, aiosmtpd, smtp-server, OpenSMTPD and oidc-provider on loopback; the sign-in to Save in Chromium)",
    "tests (wasm in headless Chromium)",
    "the demo's build with node and npm off PATH (only Rust)",
    "TypeScript types",
    "the settings page end to end, and attachForm (headless Chromium, serve --sandbox); the OAuth sign-in backend against oidc-provider",
    "the npm package as integrators use it (npm pack into Vite + React, esbuild, plain HTML, TypeScript)",
    "fuzzing smoke run (cargo-fuzz, unoptimized, 15 s per target; `cargo xtask fuzz` for long runs)",
];

/// Every step; with `dry_run`, only the plan: what would be installed
/// (system packages, Rust and Node tools, aiosmtpd, OpenSMTPD) and the
/// steps, changing nothing.
pub(crate) fn all(dry_run: bool) -> Result {
    let cargo = cargo();
    system::ensure(system::TEST, dry_run)?;
    if dry_run {
        for (what, done) in tools::plan() {
            println!(
                "{} {what}",
                if done { "present:" } else { "would install:" }
            );
        }
        println!("then the steps: {}", STEPS.join("; "));
        return Ok(());
    }
    let python = tools::python_venv()?;
    let opensmtpd = tools::opensmtpd()?;
    tools::wasm_target()?;
    tools::wasm_bindgen()?;
    let bin = tools::node_tools()?;

    step(STEPS[0]);
    run(cmd(&cargo, &["fmt", "--all", "--", "--check"]))?;
    step(STEPS[1]);
    run(cmd(
        &cargo,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    step(STEPS[2]);
    run(cmd(
        &cargo,
        &[
            "clippy",
            "-p",
            "smtp-doctor-wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    step(STEPS[3]);
    // The package's wasm first: the sign-in test in crates/probe/tests/oauth.rs
    // drives the elements in Chromium.
    wasm::build()?;
    let references = root().join("target/insta-references.txt");
    let _ = std::fs::remove_file(&references);
    let mut c = cmd(&cargo, &["test", "--workspace"]);
    c.env("SMTP_DOCTOR_TEST_PYTHON", &python)
        .env("SMTP_DOCTOR_TEST_OPENSMTPD", &opensmtpd)
        .env("INSTA_SNAPSHOT_REFERENCES_FILE", &references);
    run(c)?;
    orphan_snapshots(&references, &root().join("crates"))?;
    step(STEPS[4]);
    let mut c = cmd(
        &cargo,
        &[
            "test",
            "-p",
            "smtp-doctor-wasm",
            "--target",
            "wasm32-unknown-unknown",
        ],
    );
    c.env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    run(c)?;
    step(STEPS[5]);
    demo_build_without_node()?;
    step(STEPS[6]);
    write_golden_ts()?;
    run(cmd(
        &bin.join("tsc").to_string_lossy(),
        &["-p", "tests/ts/tsconfig.json"],
    ))?;
    step(STEPS[7]);
    // The binary `cargo test --workspace` built above (same features, no
    // second compile).
    let bin_path = root().join("target/debug/smtp-doctor");
    if !bin_path.exists() {
        return Err(format!(
            "{} is missing; cargo test should have built it",
            bin_path.display()
        ));
    }
    let mut c = cmd(
        "node",
        &[
            "--test",
            "--test-concurrency=1",
            "tests/e2e/page.test.mjs",
            "tests/e2e/attach.test.mjs",
            "tests/e2e/oauth.test.mjs",
        ],
    );
    c.env("SMTP_DOCTOR_BIN", root().join("target/debug/smtp-doctor"));
    run(c)?;
    eprintln!("screenshots of the result panel: target/e2e/*.png");
    step(STEPS[8]);
    let mut c = cmd(
        "node",
        &[
            "--test",
            "--test-concurrency=1",
            "tests/e2e/consumers.test.mjs",
        ],
    );
    c.env("SMTP_DOCTOR_BIN", root().join("target/debug/smtp-doctor"));
    run(c)?;
    step(STEPS[9]);
    crate::fuzz::run_all(15, crate::fuzz::Build::Smoke)?;
    eprintln!("\n\x1b[1;32mall checks passed\x1b[0m");
    Ok(())
}

/// A snapshot no test asserted fails the run: a renamed or deleted test
/// leaves its `.snap` behind, where it would rot unseen. insta lists every
/// snapshot it compared in `references`.
fn orphan_snapshots(references: &std::path::Path, dir: &std::path::Path) -> Result {
    use std::collections::HashSet;
    let text = std::fs::read_to_string(references)
        .map_err(|e| format!("insta listed no snapshots in {}: {e}", references.display()))?;
    let seen: HashSet<std::path::PathBuf> = text
        .lines()
        .filter_map(|line| std::fs::canonicalize(line).ok())
        .collect();
    let mut found = Vec::new();
    snapshot_files(dir, &mut found);
    let orphans: Vec<String> = found
        .into_iter()
        .filter(|f| std::fs::canonicalize(f).map_or(true, |f| !seen.contains(&f)))
        .map(|f| f.display().to_string())
        .collect();
    if orphans.is_empty() {
        return Ok(());
    }
    Err(format!(
        "snapshots that no test asserts (delete them, or restore their test):\n  {}",
        orphans.join("\n  ")
    ))
}

/// Every `*.snap` under `dir` (build output and node modules skipped).
fn snapshot_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "target" && name != "node_modules" {
                snapshot_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "snap") {
            out.push(path);
        }
    }
}

fn step(name: &str) {
    eprintln!("\n\x1b[1;34m== {name} ==\x1b[0m");
}

/// Every fixture's config and diagnostics as TypeScript checked against
/// the package's types with `satisfies`, so a Rust shape change that the
/// `.d.ts` does not follow fails here.
fn write_golden_ts() -> Result {
    let golden = std::fs::read_to_string(root().join("crates/core/tests/golden.json"))
        .map_err(|e| format!("cannot read golden.json: {e}"))?;
    let dir = root().join("target/ts-check");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let ts = format!(
        "import type {{ Diagnostic }} from \"../../web/smtp-doctor/pkg/smtp_doctor_wasm.js\";\n\
         export const golden = {} satisfies {{ name: string; config: unknown; now?: number; diagnostics: Diagnostic[] }}[];\n",
        golden.trim()
    );
    std::fs::write(dir.join("golden.ts"), ts).map_err(|e| e.to_string())
}

/// The demo's wasm build with a `PATH` that has every command but Node's
/// (`node`, `npm`, `npx`): it must succeed with Rust alone, skipping only
/// the `wasm-opt` size pass, and say so. Builds into `target/wasm-no-node`
/// so the optimized `web/smtp-doctor/pkg` is left alone.
fn demo_build_without_node() -> Result {
    let bin = root().join("target/no-node-path");
    let _ = std::fs::remove_dir_all(&bin);
    std::fs::create_dir_all(&bin).map_err(|e| e.to_string())?;
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if matches!(
                name.to_str(),
                Some("node" | "nodejs" | "npm" | "npx" | "corepack")
            ) || bin.join(&name).exists()
            {
                continue;
            }
            let _ = std::os::unix::fs::symlink(entry.path(), bin.join(&name));
        }
    }
    let out = root().join("target/wasm-no-node");
    let _ = std::fs::remove_dir_all(&out);
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let result = std::process::Command::new(exe)
        .args(["wasm", "--out-dir", &out.to_string_lossy()])
        .env("PATH", &bin)
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run the wasm build: {e}"))?;
    let said = String::from_utf8_lossy(&result.stderr);
    eprint!("{said}");
    let wasm = out.join("smtp_doctor_wasm_bg.wasm");
    if !result.status.success() || !wasm.exists() {
        return Err("the demo's build failed without node and npm".into());
    }
    if !said.contains("wasm-opt skipped") {
        return Err("the build without node did not say that it skipped wasm-opt".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::orphan_snapshots;

    #[test]
    fn a_snapshot_no_test_asserted_fails_the_run() {
        let dir = std::env::temp_dir().join(format!("xtask-snap-{}", std::process::id()));
        let snaps = dir.join("core/tests/snapshots");
        std::fs::create_dir_all(&snaps).unwrap();
        let kept = snaps.join("rules__kept.snap");
        let orphan = snaps.join("rules__renamed_test.snap");
        std::fs::write(&kept, "").unwrap();
        std::fs::write(&orphan, "").unwrap();
        let references = dir.join("references.txt");
        std::fs::write(&references, format!("{}\n", kept.display())).unwrap();
        let err = orphan_snapshots(&references, &dir).unwrap_err();
        assert!(err.contains("rules__renamed_test.snap"), "{err}");
        assert!(!err.contains("rules__kept.snap"), "{err}");
        std::fs::remove_file(&orphan).unwrap();
        assert_eq!(orphan_snapshots(&references, &dir), Ok(()));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
