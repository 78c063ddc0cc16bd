//! `cargo xtask demo`: build the browser package and the binary, then run
//! `smtp-doctor serve --sandbox`: the settings page, the probe service and
//! a local sandbox SMTP server, all on loopback, so every scenario works
//! offline — the end-to-end test email too: the sandbox delivers it to
//! the service's inbox.

use crate::sh::{Result, cmd, root, run};
use crate::wasm;

pub(crate) fn start(args: &[String]) -> Result {
    let listen = args
        .iter()
        .position(|a| a == "--listen")
        .and_then(|i| args.get(i + 1))
        .map_or("127.0.0.1:8787", String::as_str);
    wasm::build()?;
    let bin = crate::sh::release_binary()?;
    let web = root().join("web");
    // Share links ("Send this to your IT team") are kept here.
    let store_dir = root().join("target/demo");
    std::fs::create_dir_all(&store_dir).map_err(|e| format!("{}: {e}", store_dir.display()))?;
    let store = format!("sqlite:{}", store_dir.join("reports.db").display());
    eprintln!(
        "\n\x1b[1mOpen http://{listen}/ — the sandbox below answers on localhost.\x1b[0m\n\
         Try: host localhost, port 2587, STARTTLS, the demo login; then change one thing at a time:\n\
         \x20 port 2465 with STARTTLS (wrong mode), port 2466 (expired certificate),\n\
         \x20 port 2467 (wrong name), From ceo@sandbox.test with \"Check that I may send\" (sender not allowed),\n\
         \x20 password account-password (app password required), port 2554 (client refused).\n\
         \x20 \"Detect settings\" with demo@sandbox.test finds both ports through SRV records, offline.\n\
         \x20 \"Send a test email to the test service's inbox\": the sandbox delivers it to the service's\n\
         \x20 own inbox, and \"Will it arrive?\" says what a receiver saw (no DKIM signature here).\n\
         Ctrl-C stops the demo.\n"
    );
    run(cmd(
        &bin.to_string_lossy(),
        &[
            "serve",
            "--listen",
            listen,
            "--web-dir",
            &web.to_string_lossy(),
            "--sandbox",
            "--store",
            &store,
            // The sandbox delivers mail for this domain to the service's
            // inbox: the `arrival` check works offline.
            "--inbox-domain",
            "inbox.sandbox.test",
            "--inbox-listen",
            "127.0.0.1:2526",
        ],
    ))
}
