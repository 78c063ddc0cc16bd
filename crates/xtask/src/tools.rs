//! Installing what the tasks need, from the registries this project may
//! use: rustup targets, `cargo install` (wasm-bindgen-cli at exactly the
//! Cargo.lock version), npm (TypeScript, binaryen's wasm-opt,
//! playwright-core, smtp-server), PyPI (aiosmtpd) and Debian's OpenSMTPD
//! .deb; the Debian packages themselves are `system`'s.

use std::path::PathBuf;

use crate::sh::{Result, cargo, cmd, output, root, run};

fn wasm_target_present() -> bool {
    output("rustup", &["target", "list", "--installed"])
        .unwrap_or_default()
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
}

/// `rustup target add wasm32-unknown-unknown` unless installed.
pub(crate) fn wasm_target() -> Result {
    if wasm_target_present() {
        return Ok(());
    }
    run(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

/// The wasm-bindgen version Cargo.lock pins.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// `wasm-bindgen` (and its test runner) at the locked version, installed
/// with `cargo install` when missing or different. Not `--locked`: one of
/// its locked dependencies is missing from the registry mirror here.
pub(crate) fn wasm_bindgen() -> Result<String> {
    let want = locked_wasm_bindgen()?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(want.as_str()) {
        eprintln!(
            "installing wasm-bindgen-cli {want} (found: {})",
            if have.is_empty() { "none" } else { have.trim() }
        );
        run(cmd(
            &cargo(),
            &["install", "wasm-bindgen-cli", "--version", &want, "--force"],
        ))?;
    }
    Ok("wasm-bindgen".into())
}

fn node_tools_fresh() -> bool {
    let dir = root().join("tests/node");
    let stamp = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    }
}

/// The node tools folder, installed with `npm ci` when needed.
pub(crate) fn node_tools() -> Result<PathBuf> {
    let dir = root().join("tests/node");
    if !node_tools_fresh() {
        if output("sh", &["-c", "command -v npm"]).is_none() {
            return Err("npm is missing: install Node.js and npm (Debian: nodejs npm)".into());
        }
        run(cmd(
            "npm",
            &["ci", "--no-audit", "--no-fund", "--prefix", "tests/node"],
        ))?;
    }
    Ok(dir.join("node_modules/.bin"))
}

/// A Python virtualenv under `target/py` with aiosmtpd (PyPI), the second
/// SMTP implementation the tests run. Returns its python.
fn aiosmtpd_present() -> bool {
    let python = root().join("target/py/bin/python3");
    output(&python.to_string_lossy(), &["-c", "import aiosmtpd"]).is_some()
}

pub(crate) fn python_venv() -> Result<PathBuf> {
    let venv = root().join("target/py");
    let python = venv.join("bin/python3");
    let py = python.to_string_lossy().into_owned();
    if aiosmtpd_present() {
        return Ok(python);
    }
    run(cmd("python3", &["-m", "venv", &venv.to_string_lossy()]))?;
    run(cmd(
        &py,
        &[
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "aiosmtpd==1.4.6",
        ],
    ))?;
    Ok(python)
}

/// OpenSMTPD 6.8 (Debian), the fourth real server: it conflicts with
/// Postfix as a package (both are the system's MTA), so its binary is
/// unpacked from Debian's .deb into `target/opensmtpd` and run by the test
/// that needs it, in a network namespace of its own. Its run-time needs
/// are what the package's postinst would make: two system users and the
/// chroot folder (root only; otherwise the commands are printed).
/// Returns the `smtpd` binary.
pub(crate) fn opensmtpd() -> Result<PathBuf> {
    let dir = root().join("target/opensmtpd");
    let smtpd = dir.join("usr/sbin/smtpd");
    if !smtpd.exists() {
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let download = || {
            let mut c = cmd("apt-get", &["download", "opensmtpd"]);
            c.current_dir(&dir);
            run(c)
        };
        if download().is_err() {
            // A fresh machine may have no package lists yet.
            let is_root = output("id", &["-u"]).is_some_and(|u| u.trim() == "0");
            if !is_root {
                return Err(
                    "apt-get download opensmtpd failed: run `sudo apt-get update` once".into(),
                );
            }
            run(cmd("apt-get", &["update"]))?;
            download()?;
        }
        let deb = std::fs::read_dir(&dir)
            .map_err(|e| e.to_string())?
            .filter_map(std::result::Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "deb"))
            .ok_or("apt-get download opensmtpd left no .deb")?;
        run(cmd(
            "dpkg",
            &["-x", &deb.to_string_lossy(), &dir.to_string_lossy()],
        ))?;
    }
    let users = ["opensmtpd", "opensmtpq"];
    let missing: Vec<&str> = users
        .iter()
        .copied()
        .filter(|u| output("id", &["-u", u]).is_none())
        .collect();
    let chroot = std::path::Path::new("/var/lib/opensmtpd/empty");
    if missing.is_empty() && chroot.is_dir() {
        return Ok(smtpd);
    }
    let is_root = output("id", &["-u"]).is_some_and(|u| u.trim() == "0");
    if !is_root {
        let mut commands = String::new();
        for user in &missing {
            commands.push_str("useradd --system --no-create-home --home-dir /var/lib/opensmtpd/empty --shell /usr/sbin/nologin ");
            commands.push_str(user);
            commands.push_str(" && ");
        }
        return Err(format!(
            "OpenSMTPD needs its users and chroot folder; as root run:\n\n    {commands}mkdir -p /var/lib/opensmtpd/empty\n"
        ));
    }
    for user in missing {
        run(cmd(
            "useradd",
            &[
                "--system",
                "--no-create-home",
                "--home-dir",
                "/var/lib/opensmtpd/empty",
                "--shell",
                "/usr/sbin/nologin",
                user,
            ],
        ))?;
    }
    std::fs::create_dir_all(chroot)
        .map_err(|e| format!("cannot create {}: {e}", chroot.display()))?;
    Ok(smtpd)
}

/// What `cargo xtask test` installs besides Debian packages, and whether
/// each is already there (for `--dry-run`).
pub(crate) fn plan() -> Vec<(String, bool)> {
    let bindgen = locked_wasm_bindgen().unwrap_or_default();
    let have_bindgen = output("wasm-bindgen", &["--version"])
        .is_some_and(|v| v.split_whitespace().nth(1) == Some(bindgen.as_str()));
    let opensmtpd = root().join("target/opensmtpd/usr/sbin/smtpd").exists()
        && ["opensmtpd", "opensmtpq"]
            .iter()
            .all(|u| output("id", &["-u", u]).is_some())
        && std::path::Path::new("/var/lib/opensmtpd/empty").is_dir();
    vec![
        (
            "the wasm32-unknown-unknown target (rustup)".to_owned(),
            wasm_target_present(),
        ),
        (
            format!("wasm-bindgen-cli {bindgen} (cargo install)"),
            have_bindgen,
        ),
        (
            "TypeScript, binaryen's wasm-opt, playwright-core, axe-core, smtp-server (npm ci in tests/node)"
                .to_owned(),
            node_tools_fresh(),
        ),
        (
            "aiosmtpd 1.4.6 in a virtualenv under target/py (pip)".to_owned(),
            aiosmtpd_present(),
        ),
        (
            "OpenSMTPD from its Debian .deb into target/opensmtpd, its users and chroot folder"
                .to_owned(),
            opensmtpd,
        ),
        (
            "nightly Rust and cargo-fuzz (the fuzzing smoke run)".to_owned(),
            crate::fuzz::tools_present(),
        ),
    ]
}
