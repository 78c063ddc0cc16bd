//! `cargo xtask bench-probe`: wall time of a full STARTTLS + AUTH check and
//! of an implicit-TLS + AUTH check against a real Postfix behind a link
//! with 25 ms of delay each way, as a multiple of the RTT, side by side with
//! swaks and Python's smtplib doing the same in the same run.
//!
//! The delay is a userspace proxy on loopback (this kernel has no `netem`
//! qdisc): every chunk is held 25 ms in each direction, pipelining kept.
//! The TCP handshake to the proxy is not delayed, so each client is spared
//! the connect RTT alike; the protocol minimum below counts from there.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/servers/postfix.rs"]
mod postfix_server;

use std::net::SocketAddr;
use std::process::Command;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const ONE_WAY: Duration = Duration::from_millis(25);
const RUNS: usize = 7;

/// A TCP proxy that delays every chunk by `ONE_WAY` in both directions.
async fn delay_proxy(upstream: SocketAddr) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let Ok(server) = TcpStream::connect(upstream).await else {
                continue;
            };
            let _ = client.set_nodelay(true);
            let _ = server.set_nodelay(true);
            let (cr, cw) = client.into_split();
            let (sr, sw) = server.into_split();
            tokio::spawn(pipe(cr, sw));
            tokio::spawn(pipe(sr, cw));
        }
    });
    addr
}

