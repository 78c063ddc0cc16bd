//! `cargo xtask test`: everything CI checks, in order, stopping at the
//! first failure (the last step: a short run of every fuzz target). Installs what it can (rustup target, wasm-bindgen-cli,
//! npm tools); for Debian packages it installs them as root in CI, and
//! otherwise prints the apt command.

use crate::sh::{Result, cargo, cmd, root, run};
use crate::{tools, wasm};

pub(crate) fn all() -> Result {
    let cargo = cargo();
    tools::chromium()?;
    tools::smtp_servers()?;
    let python = tools::python_venv()?;
    let opensmtpd = tools::opensmtpd()?;
    tools::wasm_target()?;
    tools::wasm_bindgen()?;
    let bin = tools::node_tools()?;

    step("format");
    run(cmd(&cargo, &["fmt", "--all", "--", "--check"]))?;
    step("clippy (native)");
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
    step("clippy (wasm32)");
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
    step("tests (native, with Postfix, aiosmtpd, smtp-server and OpenSMTPD on loopback)");
    let mut c = cmd(&cargo, &["test", "--workspace"]);
    c.env("SMTP_DOCTOR_TEST_PYTHON", &python)
        .env("SMTP_DOCTOR_TEST_OPENSMTPD", &opensmtpd);
    run(c)?;
    step("tests (wasm in headless Chromium)");
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
    step("TypeScript types");
    wasm::build()?;
    write_golden_ts()?;
    run(cmd(
        &bin.join("tsc").to_string_lossy(),
        &["-p", "tests/ts/tsconfig.json"],
    ))?;
    step("the settings page end to end (headless Chromium, serve --sandbox)");
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
        &["--test", "--test-concurrency=1", "tests/e2e/page.test.mjs"],
    );
    c.env("SMTP_DOCTOR_BIN", root().join("target/debug/smtp-doctor"));
    run(c)?;
    eprintln!("screenshots of the result panel: target/e2e/*.png");
    step("fuzzing smoke run (cargo-fuzz, 15 s per target; `cargo xtask fuzz` for long runs)");
    crate::fuzz::run_all(15)?;
    eprintln!("\n\x1b[1;32mall checks passed\x1b[0m");
    Ok(())
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
        "import type {{ Diagnostic }} from \"../../web/pkg/smtp_doctor_wasm.js\";\n\
         export const golden = {} satisfies {{ name: string; config: unknown; diagnostics: Diagnostic[] }}[];\n",
        golden.trim()
    );
    std::fs::write(dir.join("golden.ts"), ts).map_err(|e| e.to_string())
}
