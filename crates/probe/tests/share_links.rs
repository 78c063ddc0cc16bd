//! Share links (`POST /v1/reports`, `GET /r/{id}`) as their users and
//! their attackers meet them: made from failed probes, opened by the IT
//! team in its own language in Chromium, nothing secret in the stored row
//! or on the page, one answer for every link that opens nothing, expiry
//! and deletion on SQLite and on Debian's PostgreSQL, two replicas sharing
//! one PostgreSQL, and a store that goes away taking only share links
//! with it.

mod common;
#[path = "servers/postgres.rs"]
mod postgres;

use common::service::{http, replica};

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use base64::Engine as _;
use http_body_util::BodyExt as _;
use serde_json::{Value, json};
use smtp_doctor_probe::http::{AppState, Settings, app};
use smtp_doctor_probe::store::{Store, StoreUrl};
use tokio::io::{AsyncBufReadExt as _, AsyncWriteExt as _};
use tower::ServiceExt as _;

const PASSWORD: &str = "Share-Me-S3cret";

/// Every form a password takes on the wire (and in an echo of it).
fn secret_forms(password: &str) -> Vec<String> {
    let b64 = base64::engine::general_purpose::STANDARD;
    vec![
        password.to_owned(),
        b64.encode(password),
        b64.encode(format!("\0me@example.com\0{password}")),
        b64.encode(format!(
            "user=me@example.com\x01auth=Bearer {password}\x01\x01"
        )),
    ]
}

