//! `smtp-doctor validate` as a user runs it: exit codes, output, bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    run_with(args, stdin, &[])
}

/// `run` with the locale variables cleared, then `env` set.
fn run_with(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-doctor"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(env.iter().copied())
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

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn errors_exit_1_with_grouped_human_output_and_fixes() {
    let out = run(
        &["validate", "-"],
        r#"{"host":"smtp.example.com","port":465,"security":"starttls","from":"a@example.com"}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Security\n"), "{stdout}");
    assert!(
        stdout.contains("Port 465 expects TLS/SSL, but STARTTLS is selected. [tls.port-mismatch]")
    );
    assert!(stdout.contains("fix: Use TLS/SSL (security = \"tls\")"));
}

/// SPEC §7.4: `--lang`, else LC_ALL / LC_MESSAGES / LANG, else English;
/// an unsupported `--lang` is a usage error that names the choices.
#[test]
fn speaks_the_language_asked_for() {
    let settings =
        r#"{"host":"smtp.example.com","port":465,"security":"starttls","from":"a@example.com"}"#;
    let german = "Port 465 erwartet TLS/SSL, gewählt ist aber STARTTLS. [tls.port-mismatch]";
    for (args, env) in [
        (&["validate", "-", "--lang", "de"][..], &[][..]),
        (
            &["--lang", "de-CH", "validate", "-"][..],
            &[("LANG", "en_US.UTF-8")][..],
        ),
        (&["validate", "-"][..], &[("LANG", "de_DE.UTF-8")][..]),
        (
            &["validate", "-"][..],
            &[("LANG", "en_US.UTF-8"), ("LC_ALL", "de_AT.UTF-8")][..],
        ),
    ] {
        let out = run_with(args, settings, env);
        let stdout = text(&out.stdout);
        assert!(stdout.contains(german), "{args:?} {env:?}: {stdout}");
        assert!(
            stdout.contains("Korrektur: TLS/SSL verwenden (security = \"tls\")"),
            "{stdout}"
        );
        assert!(stdout.contains("Sicherheit\n"), "{stdout}");
    }
    let english = run_with(&["validate", "-"], settings, &[("LANG", "C.UTF-8")]);
    assert!(text(&english.stdout).contains("Port 465 expects TLS/SSL"));
    let bad = run(&["validate", "-", "--lang", "tlh"], settings);
    assert_eq!(bad.status.code(), Some(2));
    let stderr = text(&bad.stderr);
    assert!(
        stderr.contains("--lang tlh") && stderr.contains("de"),
        "{stderr}"
    );
}

#[test]
fn clean_settings_exit_0() {
    let out = run(
        &["validate", "-"],
        r#"{"host":"mail.example.com","port":587,"security":"starttls","username":"a@example.com","password":"pw","from":"a@example.com"}"#,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("No problems found."));
}

#[test]
fn json_output_is_the_diagnostics_array() {
    let dir = std::env::temp_dir().join(format!("smtp-doctor-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("settings.json");
    std::fs::write(
        &file,
        r#"{"host":"imap.gmail.com","port":993,"security":"tls"}"#,
    )
    .unwrap();
    let out = run(&["validate", file.to_str().unwrap(), "--json"], "");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"host.incoming-server") && codes.contains(&"port.incoming"),
        "{codes:?}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_json_is_a_clear_usage_error() {
    let out = run(&["validate", "-"], "{\"host\": ");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.starts_with("error: stdin is not valid JSON"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn missing_file_and_bad_flags_exit_2() {
    let out = run(&["validate", "/nonexistent/settings.json"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read /nonexistent/settings.json"));
    assert_eq!(run(&["validate"], "").status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
}

/// `smtp-doctor explain`: a library's error with the settings it happened
/// with, JSON out; unknown text exits 1; a password in the text is not
/// echoed; a missing file exits 2.
#[test]
fn explain_names_the_cause_of_a_pasted_error() {
    let nodemailer = "Error: Invalid login: 535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp\n  code: 'EAUTH',\n  command: 'AUTH PLAIN'";
    let out = run(
        &[
            "explain",
            "--json",
            "--host",
            "smtp.gmail.com",
            "--port",
            "465",
            "--security",
            "starttls",
        ],
        nodemailer,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"auth.failed"), "{codes:?}");
    // The settings' own mistake is named with its fix.
    assert!(codes.contains(&"tls.port-mismatch"), "{codes:?}");
    assert_eq!(v["recognised"]["library"], "nodemailer");
    assert_eq!(v["recognised"]["provider"], "gmail");
    assert_eq!(v["recognised"]["command"], "auth");

    let out = run(
        &["explain"],
        "C: AUTH PLAIN AG1lAHMzY3JldC1wYXNzd29yZC0xMjM0\nS: 535 5.7.8 Error: authentication failed\npassword=s3cret-password-1234",
    );
    assert!(out.status.success());
    let said = text(&out.stdout);
    assert!(said.contains("auth.failed"), "{said}");
    assert!(
        !said.contains("s3cret") && !said.contains("AG1lAHMz"),
        "{said}"
    );

    let out = run(&["explain"], "something went wrong");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("explain.not-recognised"));

    let out = run(&["explain", "/nonexistent/smtp-doctor-explain.txt"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read"));
}
