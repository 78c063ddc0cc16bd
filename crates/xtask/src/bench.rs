//! Benchmarks that print numbers (never timed asserts in tests).

use crate::sh::{Result, cargo, cmd, root, run};
use crate::{system, tools, wasm};

/// `cargo xtask bench`: criterion on `core::validate`.
pub(crate) fn criterion() -> Result {
    run(cmd(
        &cargo(),
        &["bench", "-p", "smtp-doctor-core", "--bench", "validate"],
    ))
}

/// `cargo xtask bench-wasm`: in headless Chromium, `validate()` per call
/// including JS↔wasm marshalling, instantiate time, and package sizes.
pub(crate) fn wasm() -> Result {
    system::ensure(system::TEST, false)?;
    let pkg = wasm::build()?;
    tools::node_tools()?;
    let script = root().join("benches/wasm.mjs");
    let mut c = cmd("node", &[&script.to_string_lossy(), &pkg.to_string_lossy()]);
    c.env("NODE_PATH", root().join("tests/node/node_modules"));
    run(c)
}

/// `cargo xtask bench-probe`: a full check against Postfix over a delayed
/// link, next to swaks and Python smtplib.
pub(crate) fn probe() -> Result {
    system::ensure(system::TEST, false)?;
    let python = tools::python_venv()?;
    crate::sh::release_binary()?;
    let mut c = cmd(
        &cargo(),
        &["bench", "-p", "smtp-doctor-probe", "--bench", "probe"],
    );
    c.env("SMTP_DOCTOR_TEST_PYTHON", python);
    run(c)
}

/// `cargo xtask bench-serve`: the service under load (wrk + 1,000 probes
/// against a tarpit), all on loopback.
pub(crate) fn serve() -> Result {
    system::ensure(system::WRK, false)?;
    run(cmd(
        &cargo(),
        &["bench", "-p", "smtp-doctor-probe", "--bench", "serve"],
    ))
}

/// `cargo xtask bench-discover`: discovery with silent guessed hosts,
/// total time next to the sequential sum (in a network namespace).
pub(crate) fn discover() -> Result {
    run(cmd(
        &cargo(),
        &["bench", "-p", "smtp-doctor-probe", "--bench", "discover"],
    ))
}

/// `cargo xtask bench-page`: the demo page and the React consumer app in
/// headless Chromium, and the npm package's size by part:
/// navigation to interactive, keystroke to message.
pub(crate) fn page() -> Result {
    system::ensure(system::TEST, false)?;
    wasm::build()?;
    tools::node_tools()?;
    let bin = crate::sh::release_binary()?;
    let web = root().join("web");
    let mut server = cmd(
        &bin.to_string_lossy(),
        &[
            "serve",
            "--store",
            "none",
            "--listen",
            "127.0.0.1:0",
            "--web-dir",
            &web.to_string_lossy(),
            // The sandbox, for "Test connection" → headline timings.
            "--sandbox",
            "--sandbox-port-offset",
            "25000",
            "--probes-per-minute",
            "1000",
        ],
    )
    .env("RUST_LOG", "warn")
    .stdout(std::process::Stdio::piped())
    .spawn()
    .map_err(|e| format!("cannot start smtp-doctor serve: {e}"))?;
    let url = first_url(server.stdout.take());
    let result = match url {
        Some(url) => run(cmd("node", &["benches/page.mjs", &url])),
        None => Err("smtp-doctor serve printed no URL".into()),
    };
    let _ = server.kill();
    let _ = server.wait();
    result
}

/// The `http://…` URL in the first lines a child prints.
fn first_url(stdout: Option<std::process::ChildStdout>) -> Option<String> {
    use std::io::BufRead as _;
    let lines = std::io::BufReader::new(stdout?).lines();
    lines
        .take(50)
        .map_while(std::result::Result::ok)
        .find_map(|l| {
            l.split_whitespace()
                .find(|w| w.starts_with("http://"))
                .map(str::to_owned)
        })
}
