//! The corpus for `explain`, from real programs: each client library an
//! integrator's app uses (Nodemailer from npm, Python's smtplib, Go's
//! net/smtp, Ruby's Net::SMTP, PHPMailer and Jakarta Mail from Debian)
//! sends a message through the sandbox in each failing situation it
//! teaches, and prints what the app's log would show. The live probe meets
//! the same situation; `explain` of the library's words must name the code
//! the probe gave. Every output is kept under the target dir
//! (`explain-corpus/<library>/<situation>.txt`) and the share explained per
//! library is printed.

mod common;
#[path = "servers/postfix.rs"]
mod postfix_server;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{engine_with, loopback, probe, request};
use serde_json::json;
use smtp_doctor_core::Severity;
use smtp_doctor_probe::sandbox::{Behaviour, Sandbox, SandboxOptions};

const USER: &str = "demo@sandbox.test";
const PASSWORD: &str = "demo-app-password";

/// One failing situation: the sandbox port, the mode chosen, the login,
/// the From, and whether the client trusts the sandbox's CA.
struct Situation {
    name: &'static str,
    port: Port,
    security: &'static str,
    password: &'static str,
    from: &'static str,
    trust: bool,
}

#[derive(Clone, Copy)]
enum Port {
    Sandbox(Behaviour),
    /// A loopback port nothing listens on.
    Closed,
}

const SITUATIONS: &[Situation] = &[
    Situation {
        name: "wrong-password",
        port: Port::Sandbox(Behaviour::Starttls),
        security: "starttls",
        password: "not-the-password",
        from: USER,
        trust: true,
    },
    Situation {
        name: "account-password",
        port: Port::Sandbox(Behaviour::Starttls),
        security: "starttls",
        password: "account-password",
        from: USER,
        trust: true,
    },
    Situation {
        name: "sender-not-allowed",
        port: Port::Sandbox(Behaviour::Starttls),
        security: "starttls",
        password: PASSWORD,
        from: "ceo@other.example",
        trust: true,
    },
    Situation {
        name: "tls-on-starttls-port",
        port: Port::Sandbox(Behaviour::Starttls),
        security: "tls",
        password: PASSWORD,
        from: USER,
        trust: true,
    },
    Situation {
        name: "starttls-on-tls-port",
        port: Port::Sandbox(Behaviour::ImplicitTls),
        security: "starttls",
        password: PASSWORD,
        from: USER,
        trust: true,
    },
    Situation {
        name: "expired-certificate",
        port: Port::Sandbox(Behaviour::ExpiredCert),
        security: "tls",
        password: PASSWORD,
        from: USER,
        trust: true,
    },
    Situation {
        name: "certificate-for-another-name",
        port: Port::Sandbox(Behaviour::WrongName),
        security: "tls",
        password: PASSWORD,
        from: USER,
        trust: true,
    },
    Situation {
        name: "untrusted-certificate",
        port: Port::Sandbox(Behaviour::ImplicitTls),
        security: "tls",
        password: PASSWORD,
        from: USER,
        trust: false,
    },
    Situation {
        name: "client-refused",
        port: Port::Sandbox(Behaviour::RejectClient),
        security: "none",
        password: PASSWORD,
        from: USER,
        trust: true,
    },
    Situation {
        name: "nothing-listens",
        port: Port::Closed,
        security: "starttls",
        password: PASSWORD,
        from: USER,
        trust: true,
    },
];

/// Where a library's words hold no cause at all (PHPMailer without
/// SMTPDebug says only "Could not connect to SMTP host."): `explain` must
/// answer "not recognised" there.
const HIDDEN: &[(&str, &str)] = &[
    ("phpmailer", "tls-on-starttls-port"),
    ("phpmailer", "starttls-on-tls-port"),
    ("phpmailer", "expired-certificate"),
    ("phpmailer", "certificate-for-another-name"),
    ("phpmailer", "untrusted-certificate"),
    ("phpmailer", "client-refused"),
    ("phpmailer", "nothing-listens"),
];

