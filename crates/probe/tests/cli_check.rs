//! `smtp-doctor check` as a user runs it: step lines, exit codes, secrets
//! only from stdin or the environment, never printed.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::{Command, Output, Stdio};

/// A plain SMTP peer on 127.0.0.1 without TLS or AUTH, in a thread.
fn peer() -> u16 {
    scripted(
        b"220 cli.test ESMTP\r\n",
        b"250-cli.test\r\n250 8BITMIME\r\n",
        b"250 ok\r\n",
    )
}

/// A peer with the given greeting, EHLO reply and reply to anything else.
fn scripted(greeting: &'static [u8], ehlo: &'static [u8], other: &'static [u8]) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(8) {
            let Ok(mut out) = stream else { continue };
            std::thread::spawn(move || {
                let _ = out.set_read_timeout(Some(std::time::Duration::from_secs(10)));
                let mut input = BufReader::new(out.try_clone().unwrap());
                let _ = out.write_all(greeting);
                let mut line = String::new();
                while input.read_line(&mut line).unwrap_or(0) > 0 {
                    let reply: &[u8] = match line.to_ascii_uppercase() {
                        l if l.starts_with("EHLO") => ehlo,
                        l if l.starts_with("QUIT") => b"221 bye\r\n",
                        _ => other,
                    };
                    let _ = out.write_all(reply);
                    line.clear();
                }
            });
        }
    });
    port
}

fn check(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .arg("check")
        .args(args)
        .envs(env.iter().copied())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A run that fails on its arguments exits without reading: the pipe
    // may be closed before the input is written, which is not an error.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

const OPEN: [&str; 4] = [
    "--allow-target",
    "127.0.0.0/8",
    "--allow-port",
    "1024-65535",
];

#[test]
fn a_working_server_exits_0_with_one_line_per_step() {
    let port = peer().to_string();
    let mut args = vec![
        "--host",
        "127.0.0.1",
        "--port",
        &port,
        "--security",
        "none",
        "--from",
        "me@example.com",
        "--timeout",
        "5",
    ];
    args.extend(OPEN);
    let out = check(&args, "", &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    for step in ["✓ connect", "✓ greeting", "✓ ehlo", "- tls"] {
        assert!(stdout.contains(step), "{step} in {stdout}");
    }
    assert!(stdout.contains("These settings work."));
    assert!(stdout.contains("S: 220 cli.test ESMTP"));
}

#[test]
fn the_password_from_stdin_is_used_and_never_printed() {
    let port = peer().to_string();
    let mut args = vec![
        "--host",
        "127.0.0.1",
        "--port",
        &port,
        "--security",
        "none",
        "--user",
        "me@example.com",
        "--from",
        "me@example.com",
        "--password-stdin",
        "--json",
    ];
    args.extend(OPEN);
    let out = check(&args, "Stdin-S3cret\n", &[]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"auth.not-offered") && codes.contains(&"auth.cleartext"),
        "{codes:?}"
    );
    assert!(
        !stdout.contains("Stdin-S3cret")
            && !String::from_utf8_lossy(&out.stderr).contains("Stdin-S3cret")
    );
}

/// `--access-token-env`: the token goes into the settings (here a refresh
/// token, named before any login), and is printed nowhere.
#[test]
fn an_access_token_from_the_environment_is_read_and_never_printed() {
    let port = peer().to_string();
    let mut args = vec![
        "--host",
        "127.0.0.1",
        "--port",
        &port,
        "--security",
        "none",
        "--user",
        "me@example.com",
        "--from",
        "me@example.com",
        "--access-token-env",
        "SMTP_DOCTOR_TEST_TOKEN",
        "--json",
    ];
    args.extend(OPEN);
    let token = "1//0gRefreshTokenNotAnAccessToken-xyz";
    let out = check(&args, "", &[("SMTP_DOCTOR_TEST_TOKEN", token)]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"auth.token-kind"), "{codes:?}");
    assert!(!stdout.contains(token) && !String::from_utf8_lossy(&out.stderr).contains(token));
}

#[test]
fn the_policy_answers_before_any_connection() {
    let out = check(
        &[
            "--host",
            "127.0.0.1",
            "--port",
            "9",
            "--security",
            "starttls",
            "--from",
            "me@example.com",
        ],
        "",
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("[policy.blocked-port]"), "{stdout}");
    let out = check(
        &[
            "--host",
            "127.0.0.1",
            "--port",
            "587",
            "--security",
            "starttls",
            "--from",
            "me@example.com",
        ],
        "",
        &[],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("[policy.blocked-address]"));
}

