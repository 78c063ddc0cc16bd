//! `cargo xtask wasm`: the browser package in `web/pkg/`.
//!
//! Release build with the dedicated `wasm-release` profile (size first, so
//! the native binary keeps its own profile), wasm-bindgen at the locked
//! version (`--target web`: plain ES modules, no bundler), then binaryen's
//! `wasm-opt -Oz` from npm (Debian's binaryen 108 miscompiles current
//! wasm-bindgen output).

use std::path::PathBuf;

use crate::sh::{Result, cargo, cmd, root, run};
use crate::tools;

/// Builds the package; returns the `web/pkg` folder.
pub(crate) fn build() -> Result<PathBuf> {
    tools::wasm_target()?;
    let bindgen = tools::wasm_bindgen()?;
    let bin = tools::node_tools()?;
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
    let out = root().join("web/pkg");
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
    run(cmd(
        &bin.join("wasm-opt").to_string_lossy(),
        &["-Oz", "--strip-debug", &w, "-o", &w],
    ))?;
    let size = std::fs::metadata(&wasm).map_or(0, |m| m.len());
    eprintln!("web/pkg ready: smtp_doctor_wasm_bg.wasm {size} bytes");
    Ok(out)
}
