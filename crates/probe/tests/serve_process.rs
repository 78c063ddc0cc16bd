//! `smtp-doctor serve` as a process: it listens, and on SIGTERM lets a
//! running probe finish and answer before it exits, within its bound.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn sigterm_lets_the_running_probe_answer_then_exits() {
    // A tarpit: accepts and never greets.
    let tarpit = TcpListener::bind("127.0.0.1:0").unwrap();
    let tarpit_port = tarpit.local_addr().unwrap().port();
    let (accepted, held) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut open = Vec::new();
        for s in tarpit.incoming().take(4).flatten() {
            open.push(s);
            let _ = accepted.send(());
        }
        std::thread::sleep(Duration::from_secs(30));
    });
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args([
            "serve",
            "--store",
            "none",
            "--listen",
            "127.0.0.1:0",
            "--allow-target",
            "127.0.0.0/8",
            "--allow-port",
            "1024-65535",
        ])
        .args(["--timeout", "2", "--deadline", "4"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line.trim().rsplit("http://").next().unwrap().to_owned();

    let body = format!(
        r#"{{"config":{{"host":"127.0.0.1","port":{tarpit_port},"security":"none","from":"a@example.com"}},"checks":["connect"]}}"#
    );
    let mut client = TcpStream::connect(&addr).unwrap();
    client
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(client, "POST /v1/probe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
    // The probe is running (in the tarpit) when the signal comes.
    held.recv_timeout(Duration::from_secs(10))
        .expect("the probe reached the tarpit");
    let started = Instant::now();
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();

    let mut response = String::new();
    client.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("smtp.no-greeting"), "{response}");
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "still running after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status}");
}

/// Started without `--helo`, the service warns (on stderr, stdout keeps
/// only the listening line): servers that check the EHLO name would
/// refuse every probe with `smtp.helo-rejected`. With `--helo` it does not.
#[test]
fn serve_warns_when_helo_is_unset() {
    for (helo, warns) in [(None, true), (Some("probe.example.com"), false)] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"));
        cmd.args(["serve", "--store", "none", "--listen", "127.0.0.1:0"])
            .env_remove("SMTP_DOCTOR_HELO")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(name) = helo {
            cmd.args(["--helo", name]);
        }
        let mut child = cmd.spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(
            line.starts_with("smtp-doctor listening on http://"),
            "{line}"
        );
        let _ = child.kill();
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let _ = child.wait();
        assert_eq!(stderr.contains("--helo is not set"), warns, "{stderr}");
    }
}