#[test]
fn usage_errors_exit_2() {
    let base = [
        "--host",
        "smtp.example.com",
        "--port",
        "587",
        "--security",
        "starttls",
    ];
    let with = |extra: &[&str]| {
        let mut v: Vec<&str> = base.to_vec();
        v.extend(extra);
        check(&v, "", &[]).status.code()
    };
    assert_eq!(
        with(&["--password", "x"]),
        Some(2),
        "no password as an argument value"
    );
    assert_eq!(with(&["--checks", "connect,bogus"]), Some(2));
    // Our inbox runs only in the service.
    assert_eq!(with(&["--checks", "auth,arrival"]), Some(2));
    assert_eq!(
        with(&["--password-env", "SMTP_DOCTOR_SURELY_UNSET"]),
        Some(2)
    );
    assert_eq!(with(&["--timeout", "0"]), Some(2));
    assert_eq!(with(&["--allow-target", "nope"]), Some(2));
    assert_eq!(check(&["--host", "x"], "", &[]).status.code(), Some(2));
}

/// A server whose greeting and replies carry terminal escape sequences
/// (retitle the window, clear the screen, hide a line).
fn hostile_peer() -> u16 {
    scripted(
        b"220 evil.test \x1b]0;pwned\x07\x1b[2J ESMTP\r\n",
        b"250-evil.test\r\n250 X-\x1b[8mHIDDEN\r\n",
        b"550 5.7.1 no \x1b[1A\x1b[2Kstill here\r\n",
    )
}

#[test]
fn server_text_is_printed_with_control_characters_escaped() {
    let port = hostile_peer().to_string();
    let mut args = vec![
        "--host",
        "127.0.0.1",
        "--port",
        &port,
        "--security",
        "none",
        "--from",
        "me@example.com",
        "--checks",
        "sender",
    ];
    args.extend(OPEN);
    let out = check(&args, "", &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.stdout.contains(&0x1b), "raw ESC on stdout: {stdout:?}");
    assert!(!out.stdout.contains(&0x07), "raw BEL on stdout: {stdout:?}");
    assert!(stdout.contains("\\u{1b}]0;pwned\\u{7}"), "{stdout}");
    assert!(stdout.contains("still here"), "{stdout}");
}

/// The scripted DNS server, on a runtime of its own (these tests are
/// synchronous, like the person at the keyboard).
fn dns(records: Vec<(String, Vec<common::dns::Record>)>) -> std::net::SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            tx.send(common::dns::serve_records(records).await).unwrap();
            std::future::pending::<()>().await;
        });
    });
    rx.recv().unwrap()
}

/// `check` of a plain-text peer on `port` with the domain check of
/// example.com through the scripted DNS at `dns`, and `more` arguments.
fn domain_check<'a>(port: &'a str, dns: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--host",
        "127.0.0.1",
        "--port",
        port,
        "--security",
        "none",
        "--from",
        "me@example.com",
        "--timeout",
        "5",
        "--checks",
        "connect,domain",
        "--dns-server",
        dns,
    ];
    args.extend(more);
    args.extend(OPEN);
    args
}

#[test]
fn the_domain_check_prints_its_step_and_the_record_to_publish() {
    let port = peer().to_string();
    let dns = dns(vec![(
        "example.com".to_owned(),
        vec![common::dns::Record::Txt("v=spf1 mx -all".into())],
    )])
    .to_string();
    let out = check(&domain_check(&port, &dns, &[]), "", &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("domain"), "{stdout}");
    assert!(
        stdout.contains("v=spf1 ip4:127.0.0.1 mx -all"),
        "the merged record: {stdout}"
    );
    assert!(stdout.contains("domain.spf-excludes-relay"), "{stdout}");
}

/// `--handoff`: after the report, what each person must do, for an
/// email — here a server that turns the client away before any word
/// (an IP allowlist: the IT team's) and a domain without DMARC (the DNS
/// administrator's), in the language asked for.
#[test]
fn handoff_names_who_must_act_with_the_evidence() {
    let port = scripted(
        b"554 5.7.1 Access denied: your IP address is not allowed\r\n",
        b"",
        b"",
    )
    .to_string();
    let dns = dns(vec![(
        "example.com".to_owned(),
        vec![common::dns::Record::Txt("v=spf1 ip4:127.0.0.1 -all".into())],
    )])
    .to_string();
    let out = check(
        &domain_check(&port, &dns, &["--handoff", "--lang", "de"]),
        "",
        &[],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let Some((_, handoff)) = stdout.split_once("Geprüfte SMTP-Einstellungen: 127.0.0.1:") else {
        panic!("no hand-off: {stdout}")
    };
    let it = handoff
        .find("Für Ihr IT-Team")
        .expect("the IT team's section");
    let dns = handoff
        .find("Für Ihre DNS-Verwaltung")
        .expect("the DNS administrator's section");
    assert!(it < dns, "{handoff}");
    assert!(
        handoff[it..dns].contains("smtp.greeting-rejected"),
        "{handoff}"
    );
    assert!(
        handoff[it..dns].contains("554 5.7.1 Access denied"),
        "{handoff}"
    );
    assert!(handoff[dns..].contains("v=DMARC1; p=none"), "{handoff}");
    // --json and --handoff do not mix.
    let out = check(
        &[
            "--handoff",
            "--json",
            "--host",
            "a",
            "--port",
            "1",
            "--security",
            "none",
        ],
        "",
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
}
