//! `cargo xtask test --dry-run` on a machine that lacks everything: the
//! plan names every missing Debian package with its reason and how it
//! would be installed (as root: apt-get itself, no third command), the
//! tools it would install, and the steps — and it changes nothing.

use std::path::Path;
use std::process::Command;

#[test]
fn the_plan_of_a_bare_machine() {
    // A PATH with only `sh` and `id`: every command-checked package and
    // tool looks missing (file-checked ones depend on this machine).
    let bin = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bare-path");
    let _ = std::fs::remove_dir_all(&bin);
    std::fs::create_dir_all(&bin).unwrap();
    for tool in ["sh", "id"] {
        let found = ["/bin", "/usr/bin"]
            .iter()
            .map(|d| Path::new(d).join(tool))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("no {tool}"));
        std::os::unix::fs::symlink(found, bin.join(tool)).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["test", "--dry-run"])
        .env("PATH", &bin)
        .env_remove("CI")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (package, why) in [
        ("chromium", "headless Chromium"),
        ("chromium-driver", "test runner"),
        ("nodejs", "Node"),
        ("npm", "tests/node"),
        ("swaks", "swaks"),
        ("python3-venv", "virtualenv"),
        ("iproute2", "loopback"),
        ("util-linux", "network namespace"),
    ] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(package) && l.contains(why)),
            "{package} is not in the plan with its reason:\n{text}"
        );
    }
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if is_root {
        // As root, without CI: it installs itself, in one apt-get run.
        assert!(
            text.contains("would run (as root): apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver nodejs npm"),
            "{text}"
        );
    } else {
        assert!(text.contains("apt-get install -y"), "{text}");
    }
    assert!(
        text.contains("would install: the wasm32-unknown-unknown target"),
        "{text}"
    );
    assert!(
        text.contains("then the steps: format; clippy (native)"),
        "{text}"
    );
}