/// An SMTP peer that greets with `greeting` and answers AUTH with
/// `auth` (EHLO offers PLAIN and LOGIN; everything else is 250).
async fn peer(greeting: &'static str, auth: &'static str) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut io = tokio::io::BufReader::new(tcp);
                let _ = io.get_mut().write_all(greeting.as_bytes()).await;
                let mut line = String::new();
                loop {
                    line.clear();
                    let read =
                        tokio::time::timeout(Duration::from_secs(20), io.read_line(&mut line));
                    if !matches!(read.await, Ok(Ok(n)) if n > 0) {
                        return;
                    }
                    let upper = line.to_ascii_uppercase();
                    let reply = if upper.starts_with("EHLO") {
                        "250-peer.test\r\n250 AUTH PLAIN LOGIN\r\n"
                    } else if upper.starts_with("AUTH") {
                        auth
                    } else if upper.starts_with("QUIT") {
                        let _ = io.get_mut().write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        "250 ok\r\n"
                    };
                    if io.get_mut().write_all(reply.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    addr
}

/// A service with its share links in SQLite under `dir`.
async fn service(dir: &Path, tweak: impl FnOnce(&mut Settings)) -> AppState {
    let store = Store::open(StoreUrl::Sqlite(dir.join("reports.db")))
        .await
        .unwrap();
    let dns = common::dns::serve_records(vec![(
        "example.com".to_owned(),
        vec![common::dns::Record::Txt("v=spf1 ip4:127.0.0.1 -all".into())],
    )])
    .await;
    let mut settings = Settings {
        probes_per_minute: 1000,
        per_target: 100,
        store: Some(store),
        ..Settings::default()
    };
    tweak(&mut settings);
    AppState::new(
        settings,
        common::engine_with(|o| {
            o.timeout = Duration::from_secs(3);
            o.dns_server = Some(dns);
        }),
    )
}

/// One request through the router: status, headers, body.
async fn call(
    state: &AppState,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: String,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut req = Request::builder().method(method).uri(path);
    if !body.is_empty() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let resp = app(state.clone())
        .oneshot(req.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let (status, headers) = (resp.status(), resp.headers().clone());
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// `DELETE path` with the delete token, if any: the status.
async fn delete(state: &AppState, path: &str, token: Option<&str>) -> StatusCode {
    let headers: Vec<(&str, &str)> = token.map(|t| ("x-delete-token", t)).into_iter().collect();
    call(state, "DELETE", path, &headers, String::new()).await.0
}

/// `/v1/probe` of `addr` (plain text, as me@example.com with `PASSWORD`),
/// the report as it answers it.
async fn probe_text(state: &AppState, addr: SocketAddr, auth: &str, checks: &[&str]) -> String {
    let body = json!({
        "config": {"host": "127.0.0.1", "port": addr.port(), "security": "none", "auth": auth,
                   "username": "me@example.com", "password": PASSWORD, "from": "me@example.com"},
        "checks": checks,
    });
    let (status, _, text) = call(state, "POST", "/v1/probe", &[], body.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    text
}

/// `POST /v1/reports` of `report`: the link's answer.
async fn share(state: &AppState, report: String) -> Value {
    let (status, headers, text) = call(state, "POST", "/v1/reports", &[], report).await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let link: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        headers[header::LOCATION].to_str().unwrap(),
        link["url"].as_str().unwrap()
    );
    link
}

/// Every byte the store wrote under `dir` (the database and its WAL).
fn stored_bytes(dir: &Path) -> String {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        all.extend(std::fs::read(entry.path()).unwrap_or_default());
    }
    String::from_utf8_lossy(&all).into_owned()
}

#[tokio::test]
#[allow(clippy::too_many_lines)] // one store, its links in order: made, read, missed, expired
async fn a_share_link_keeps_no_secret_and_opens_for_its_link_only() {
    let dir = common::scratch_dir("share-sqlite");
    std::fs::create_dir_all(&dir).unwrap();
    let state = service(&dir, |s| s.report_ttl = Duration::from_secs(2)).await;

    // Reports from a broken server that echoes the credentials it was
    // sent (the injection tests' peer), shared as /v1/probe answered them.
    let (echo, _log) = common::logging_peer::start(true).await;
    let mut links = Vec::new();
    for auth in ["plain", "login"] {
        let report = probe_text(&state, echo, auth, &["auth"]).await;
        links.push(share(&state, report).await);
    }
    // A report written by hand to smuggle things in: its transcript, a
    // password field, an AUTH blob in a reply, its own words as message.
    let blob =
        base64::engine::general_purpose::STANDARD.encode(format!("\0me@example.com\0{PASSWORD}"));
    let forged = json!({
        "ok": false, "password": PASSWORD,
        "target": {"host": "mail.example.com", "port": 587, "security": "starttls", "addresses": []},
        "steps": [], "server": {"greeting": null, "extensions": [], "authMechanisms": [], "tls": null},
        "diagnostics": [{"code": "auth.failed", "severity": "error", "field": "password",
            "message": "Call +1 555 0100 now", "help": "<script>alert(1)</script>", "fix": null,
            "reply": format!("535 5.7.8 AUTH PLAIN {blob} rejected")}],
        "suggestion": null,
        "transcript": [format!("C: AUTH PLAIN {blob}"), format!("C: {PASSWORD}")],
    });
    links.push(share(&state, forged.to_string()).await);

    let stored = stored_bytes(&dir);
    for form in secret_forms(PASSWORD) {
        assert!(!stored.contains(&form), "{form} is in the store");
    }
    assert!(!stored.contains("555 0100") && !stored.contains("<script>"));
    for link in &links {
        let id = link["id"].as_str().unwrap();
        // 128 bits in base64url; never stored as it is.
        assert_eq!(id.len(), 22);
        assert!(!stored.contains(id), "the id itself is stored");
        assert!(!stored.contains(link["deleteToken"].as_str().unwrap()));
        let url = link["url"].as_str().unwrap();
        let (status, headers, page) = call(
            &state,
            "GET",
            url,
            &[("accept-language", "fr")],
            String::new(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        for form in secret_forms(PASSWORD) {
            assert!(!page.contains(&form), "{form} on the page");
        }
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            csp.starts_with("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert_eq!(headers[header::CACHE_CONTROL], "no-store");
        assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");
        assert_eq!(headers[header::CONTENT_LANGUAGE], "fr");
        assert!(page.contains("<html lang=\"fr\">"));
        let (status, _, json) = call(
            &state,
            "GET",
            url,
            &[("accept", "application/json")],
            String::new(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let shared: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(shared["report"]["transcript"], json!([]));
        assert!(shared["report"].get("password").is_none());
    }
    let page = call(
        &state,
        "GET",
        links[2]["url"].as_str().unwrap(),
        &[],
        String::new(),
    )
    .await
    .2;
    assert!(!page.contains("555 0100") && !page.contains("<script>alert"));
    assert!(page.contains("AUTH PLAIN &lt;redacted&gt;"), "{page}");

    // Every link that opens nothing answers alike: malformed, unknown,
    // deleted (by its own token only), expired.
    let gone = |path: String| {
        let state = state.clone();
        async move {
            let html = call(&state, "GET", &path, &[], String::new()).await;
            let json = call(
                &state,
                "GET",
                &path,
                &[("accept", "application/json")],
                String::new(),
            )
            .await;
            (html.0, html.2, json.0, json.2)
        }
    };
    let unknown = gone(format!("/r/{}", "A".repeat(22))).await;
    assert_eq!(unknown.0, StatusCode::NOT_FOUND);
    assert_eq!(unknown.2, StatusCode::NOT_FOUND);
    assert_eq!(gone("/r/not-an-id".into()).await, unknown);
    let (id, token) = (
        links[0]["id"].as_str().unwrap(),
        links[0]["deleteToken"].as_str().unwrap(),
    );
    let path = format!("/v1/reports/{id}");
    let wrong = links[1]["deleteToken"].as_str().unwrap();
    assert_eq!(
        delete(&state, &path, Some(wrong)).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(delete(&state, &path, None).await, StatusCode::NOT_FOUND);
    assert_eq!(
        delete(&state, &path, Some(token)).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(gone(format!("/r/{id}")).await, unknown);
    assert_eq!(
        delete(&state, &path, Some(token)).await,
        StatusCode::NOT_FOUND
    );
    // Two seconds later the others expired: the store no longer gives them.
    tokio::time::sleep(Duration::from_millis(2200)).await;
    assert_eq!(
        gone(links[1]["url"].as_str().unwrap().to_owned()).await,
        unknown
    );
    let store = Store::open(StoreUrl::Sqlite(dir.join("reports.db")))
        .await
        .unwrap();
    let now = i64::try_from(smtp_doctor_probe::clock::now()).unwrap();
    assert_eq!(
        store.sweep(now).await.unwrap(),
        2,
        "the expired rows are swept"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn share_links_are_bounded_per_client_and_in_size_and_need_a_store() {
    let dir = common::scratch_dir("share-bounds");
    std::fs::create_dir_all(&dir).unwrap();
    let state = service(&dir, |s| s.reports_per_hour = 2).await;
    let report = |reply: String| {
        json!({"ok": false, "target": {"host": "h.example", "port": 587, "security": "starttls", "addresses": []},
            "steps": [], "server": {"greeting": null, "extensions": [], "authMechanisms": [], "tls": null},
            "diagnostics": [{"code": "smtp.greeting-rejected", "severity": "error", "field": "host",
                "message": "", "help": "", "fix": null, "reply": reply}],
            "suggestion": null, "transcript": []})
        .to_string()
    };
    // Over the stored bound once redacted, under the body's: 413.
    let big = report(format!("554 {}", "no ".repeat(30_000)));
    assert_eq!(
        call(&state, "POST", "/v1/reports", &[], big).await.0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    // Not a report: 400, and nothing that came in is quoted.
    let (status, _, text) = call(
        &state,
        "POST",
        "/v1/reports",
        &[],
        json!({"diagnostics": PASSWORD}).to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(!text.contains(PASSWORD), "{text}");
    // The per-hour budget (the two refused bodies above spent it: they
    // reached the store's door) then 429 with Retry-After.
    let (status, headers, _) =
        call(&state, "POST", "/v1/reports", &[], report("554 no".into())).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(headers.contains_key(header::RETRY_AFTER));

    // Without a store, share links are a clear 503; the rest works.
    let none = AppState::new(Settings::default(), common::engine());
    let (status, _, text) = call(&none, "POST", "/v1/reports", &[], report("554 no".into())).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(text.contains("store-unavailable"), "{text}");
    let (status, _, _) = call(
        &none,
        "POST",
        "/v1/validate",
        &[],
        json!({"host": "smtp.gmail.com"}).to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The probe's signed statement stays with the report: the same token,
/// still verifiable with the key for the settings that were tested (it
/// says they failed: a backend that reads it from a link learns exactly
/// that, and cannot be told otherwise by whoever posted the report).
#[tokio::test]
async fn the_attestation_travels_with_the_link_and_still_verifies() {
    use smtp_doctor_probe::attestation::{self, AttestationError, AttestationKey, Requirements};
    const KEY: &str = "share-attestation-key-0123";
    let dir = common::scratch_dir("share-attested");
    std::fs::create_dir_all(&dir).unwrap();
    let state = service(&dir, |s| {
        s.attestation_key = Some(AttestationKey::new(KEY).unwrap());
    })
    .await;
    let refusing = peer("554 5.7.1 Access denied\r\n", "").await;
    let report = probe_text(&state, refusing, "plain", &["connect"]).await;
    let signed = serde_json::from_str::<Value>(&report).unwrap()["attestation"]
        .as_str()
        .expect("the report is signed")
        .to_owned();
    let link = share(&state, report).await;
    let (_, _, json) = call(
        &state,
        "GET",
        link["url"].as_str().unwrap(),
        &[("accept", "application/json")],
        String::new(),
    )
    .await;
    let kept = serde_json::from_str::<Value>(&json).unwrap()["report"]["attestation"].clone();
    assert_eq!(kept, json!(signed));
    let settings = json!({"host": "127.0.0.1", "port": refusing.port(), "security": "none", "auth": "plain",
        "username": "me@example.com", "password": PASSWORD, "from": "me@example.com"});
    let now = smtp_doctor_probe::clock::now();
    let verified = attestation::verify(
        kept.as_str().unwrap(),
        KEY.as_bytes(),
        &settings,
        &Requirements::new(now),
    );
    assert_eq!(
        verified.unwrap_err(),
        AttestationError::NotOk,
        "signed, for these settings, and not ok"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The issue's case: links made from failed probes — a server that turns
/// the client away (an IP allowlist), a domain without DMARC, SMTP AUTH
/// turned off for the tenant — opened by the IT team in Chromium in
/// German: each person's steps, nothing secret, nothing the CSP refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::too_many_lines)] // the probes, the links, then what each page showed
async fn the_it_team_opens_the_link_in_its_own_language_in_chromium() {
    let dir = common::scratch_dir("share-browser");
    std::fs::create_dir_all(&dir).unwrap();
    let state = service(&dir, |_| {}).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(smtp_doctor_probe::http::serve(
        listener,
        state.clone(),
        async {
            let _ = stopped.await;
        },
    ));

    let allowlist = peer(
        "554 5.7.1 Access denied: your IP address is not allowed\r\n",
        "",
    )
    .await;
    let tenant = peer(
        "220 peer.test ESMTP\r\n",
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.\r\n",
    )
    .await;
    let first = probe_text(&state, allowlist, "plain", &["connect", "domain"]).await;
    let second = probe_text(&state, tenant, "plain", &["auth"]).await;
    let mut urls = Vec::new();
    for report in [first, second] {
        let link = share(&state, report).await;
        urls.push(format!("{base}{}", link["url"].as_str().unwrap()));
    }
    let env = [
        ("SMTP_DOCTOR_LINKS", json!(urls).to_string()),
        ("SMTP_DOCTOR_LOCALE", "de-DE".to_owned()),
    ];
    let seen = tokio::task::spawn_blocking(move || {
        common::node_script("share_page.mjs", &env, Duration::from_secs(90))
    })
    .await
    .unwrap();
    let pages = seen["pages"].as_array().unwrap();
    let section = |page: &Value, actor: &str| -> Value {
        page["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["actor"] == actor)
            .cloned()
            .unwrap_or_else(|| panic!("no {actor} section: {page:#}"))
    };
    for page in pages {
        assert_eq!(page["status"], 200, "{page:#}");
        assert_eq!(page["lang"], "de");
        assert_eq!(
            page["problems"],
            json!([]),
            "the browser refused something: {page:#}"
        );
        assert!(page["printButton"].as_bool().unwrap());
        assert!(
            page["csp"]
                .as_str()
                .unwrap()
                .contains("script-src 'sha256-")
        );
        for form in secret_forms(PASSWORD) {
            assert!(
                !page["html"].as_str().unwrap().contains(&form),
                "{form} on the page"
            );
        }
    }
    // Each person's section: its heading, the finding, the evidence.
    let holds = |section: &Value, code: &str, words: &str| {
        let codes = section["codes"].as_array().unwrap();
        assert!(codes.contains(&json!(code)), "{code} missing: {section:#}");
        let text = section["text"].as_str().unwrap();
        assert!(text.contains(words), "{words:?} missing: {section:#}");
    };
    let it = section(&pages[0], "it-admin");
    assert_eq!(it["heading"], "Für Ihr IT-Team");
    holds(&it, "smtp.greeting-rejected", "554 5.7.1 Access denied");
    let dns = section(&pages[0], "dns-admin");
    assert_eq!(dns["heading"], "Für Ihre DNS-Verwaltung");
    holds(&dns, "domain.dmarc-missing", "v=DMARC1");
    holds(
        &section(&pages[1], "it-admin"),
        "auth.disabled-by-provider",
        "5.7.139",
    );
    let stored = stored_bytes(&dir);
    for form in secret_forms(PASSWORD) {
        assert!(!stored.contains(&form), "{form} is in the store");
    }
    let _ = stop.send(());
    let _ = server.await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// A probe report as a replica's /v1/probe answers it (a server that
/// turns the client away).
fn failed_report(port: u16) -> String {
    let peer = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = peer.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Ok((mut tcp, _)) = peer.accept() {
            let _ = tcp.write_all(b"554 5.7.1 Access denied\r\n");
            std::thread::sleep(Duration::from_millis(300));
        }
    });
    let body = json!({"config": {"host": "127.0.0.1", "port": addr.port(), "security": "none", "from": "me@example.com"}, "checks": ["connect"]});
    let (status, report) = http(port, "POST", "/v1/probe", &[], &body.to_string());
    assert_eq!(status, 200, "{report}");
    report
}

#[test]
#[allow(clippy::too_many_lines)] // one PostgreSQL's life: shared, expired, gone, back
fn replicas_share_links_through_postgresql_and_survive_it_going_away() {
    let mut pg = postgres::Postgres::start().unwrap_or_else(|e| panic!("{e}"));
    let url = pg.url();
    let logs = common::scratch_dir("share-pg-logs");
    std::fs::create_dir_all(&logs).unwrap();
    let (a_log, b_log) = (logs.join("a.log"), logs.join("b.log"));
    let (_a, a) = replica(&url, &a_log, &["--report-ttl", "3"]);
    let (_b, b) = replica(&url, &b_log, &["--report-ttl", "3"]);

    // Made on A, read on B, deleted on B, gone on A.
    let (status, created) = http(a, "POST", "/v1/reports", &[], &failed_report(a));
    assert_eq!(status, 201, "{created}");
    let link: Value = serde_json::from_str(&created).unwrap();
    let path = link["url"].as_str().unwrap();
    let (status, page) = http(b, "GET", path, &[("Accept-Language", "es")], "");
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Para su equipo de TI") && page.contains("554 5.7.1 Access denied"),
        "{page}"
    );
    let (status, json) = http(b, "GET", path, &[("Accept", "application/json")], "");
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&json).unwrap()["report"]["target"]["host"],
        "127.0.0.1"
    );
    let delete = format!("/v1/reports/{}", link["id"].as_str().unwrap());
    let token = link["deleteToken"].as_str().unwrap();
    assert_eq!(
        http(b, "DELETE", &delete, &[("X-Delete-Token", token)], "").0,
        204
    );
    let unknown = http(a, "GET", path, &[("Accept", "application/json")], "");
    assert_eq!(unknown.0, 404);

    // Expiry, by the store: three seconds later neither replica has it,
    // and the sweep finds the row.
    let (_, created) = http(b, "POST", "/v1/reports", &[], &failed_report(b));
    let link: Value = serde_json::from_str(&created).unwrap();
    let path = link["url"].as_str().unwrap().to_owned();
    assert_eq!(http(a, "GET", &path, &[], "").0, 200);
    std::thread::sleep(Duration::from_millis(3200));
    assert_eq!(
        http(a, "GET", &path, &[("Accept", "application/json")], ""),
        unknown
    );
    assert_eq!(
        http(b, "GET", &path, &[("Accept", "application/json")], ""),
        unknown
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    let swept = rt.block_on(async {
        let store = Store::open(url.parse().unwrap()).await.unwrap();
        let now = i64::try_from(smtp_doctor_probe::clock::now()).unwrap();
        store.sweep(now).await.unwrap()
    });
    assert_eq!(swept, 1);

    // PostgreSQL goes away: share links are a clear 503 within the store's
    // bound, probes and validation go on, /readyz and /metrics say so.
    pg.stop();
    let started = std::time::Instant::now();
    let (status, text) = http(a, "POST", "/v1/reports", &[], &failed_report(a));
    assert_eq!(status, 503, "{text}");
    assert!(text.contains("store-unavailable"), "{text}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        http(a, "GET", &path, &[("Accept", "application/json")], "").0,
        503
    );
    assert_eq!(
        http(
            a,
            "POST",
            "/v1/validate",
            &[],
            r#"{"host":"smtp.gmail.com"}"#
        )
        .0,
        200
    );
    let (_, ready) = http(a, "GET", "/readyz", &[], "");
    let ready: Value = serde_json::from_str(&ready).unwrap();
    assert_eq!(
        (ready["status"].as_str(), ready["store"].as_bool()),
        (Some("degraded"), Some(false)),
        "{ready}"
    );
    assert!(
        http(a, "GET", "/metrics", &[], "")
            .1
            .contains("smtp_doctor_store_up{kind=\"postgres\"} 0")
    );

    // Back: the same replica stores again without a restart.
    pg.restart().unwrap();
    let mut status = 0;
    for _ in 0..20 {
        status = http(a, "POST", "/v1/reports", &[], &failed_report(a)).0;
        if status == 201 {
            break;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    assert_eq!(status, 201);
    // The database's password never reached a log.
    for log in [&a_log, &b_log] {
        let text = std::fs::read_to_string(log).unwrap();
        assert!(!text.contains(postgres::PASSWORD), "{text}");
    }
    let _ = std::fs::remove_dir_all(&logs);
}