async fn pipe(mut from: tokio::net::tcp::OwnedReadHalf, mut to: tokio::net::tcp::OwnedWriteHalf) {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(Instant, Vec<u8>)>();
    let writer = tokio::spawn(async move {
        while let Some((due, data)) = rx.recv().await {
            tokio::time::sleep_until(due.into()).await;
            if to.write_all(&data).await.is_err() {
                return;
            }
        }
        let _ = to.shutdown().await;
    });
    let mut buf = vec![0u8; 16 * 1024];
    while let Ok(n) = from.read(&mut buf).await {
        if n == 0
            || tx
                .send((Instant::now() + ONE_WAY, buf[..n].to_vec()))
                .is_err()
        {
            break;
        }
    }
    drop(tx);
    let _ = writer.await;
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time_command(mut make: impl FnMut() -> Command) -> Result<Duration, String> {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let mut c = make();
        let t = Instant::now();
        let out = c.output().map_err(|e| format!("{c:?}: {e}"))?;
        let took = t.elapsed();
        if !out.status.success() {
            return Err(format!(
                "{} failed: {}{}",
                std::path::Path::new(c.get_program()).display(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        times.push(took);
    }
    Ok(median(times))
}

#[allow(clippy::too_many_lines)] // one table, built in order
fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let pf = postfix_server::Postfix::start().unwrap_or_else(|e| panic!("{e}"));
    let (starttls, implicit) = runtime.block_on(async {
        (
            delay_proxy(([127, 0, 0, 1], pf.ports.submission).into()).await,
            delay_proxy(([127, 0, 0, 1], pf.ports.smtps).into()).await,
        )
    });
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-probe");
    std::fs::create_dir_all(&dir).unwrap();
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, &common::certs().ca_pem).unwrap();
    let bin =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/release/smtp-doctor");
    let python = std::env::var("SMTP_DOCTOR_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let (user, pass) = (postfix_server::ASCII_USER, postfix_server::ASCII_PASSWORD);
    let rtt = (ONE_WAY * 2).as_secs_f64();

    let ours = |addr: SocketAddr, mode: &'static str| {
        let (bin, ca) = (bin.clone(), ca.clone());
        move || {
            let mut c = Command::new(&bin);
            c.args([
                "check",
                "--host",
                "localhost",
                "--port",
                &addr.port().to_string(),
                "--security",
                mode,
            ])
            .args([
                "--user",
                user,
                "--password-env",
                "BENCH_PW",
                "--from",
                user,
                "--checks",
                "auth",
                "--json",
            ])
            .args([
                "--allow-target",
                "127.0.0.0/8,::1",
                "--allow-port",
                "1024-65535",
                "--ca-file",
                &ca.display().to_string(),
            ])
            .env("BENCH_PW", pass);
            c
        }
    };
    let swaks = |addr: SocketAddr, mode: &'static str| {
        move || {
            let mut c = Command::new("swaks");
            c.args([
                "--server",
                &format!("127.0.0.1:{}", addr.port()),
                if mode == "tls" { "--tlsc" } else { "--tls" },
            ])
            .args([
                "--auth",
                "PLAIN",
                "--auth-user",
                user,
                "--auth-password",
                pass,
                "--quit-after",
                "AUTH",
                "--helo",
                "bench.test",
                "--silent",
                "2",
            ]);
            c
        }
    };
    let smtplib = |addr: SocketAddr, mode: &'static str| {
        let python = python.clone();
        move || {
            let code = if mode == "tls" {
                format!(
                    "import smtplib,ssl; c=ssl._create_unverified_context(); s=smtplib.SMTP_SSL('127.0.0.1',{},context=c,timeout=10); s.login('{user}','{pass}'); s.quit()",
                    addr.port()
                )
            } else {
                format!(
                    "import smtplib,ssl; s=smtplib.SMTP('127.0.0.1',{},timeout=10); s.starttls(context=ssl._create_unverified_context()); s.login('{user}','{pass}'); s.quit()",
                    addr.port()
                )
            };
            let mut c = Command::new(&python);
            c.args(["-c", &code]);
            c
        }
    };

    // Round trips after connect, TLS 1.3, QUIT answered:
    // STARTTLS: greeting, EHLO, STARTTLS, handshake, EHLO, AUTH, QUIT = 7.
    // Implicit: handshake, greeting, EHLO, AUTH, QUIT = 5.
    println!(
        "\nSTARTTLS + AUTH and implicit TLS + AUTH against Postfix, 25 ms each way (RTT {:.0} ms), median of {RUNS} runs, whole process",
        rtt * 1000.0
    );
    println!(
        "{:<22} {:>14} {:>14}",
        "client", "STARTTLS+AUTH", "implicit+AUTH"
    );
    println!(
        "{:<22} {:>14} {:>14}",
        "protocol minimum", "7.0 RTT", "5.0 RTT"
    );
    for (name, a, b) in [
        (
            "smtp-doctor check",
            time_command(ours(starttls, "starttls")),
            time_command(ours(implicit, "tls")),
        ),
        (
            "swaks",
            time_command(swaks(starttls, "starttls")),
            time_command(swaks(implicit, "tls")),
        ),
        (
            "python smtplib",
            time_command(smtplib(starttls, "starttls")),
            time_command(smtplib(implicit, "tls")),
        ),
    ] {
        let show = |r: Result<Duration, String>| match r {
            Ok(d) => format!("{:.2} RTT {:>4} ms", d.as_secs_f64() / rtt, d.as_millis()),
            Err(e) => {
                eprintln!("{name}: {e}");
                "failed".into()
            }
        };
        println!("{name:<22} {:>14} {:>14}", show(a), show(b));
    }
    // Mode mismatches on loopback, engine in-process with default timings:
    // how long until the diagnosis and its verified suggestion are known.
    let engine = common::engine_with(|o| {
        o.timeout = Duration::from_secs(15);
        let defaults = smtp_doctor_probe::engine::EngineOptions::default();
        o.mismatch_window = defaults.mismatch_window;
        o.tls_port_window = defaults.tls_port_window;
    });
    println!(
        "\nmode mismatch on loopback (goal ≤ 0.5 s; Postfix's implicit-TLS port is {}), median of {RUNS}",
        pf.ports.smtps
    );
    for (name, port, mode, code) in [
        (
            "implicit-TLS port, STARTTLS chosen",
            pf.ports.smtps,
            "starttls",
            "tls.expected-implicit",
        ),
        (
            "STARTTLS port, TLS/SSL chosen",
            pf.ports.submission,
            "tls",
            "tls.expected-starttls",
        ),
    ] {
        let req = common::request(
            ([127, 0, 0, 1], port).into(),
            mode,
            serde_json::json!({}),
            &["connect"],
        );
        let mut times = Vec::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            let report = runtime.block_on(common::probe(&engine, &req));
            times.push(t.elapsed());
            assert!(
                common::codes(&report).iter().any(|c| c == code) && report.suggestion.is_some(),
                "{name}: {:?}",
                common::codes(&report)
            );
        }
        println!("{name:<36} {:>6} ms", median(times).as_millis());
    }
    drop(pf);
}
