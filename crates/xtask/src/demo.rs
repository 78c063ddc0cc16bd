//! `cargo xtask demo`: build the browser package and the binary, then run
//! `smtp-doctor serve` with the settings page and print the URL.

use crate::sh::{Result, cargo, cmd, root, run};
use crate::wasm;

pub(crate) fn start(args: &[String]) -> Result {
    let listen = args
        .iter()
        .position(|a| a == "--listen")
        .and_then(|i| args.get(i + 1))
        .map_or("127.0.0.1:8787", String::as_str);
    wasm::build()?;
    run(cmd(
        &cargo(),
        &["build", "--release", "-p", "smtp-doctor-probe"],
    ))?;
    let bin = root().join("target/release/smtp-doctor");
    let web = root().join("web");
    eprintln!(
        "\n\x1b[1mOpen http://{listen}/ and type your SMTP settings. Ctrl-C stops the demo.\x1b[0m\n"
    );
    run(cmd(
        &bin.to_string_lossy(),
        &[
            "serve",
            "--listen",
            listen,
            "--web-dir",
            &web.to_string_lossy(),
        ],
    ))
}
