//! Running a test (or bench) binary inside a fresh network namespace:
//! `unshare -r -n` (root in a new user namespace, so ports below 1024 bind),
//! loopback only, so nothing it does can leave the machine.

#![allow(dead_code)] // each test binary uses one of the two ways in

use std::process::{Command, ExitCode};

/// Inside the namespace (the `marker` variable is set): `None`, run the
/// cases. Outside: re-executes this binary inside one with the same
/// arguments and returns its exit status.
pub fn enter(marker: &str) -> Option<ExitCode> {
    enter_with(marker, &["-r", "-n"])
}

/// Like [`enter`], but without a user namespace: the binary stays the
/// real root, so a server it starts can drop to its own system users
/// (OpenSMTPD's privilege separation). Needs root.
pub fn enter_as_root(marker: &str) -> Option<ExitCode> {
    enter_with(marker, &["-n"])
}

fn enter_with(marker: &str, unshare: &[&str]) -> Option<ExitCode> {
    if std::env::var_os(marker).is_some() {
        return None;
    }
    let exe = std::env::current_exe().expect("the running binary's path");
    let status = Command::new("unshare")
        .args(unshare)
        .args(["--", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\""])
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
