//! `cargo xtask wasm`: the browser package in `web/smtp-doctor/pkg/`.
//!
//! Release build with the dedicated `wasm-release` profile (size first, so
//! the native binary keeps its own profile), wasm-bindgen at the locked
//! version (`--target web`: plain ES modules, no bundler), then binaryen's
//! `wasm-opt -Oz` from npm (Debian's binaryen 108 miscompiles current
//! wasm-bindgen output). Without Node the size pass is skipped, and said
//! so: the demo needs nothing but Rust; the package is the same code,
//! only larger.

use std::path::PathBuf;

use crate::sh::{Result, cargo, cmd, root, run};
use crate::tools;

/// Builds the package into `web/smtp-doctor/pkg`; returns the folder.
pub(crate) fn build() -> Result<PathBuf> {
    build_into(&root().join("web/smtp-doctor/pkg"))
}

/// Whether Node and npm are here (for binaryen's `wasm-opt`).
fn node_present() -> bool {
    ["node", "npm"]
        .iter()
        .all(|c| crate::sh::output("sh", &["-c", &format!("command -v {c}")]).is_some())
}

/// Builds the package into `out`.
pub(crate) fn build_into(out: &std::path::Path) -> Result<PathBuf> {
    tools::wasm_target()?;
    let bindgen = tools::wasm_bindgen()?;
    run(cmd(
        &cargo(),
        &[
            "build",
            "-p",
            "smtp-doctor-wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
        ],
    ))?;
    let input = root().join("target/wasm32-unknown-unknown/wasm-release/smtp_doctor_wasm.wasm");
    let out = out.to_path_buf();
    run(cmd(
        &bindgen,
        &[
            "--target",
            "web",
            "--out-dir",
            &out.to_string_lossy(),
            &input.to_string_lossy(),
        ],
    ))?;
    let wasm = out.join("smtp_doctor_wasm_bg.wasm");
    let w = wasm.to_string_lossy();
    if node_present() {
        let bin = tools::node_tools()?;
        run(cmd(
            &bin.join("wasm-opt").to_string_lossy(),
            &["-Oz", "--strip-debug", &w, "-o", &w],
        ))?;
    } else {
        eprintln!(
            "note: wasm-opt skipped — binaryen's wasm-opt comes from npm, and Node/npm are not installed. \
             The page works the same, from a larger file (no -Oz size pass). Install Node.js and npm for it."
        );
    }
    let size = std::fs::metadata(&wasm).map_or(0, |m| m.len());
    eprintln!(
        "{} ready: smtp_doctor_wasm_bg.wasm {size} bytes",
        out.display()
    );
    Ok(out)
}