/// A library, ready to run: the command for one attempt.
struct Library {
    id: &'static str,
    /// The command for one attempt; `true`: the client trusts the sandbox CA.
    command: Box<dyn Fn(bool) -> Command + Sync>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn work_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("explain-corpus");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run_ok(c: &mut Command, what: &str) {
    let out = c
        .output()
        .unwrap_or_else(|e| panic!("{what}: {e} (installed by `cargo xtask test`)"));
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Go's client, built once.
fn build_go(corpus: &Path, work: &Path) -> PathBuf {
    let go_bin = work.join("go_smtp");
    run_ok(
        Command::new("go")
            .args(["build", "-o"])
            .arg(&go_bin)
            .arg(corpus.join("go_smtp.go"))
            .env("GOCACHE", work.join("go-cache"))
            .env("GOPATH", work.join("go-path"))
            .env("GO111MODULE", "off"),
        "go build (Debian golang-go)",
    );
    go_bin
}

/// The Java client, compiled once against Debian's Jakarta Mail, and the
/// sandbox CA in a trust store: its classpath and the store.
fn build_java(corpus: &Path, work: &Path, ca: &Path) -> (String, PathBuf) {
    // Java: compiled once against Debian's Jakarta Mail; the sandbox CA in a trust store.
    let classpath = "/usr/share/java/jakarta-mail.jar:/usr/share/java/jakarta-activation.jar";
    let classes = work.join("java");
    std::fs::create_dir_all(&classes).unwrap();
    run_ok(
        Command::new("javac")
            .args(["-cp", classpath, "-d"])
            .arg(&classes)
            .arg(corpus.join("JakartaMail.java")),
        "javac (Debian default-jdk-headless, libjakarta-mail-java)",
    );
    let store = work.join("sandbox-ca.p12");
    let _ = std::fs::remove_file(&store);
    run_ok(
        Command::new("keytool")
            .args([
                "-importcert",
                "-noprompt",
                "-alias",
                "sandbox",
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keystore",
            ])
            .arg(&store)
            .arg("-file")
            .arg(ca),
        "keytool",
    );
    (format!("{classpath}:{}", classes.display()), store)
}

/// Every library, built where it needs building. A missing one fails the
/// test with what installs it.
fn libraries(ca: &Path) -> Vec<Library> {
    let corpus = corpus_dir();
    let work = work_dir();
    let node_modules = std::env::var_os("SMTP_DOCTOR_TEST_NODE_MODULES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/node/node_modules"),
        PathBuf::from,
    );
    assert!(
        node_modules.join("nodemailer").exists(),
        "nodemailer is not in {}: run `cargo xtask test`",
        node_modules.display()
    );
    let go_bin = build_go(&corpus, &work);
    let (java_cp, store) = build_java(&corpus, &work, ca);
    let php = corpus.join("phpmailer.php");
    assert!(
        Path::new("/usr/share/php/libphp-phpmailer/autoload.php").exists(),
        "PHPMailer is missing: apt-get install libphp-phpmailer (cargo xtask test does)"
    );
    let (py, rb, mjs) = (
        corpus.join("python_smtplib.py"),
        corpus.join("net_smtp.rb"),
        corpus.join("nodemailer.mjs"),
    );
    let interpreted = |id: &'static str,
                       program: &'static str,
                       args: Vec<PathBuf>,
                       env: Option<(&'static str, &'static str)>| Library {
        id,
        command: Box::new(move |_| {
            let mut c = Command::new(program);
            c.args(&args);
            if let Some((k, v)) = env {
                c.env(k, v);
            }
            c
        }),
    };
    vec![
        interpreted("nodemailer", "node", vec![mjs, node_modules], None),
        interpreted("smtplib", "python3", vec![py], None),
        Library {
            id: "go",
            command: Box::new(move |_| Command::new(&go_bin)),
        },
        interpreted("ruby", "ruby", vec![rb], None),
        interpreted("phpmailer", "php", vec![php.clone()], None),
        interpreted(
            "phpmailer-debug",
            "php",
            vec![php],
            Some(("SMTP_DEBUG", "1")),
        ),
        Library {
            id: "javamail",
            command: Box::new(move |trust| {
                let mut c = Command::new("java");
                c.args(["-cp", &java_cp]);
                if trust {
                    c.arg(format!("-Djavax.net.ssl.trustStore={}", store.display()))
                        .arg("-Djavax.net.ssl.trustStorePassword=changeit");
                }
                c.arg("JakartaMail");
                c
            }),
        },
    ]
}

/// What `library` printed for `env`, killed after 20 s.
fn attempt(library: &Library, env: &[(&str, String)], trust: bool) -> String {
    let mut c = (library.command)(trust);
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", library.id));
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    // An app's log has both: PHP's warnings, a crash's traceback.
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// One library in one situation.
struct Outcome {
    library: &'static str,
    situation: &'static str,
    probe: &'static str,
    ok: bool,
    hidden: bool,
    named: String,
    said: String,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::too_many_lines)] // one table, every library, one report
async fn explain_names_what_the_probe_names_for_each_librarys_words() {
    let sandbox = Sandbox::start(SandboxOptions::ephemeral()).await.unwrap();
    let ca_path = work_dir().join("sandbox-ca.pem");
    std::fs::write(&ca_path, sandbox.ca_pem()).unwrap();
    let trusted = engine_with(|o| o.extra_roots = vec![sandbox.ca_der().clone()]);
    let untrusted = engine_with(|_| {});
    let closed = common::free_port();

    // What the live probe says in each situation: its first error.
    let mut expected = Vec::new();
    for s in SITUATIONS {
        let port = match s.port {
            Port::Sandbox(b) => sandbox.port(b).unwrap(),
            Port::Closed => closed,
        };
        let req = request(
            loopback(port),
            s.security,
            json!({"username": USER, "password": s.password, "from": s.from}),
            &["connect", "tls", "auth", "sender"],
        );
        let report = probe(if s.trust { &trusted } else { &untrusted }, &req).await;
        let code = report
            .steps
            .iter()
            .flat_map(|st| &st.diagnostics)
            .find(|d| d.severity == Severity::Error)
            .map_or_else(
                || {
                    panic!(
                        "{}: the probe found no error: {:#?}",
                        s.name, report.transcript
                    )
                },
                |d| d.code.as_str(),
            );
        expected.push((port, code));
    }

    let ca = ca_path.clone();
    let results = tokio::task::spawn_blocking(move || {
        let libraries = libraries(&ca);
        std::thread::scope(|scope| {
            let handles: Vec<_> = libraries
                .iter()
                .map(|library| {
                    let expected = &expected;
                    let ca = &ca;
                    scope.spawn(move || {
                        SITUATIONS
                            .iter()
                            .zip(expected)
                            .map(|(s, (port, code))| {
                                let env = [
                                    ("SMTP_HOST", "localhost".to_owned()),
                                    ("SMTP_PORT", port.to_string()),
                                    ("SMTP_SECURITY", s.security.to_owned()),
                                    ("SMTP_USER", USER.to_owned()),
                                    ("SMTP_PASS", s.password.to_owned()),
                                    ("SMTP_FROM", s.from.to_owned()),
                                    ("SMTP_TO", USER.to_owned()),
                                    (
                                        "SMTP_CA",
                                        if s.trust {
                                            ca.display().to_string()
                                        } else {
                                            String::new()
                                        },
                                    ),
                                ];
                                let said = attempt(library, &env, s.trust);
                                let dir = work_dir().join(library.id);
                                std::fs::create_dir_all(&dir).unwrap();
                                std::fs::write(dir.join(format!("{}.txt", s.name)), &said).unwrap();
                                let explained = smtp_doctor_core::explain(&said, None);
                                let named: Vec<&str> = explained
                                    .diagnostics
                                    .iter()
                                    .map(|d| d.code.as_str())
                                    .collect();
                                let hidden = HIDDEN.contains(&(library.id, s.name));
                                // Where the library keeps the cause to itself,
                                // explain must say it does not know, never guess.
                                let ok = if hidden {
                                    named == ["explain.not-recognised"]
                                } else {
                                    named.contains(code)
                                };
                                Outcome {
                                    library: library.id,
                                    situation: s.name,
                                    probe: code,
                                    ok,
                                    hidden,
                                    named: named.join(", "),
                                    said,
                                }
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect::<Vec<_>>()
        })
    })
    .await
    .unwrap();

    let mut table = String::from("explain on each library's words, against the probe's code:\n");
    let mut misses = String::new();
    let mut ids: Vec<&str> = results.iter().map(|r| r.library).collect();
    ids.dedup();
    for id in ids {
        let mine: Vec<&Outcome> = results.iter().filter(|r| r.library == id).collect();
        let right = mine.iter().filter(|r| r.ok && !r.hidden).count();
        let hidden = mine.iter().filter(|r| r.hidden).count();
        let _ = writeln!(
            table,
            "  {id:<16} {right}/{} explained with the probe's code{}",
            mine.len(),
            if hidden > 0 {
                format!(" ({hidden} where its words hold no cause: \"not recognised\")")
            } else {
                String::new()
            }
        );
        for r in mine.iter().filter(|r| !r.ok) {
            let want = if r.hidden {
                "explain.not-recognised"
            } else {
                r.probe
            };
            let _ = writeln!(
                misses,
                "{id} / {}: the probe said {}, want {want}, explain said [{}] of:\n{}\n",
                r.situation, r.probe, r.named, r.said
            );
        }
    }
    println!("{table}");
    assert!(misses.is_empty(), "{table}\n{misses}");
}

/// Bounces as Postfix (Debian's) writes them: it takes a message, its next
/// hop refuses the recipient (our inbox: `550 5.1.1`) or does not answer
/// (a closed port; `maximal_queue_lifetime = 0` returns it at once), and
/// it sends the sender its delivery status notification — which aiosmtpd
/// (PyPI) stores in a Maildir. `explain` of each stored bounce names the
/// recipient's side, with the reply Postfix quoted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postfix_bounces_name_the_recipient_side() {
    let inbox = common::loopback_inbox("check.test").await;
    let inbox_port = inbox.local_addr().port();
    let (mailbox, closed) = (common::mailbox::Mailbox::start(), common::free_port());
    let mailbox_port = mailbox.port;
    let relay = tokio::task::spawn_blocking(move || {
        postfix_server::Relay::start_routed(
            inbox_port,
            closed,
            // Bounces go to the sender's domain: aiosmtpd, without TLS.
            &[("example.com", mailbox_port), ("unreachable.test", closed)],
            &format!(
                "maximal_queue_lifetime = 0\nbounce_queue_lifetime = 0\n\
                 smtp_tls_policy_maps = inline:{{ [127.0.0.1]:{mailbox_port}=may }}\n"
            ),
        )
    })
    .await
    .unwrap()
    .unwrap_or_else(|e| panic!("{e}"));

    let mut failures = Vec::new();
    for (to, want_case) in [
        ("nobody@check.test", "reply"),
        ("someone@unreachable.test", "unreachable"),
    ] {
        let bounce = bounce_of(&relay, &mailbox, to).await;
        let _ = std::fs::write(work_dir().join(format!("bounce-{want_case}.eml")), &bounce);
        let e = smtp_doctor_core::explain::explain(&bounce, None);
        let lead = &e.diagnostics[0];
        let case = lead.params.get("case").map(|c| format!("{c:?}"));
        if e.recognised.kind != "bounce"
            || lead.code.as_str() != "recipient.rejected"
            || !case.as_deref().is_some_and(|c| c.contains(want_case))
        {
            failures.push(format!(
                "{to}: {} {:?} {case:?}\n{bounce}",
                e.recognised.kind,
                e.diagnostics
                    .iter()
                    .map(|d| d.code.as_str())
                    .collect::<Vec<_>>()
            ));
        }
        if want_case == "reply"
            && !lead
                .reply
                .as_deref()
                .is_some_and(|r| r.contains("No such mailbox here"))
        {
            failures.push(format!(
                "{to}: the inbox's reply is not quoted: {:?}",
                lead.reply
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Submits a message to `to` through the relay (swaks, Debian) and waits
/// for the bounce that comes back to its sender.
async fn bounce_of(
    relay: &postfix_server::Relay,
    mailbox: &common::mailbox::Mailbox,
    to: &str,
) -> String {
    let before = mailbox.stored().len();
    relay.submit(relay.unsigned, postfix_server::USER, to);
    let bounce = mailbox.next_after(before, Duration::from_secs(30)).await;
    bounce.unwrap_or_else(|| panic!("no bounce for {to} within 30 s\n{}", relay.log()))
}
