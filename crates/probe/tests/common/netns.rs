//! Running a test (or bench) binary inside a fresh network namespace:
//! `unshare -r -n` (root in a new user namespace, so ports below 1024 bind),
//! loopback only, so nothing it does can leave the machine.

use std::process::{Command, ExitCode};

/// Inside the namespace (the `marker` variable is set): `None`, run the
/// cases. Outside: re-executes this binary inside one with the same
/// arguments and returns its exit status.
pub fn enter(marker: &str) -> Option<ExitCode> {
    if std::env::var_os(marker).is_some() {
        return None;
    }
    let exe = std::env::current_exe().expect("the running binary's path");
    let status = Command::new("unshare")
        .args([
            "-r",
            "-n",
            "--",
            "sh",
            "-c",
            "ip link set lo up && exec \"$0\" \"$@\"",
        ])
        .arg(&exe)
        .args(std::env::args().skip(1))
        .env(marker, "1")
        .status()
        .unwrap_or_else(|e| {
            panic!("cannot run unshare (util-linux; needs user namespaces or root): {e}")
        });
    Some(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
