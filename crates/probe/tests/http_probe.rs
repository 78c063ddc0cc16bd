//! `/v1/probe` (JSON and SSE), `/v1/info` and the service's guards: API
//! keys, rate limits with Retry-After, the concurrency and per-target caps,
//! the send-recipient rule. Loopback peers only.

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use smtp_doctor_probe::engine::RecipientPolicy;
use smtp_doctor_probe::http::{AppState, Settings, app};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tower::ServiceExt;

/// A plain SMTP peer (no TLS, no AUTH).
async fn peer() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut io = BufReader::new(tcp);
                let _ = io.get_mut().write_all(b"220 http.test ESMTP\r\n").await;
                let mut line = String::new();
                while io.read_line(&mut line).await.unwrap_or(0) > 0 {
                    let reply: &[u8] = if line.starts_with("EHLO") {
                        b"250-http.test\r\n250 8BITMIME\r\n"
                    } else if line.starts_with("QUIT") {
                        b"221 bye\r\n"
                    } else {
                        b"250 ok\r\n"
                    };
                    let _ = io.get_mut().write_all(reply).await;
                    line.clear();
                }
            });
        }
    });
    addr
}

fn state(settings: Settings) -> AppState {
    AppState::new(
        settings,
        common::engine_with(|o| o.timeout = Duration::from_secs(3)),
    )
}

fn probe_request(addr: SocketAddr, extra: &Value) -> Value {
    let mut body = json!({
        "config": { "host": "localhost", "port": addr.port(), "security": "none", "from": "me@example.com" },
        "checks": ["connect"]
    });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    body
}

fn post() -> axum::http::request::Builder {
    Request::post("/v1/probe").header(header::CONTENT_TYPE, "application/json")
}

async fn send(state: &AppState, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
    let resp = app(state.clone()).oneshot(req).await.unwrap();
    let (parts, body) = resp.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[tokio::test]
async fn probe_answers_200_with_a_report_and_never_echoes_the_password() {
    let addr = peer().await;
    let s = state(Settings::default());
    let mut body = probe_request(addr, &json!({}));
    body["config"]["password"] = json!("Hunter2-Secret");
    body["config"]["username"] = json!("me@example.com");
    let (status, _, text) = send(&s, post().body(Body::from(body.to_string())).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let report: Value = serde_json::from_str(&text).unwrap();
    let steps: Vec<&str> = report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["dns", "connect", "greeting", "ehlo", "tls"]);
    assert!(!text.contains("Hunter2"));
    // A probe that finds problems is still a 200.
    let refused = json!({"config": {"host": "127.0.0.1", "port": 9, "security": "none"}});
    let (status, _, text) = send(&s, post().body(Body::from(refused.to_string())).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text.contains("policy.blocked-port"));
}

/// SPEC §7.4: `/v1/probe` answers in the language of `Accept-Language`,
/// the live findings as well as the static ones, as JSON and as events.
#[tokio::test]
async fn probe_speaks_the_accepted_language() {
    let s = state(Settings::default());
    let refused = json!({"config": {"host": "127.0.0.1", "port": 9, "security": "none", "from": "me@example.com"}});
    for (accept, language, live, fixed) in [
        (
            "de-DE,de;q=0.9,en;q=0.5",
            "de",
            "Unser Testdienst verbindet sich nicht mit Port 9.",
            "Die Verbindung ist nicht verschlüsselt.",
        ),
        (
            "fr",
            "fr",
            "Notre service de test ne se connecte pas au port 9.",
            "La connexion n'est pas chiffrée.",
        ),
        (
            "ja,en;q=0.1",
            "ja",
            "テストサービスはポート 9 に接続しません。",
            "接続が暗号化されていません。",
        ),
        (
            "en",
            "en",
            "Our test service does not connect to port 9.",
            "The connection is not encrypted.",
        ),
    ] {
        for stream in [false, true] {
            let mut req = post().header(header::ACCEPT_LANGUAGE, accept);
            if stream {
                req = req.header(header::ACCEPT, "text/event-stream");
            }
            let (status, headers, text) =
                send(&s, req.body(Body::from(refused.to_string())).unwrap()).await;
            assert_eq!(status, StatusCode::OK, "{text}");
            assert_eq!(headers[header::CONTENT_LANGUAGE], language);
            let json = if stream {
                text.split("\n\n")
                    .find(|b| b.starts_with("event: report"))
                    .and_then(|b| b.lines().find_map(|l| l.strip_prefix("data: ")))
                    .unwrap()
                    .to_owned()
            } else {
                text
            };
            let report: Value = serde_json::from_str(&json).unwrap();
            let message = |code: &str| {
                report["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|d| d["code"] == code)
                    .map(|d| d["message"].as_str().unwrap().to_owned())
            };
            assert_eq!(
                message("policy.blocked-port").as_deref(),
                Some(live),
                "{accept}"
            );
            assert_eq!(message("tls.none").as_deref(), Some(fixed), "{accept}");
        }
    }
}

#[tokio::test]
async fn probe_streams_one_step_event_per_step_then_the_report() {
    let addr = peer().await;
    let s = state(Settings::default());
    let body = probe_request(addr, &json!({}));
    let req = post()
        .header(header::ACCEPT, "text/event-stream")
        .body(Body::from(body.to_string()))
        .unwrap();
    let (status, headers, text) = send(&s, req).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    let events: Vec<(&str, Value)> = text
        .split("\n\n")
        .filter(|b| !b.trim().is_empty() && !b.starts_with(':'))
        .map(|block| {
            let name = block
                .lines()
                .find_map(|l| l.strip_prefix("event: "))
                .unwrap();
            let data = block
                .lines()
                .find_map(|l| l.strip_prefix("data: "))
                .unwrap();
            (name, serde_json::from_str(data).unwrap())
        })
        .collect();
    let names: Vec<&str> = events.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["step", "step", "step", "step", "step", "report"]);
    let steps: Vec<&str> = events[..5]
        .iter()
        .map(|(_, v)| v["step"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["dns", "connect", "greeting", "ehlo", "tls"]);
    assert_eq!(events[5].1["steps"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn api_keys_when_configured() {
    let s = state(Settings {
        api_keys: vec!["k-123".into()],
        ..Settings::default()
    });
    let validate = |auth: Option<&str>| {
        let mut b = Request::post("/v1/validate").header(header::CONTENT_TYPE, "application/json");
        if let Some(a) = auth {
            b = b.header(header::AUTHORIZATION, a);
        }
        b.body(Body::from("{}")).unwrap()
    };
    let (status, _, text) = send(&s, validate(None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(text.contains("\"unauthorized\""));
    assert_eq!(
        send(&s, validate(Some("Bearer wrong"))).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(&s, validate(Some("Bearer k-123"))).await.0,
        StatusCode::OK
    );
    let health = Request::get("/healthz").body(Body::empty()).unwrap();
    assert_eq!(
        send(&s, health).await.0,
        StatusCode::OK,
        "health stays open"
    );
}

/// Browser tokens (SPEC §7.6): an HS256 JWT minted by the integrator's
/// backend with a `--token-key` opens the routes of its `scope`, for at
/// most ten minutes; API keys keep working; each `sub` has its own rate
/// limit, whatever address it comes from.
#[tokio::test]
async fn browser_tokens_open_their_scope_and_key_the_rate_limit() {
    use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
    const KEY: &str = "backend-shared-secret-1";
    let s = state(Settings {
        api_keys: vec!["server-key".into()],
        token_keys: smtp_doctor_probe::http::token::TokenKeys::new(&[
            "retired-secret-000".into(),
            KEY.into(),
        ])
        .unwrap(),
        probes_per_minute: 1,
        ..Settings::default()
    });
    let now = smtp_doctor_probe::http::token::now();
    let mint = |claims: Value| {
        encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(KEY.as_bytes()).unwrap(),
        )
        .unwrap()
    };
    let validate = |auth: &str| {
        Request::post("/v1/validate")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {auth}"))
            .body(Body::from("{}"))
            .unwrap()
    };
    let ok = mint(json!({"exp": now + 300, "scope": "validate probe", "sub": "tenant-1"}));
    assert_eq!(send(&s, validate(&ok)).await.0, StatusCode::OK);
    assert_eq!(send(&s, validate("server-key")).await.0, StatusCode::OK);
    for refused in [
        mint(json!({"exp": now + 300, "scope": "discover"})),
        mint(json!({"exp": now + 3600, "scope": "validate"})),
        mint(json!({"exp": now - 120, "scope": "validate"})),
        format!("{ok}x"),
    ] {
        let (status, _, text) = send(&s, validate(&refused)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{refused}");
        assert!(!text.contains(KEY));
    }
    // The rate limit follows `sub`: tenant-1 spends its one probe, tenant-2
    // (same address) still has its own.
    let addr = peer().await;
    let body = probe_request(addr, &json!({})).to_string();
    let probe_as = |sub: &str| {
        post()
            .header(
                header::AUTHORIZATION,
                format!(
                    "Bearer {}",
                    mint(json!({"exp": now + 300, "scope": "probe", "sub": sub}))
                ),
            )
            .body(Body::from(body.clone()))
            .unwrap()
    };
    assert_eq!(send(&s, probe_as("tenant-1")).await.0, StatusCode::OK);
    assert_eq!(
        send(&s, probe_as("tenant-1")).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(send(&s, probe_as("tenant-2")).await.0, StatusCode::OK);
}

#[tokio::test]
async fn rate_limit_answers_429_with_retry_after() {
    let addr = peer().await;
    let s = state(Settings {
        probes_per_minute: 2,
        ..Settings::default()
    });
    let body = probe_request(addr, &json!({}));
    for _ in 0..2 {
        assert_eq!(
            send(&s, post().body(Body::from(body.to_string())).unwrap())
                .await
                .0,
            StatusCode::OK
        );
    }
    let (status, headers, text) =
        send(&s, post().body(Body::from(body.to_string())).unwrap()).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert!(text.contains("\"rate-limited\""));
}

#[tokio::test]
async fn concurrency_and_per_target_caps() {
    for (settings, want) in [
        (
            Settings {
                max_probes: 1,
                ..Settings::default()
            },
            StatusCode::SERVICE_UNAVAILABLE,
        ),
        (
            Settings {
                per_target: 1,
                ..Settings::default()
            },
            StatusCode::TOO_MANY_REQUESTS,
        ),
    ] {
        // A tarpit per round: each probe of it connects more than once
        // (plain, then TLS), so counts do not carry over.
        let tarpit = common::tarpit().await;
        let silent = tarpit.addr;
        let s = state(settings);
        let body = probe_request(silent, &json!({}));
        let first = {
            let (s, body) = (s.clone(), body.clone());
            tokio::spawn(async move {
                send(&s, post().body(Body::from(body.to_string())).unwrap())
                    .await
                    .0
            })
        };
        // The first probe is in the tarpit: it holds its slots.
        tarpit.holds(1).await;
        let (status, _, text) = send(&s, post().body(Body::from(body.to_string())).unwrap()).await;
        assert_eq!(status, want, "{text}");
        assert_eq!(
            first.await.unwrap(),
            StatusCode::OK,
            "the first probe ends by its deadline"
        );
        // Slots are freed: the next probe is admitted again.
        assert_eq!(
            send(&s, post().body(Body::from(body.to_string())).unwrap())
                .await
                .0,
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn send_only_to_the_senders_own_address_unless_allowed() {
    let addr = peer().await;
    let s = state(Settings::default());
    let body = probe_request(
        addr,
        &json!({"checks": ["send"], "recipient": "someone@elsewhere.org"}),
    );
    let (status, _, text) = send(&s, post().body(Body::from(body.to_string())).unwrap()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{text}");
    let own = probe_request(
        addr,
        &json!({"checks": ["send"], "recipient": "Me@Example.com"}),
    );
    assert_eq!(
        send(&s, post().body(Body::from(own.to_string())).unwrap())
            .await
            .0,
        StatusCode::OK
    );
    let allowed = AppState::new(
        Settings::default(),
        common::engine_with(|o| {
            o.timeout = Duration::from_secs(3);
            o.recipients = RecipientPolicy::sender_only(&["elsewhere.org".into()]);
        }),
    );
    assert_eq!(
        send(&allowed, post().body(Body::from(body.to_string())).unwrap())
            .await
            .0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn bad_probe_requests_are_400_and_info_describes_the_service() {
    let s = state(Settings {
        api_keys: vec![],
        ..Settings::default()
    });
    for bad in [
        json!({"checks": ["connect"]}),
        json!({"config": {}, "checks": ["bogus"]}),
        json!({"config": {}, "recipient": 5}),
    ] {
        let (status, _, text) = send(&s, post().body(Body::from(bad.to_string())).unwrap()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {text}");
    }
    let (status, _, text) = send(&s, Request::get("/v1/info").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let info: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(info["limits"]["maxBodyBytes"], 16384);
    assert!(
        info["allowedPorts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "587")
    );
    assert_eq!(info["apiKeyRequired"], false);
}

#[tokio::test]
async fn metrics_count_probes_codes_steps_and_refusals() {
    let addr = peer().await;
    let s = state(Settings {
        probes_per_minute: 1,
        ..Settings::default()
    });
    let body = probe_request(addr, &json!({}));
    assert_eq!(
        send(&s, post().body(Body::from(body.to_string())).unwrap())
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        send(&s, post().body(Body::from(body.to_string())).unwrap())
            .await
            .0,
        StatusCode::TOO_MANY_REQUESTS
    );
    let (status, headers, text) =
        send(&s, Request::get("/metrics").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    for line in [
        "smtp_doctor_probes_total{outcome=\"ok\"} 1",
        "smtp_doctor_diagnostics_total{code=\"tls.none\"} 1",
        "smtp_doctor_step_duration_ms_count{step=\"greeting\"} 1",
        "smtp_doctor_refusals_total{reason=\"rate-limited\"} 1",
        "smtp_doctor_http_requests_total{route=\"/v1/probe\",status=\"200\"} 1",
        "smtp_doctor_probes_in_flight 0",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing `{line}` in\n{text}"
        );
    }
}

#[tokio::test]
async fn cors_answers_only_the_allowed_origins() {
    let s = state(Settings {
        cors_origins: vec!["https://app.example.com".into()],
        ..Settings::default()
    });
    let preflight = |origin: &str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/v1/probe")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
            .body(Body::empty())
            .unwrap()
    };
    let (_, headers, _) = send(&s, preflight("https://app.example.com")).await;
    assert_eq!(
        headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://app.example.com"
    );
    let (_, headers, _) = send(&s, preflight("https://evil.example")).await;
    assert!(headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
    // Without an allowlist, no cross-origin access at all.
    let (_, headers, _) = send(
        &state(Settings::default()),
        preflight("https://app.example.com"),
    )
    .await;
    assert!(headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}

#[tokio::test]
async fn forwarded_for_keys_the_limit_only_behind_a_trusted_proxy() {
    let addr = peer().await;
    let body = probe_request(addr, &json!({}));
    let from = |ip: &str| {
        post()
            .header("x-forwarded-for", ip)
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let trusted = state(Settings {
        probes_per_minute: 1,
        trust_proxy: true,
        ..Settings::default()
    });
    assert_eq!(send(&trusted, from("203.0.113.1")).await.0, StatusCode::OK);
    assert_eq!(
        send(&trusted, from("203.0.113.2")).await.0,
        StatusCode::OK,
        "another client"
    );
    assert_eq!(
        send(&trusted, from("203.0.113.1")).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Not trusted: the header is ignored, so spoofing it gains nothing.
    let plain = state(Settings {
        probes_per_minute: 1,
        ..Settings::default()
    });
    assert_eq!(send(&plain, from("203.0.113.1")).await.0, StatusCode::OK);
    assert_eq!(
        send(&plain, from("203.0.113.9")).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn no_password_reaches_the_service_logs_or_answers() {
    let capture = common::Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let addr = peer().await;
    let s = state(Settings::default());
    let secret = "Srv-Secret-9f3a";
    let mut body = probe_request(addr, &json!({}));
    body["config"]["username"] = json!("me@example.com");
    body["config"]["password"] = json!(secret);
    let mut answers = String::new();
    for accept in ["application/json", "text/event-stream"] {
        let req = post()
            .header(header::ACCEPT, accept)
            .body(Body::from(body.to_string()))
            .unwrap();
        answers += &send(&s, req).await.2;
    }
    let validate = Request::post("/v1/validate")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body["config"].to_string()))
        .unwrap();
    answers += &send(&s, validate).await.2;
    let bad = Request::post("/v1/probe")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(format!(
            "{{\"config\": {{\"password\": \"{secret}\"}}, \"checks\": 7}}"
        )))
        .unwrap();
    answers += &send(&s, bad).await.2;
    let logs = capture.text();
    assert!(logs.contains("probe started"), "the capture works");
    assert!(!logs.contains(secret), "password in the logs");
    assert!(!answers.contains(secret), "password in an answer");
}

/// `"domain"` streams a `domain` step after the session's, and is no
/// reason to check a recipient: it sends nothing (SPEC §7.2).
#[tokio::test]
async fn the_domain_check_streams_its_own_step() {
    let addr = peer().await;
    let dns = common::dns::serve_records(vec![(
        "example.com".to_owned(),
        vec![common::dns::Record::Txt("v=spf1 ip4:127.0.0.1 -all".into())],
    )])
    .await;
    let s = AppState::new(
        Settings::default(),
        common::engine_with(|o| {
            o.timeout = Duration::from_secs(3);
            o.dns_server = Some(dns);
        }),
    );
    let body = probe_request(
        addr,
        &json!({"checks": ["connect", "domain"], "recipient": "someone@elsewhere.org"}),
    );
    let req = post()
        .header(header::ACCEPT, "text/event-stream")
        .body(Body::from(body.to_string()))
        .unwrap();
    let (status, _, text) = send(&s, req).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let steps: Vec<Value> = text
        .split("\n\n")
        .filter(|b| b.contains("event: step"))
        .filter_map(|b| b.lines().find_map(|l| l.strip_prefix("data: ")))
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let last = steps.last().expect("steps");
    assert_eq!(last["step"], "domain");
    // No DMARC record in this zone: SPF passes for the connected address.
    let codes: Vec<&str> = last["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["domain.dmarc-missing"], "{last}");
    assert_eq!(last["status"], "pass");
}

/// `"arrival"` needs our inbox: a service without one says so up front
/// (400), and `/v1/info` lists the checks it runs.
#[tokio::test]
async fn arrival_without_an_inbox_is_refused_up_front() {
    let addr = peer().await;
    let s = state(Settings::default());
    let body = probe_request(addr, &json!({"checks": ["auth", "arrival"]}));
    let (status, _, text) = send(&s, post().body(Body::from(body.to_string())).unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");
    assert!(text.contains("inbox"), "{text}");
    let (status, _, text) = send(&s, Request::get("/v1/info").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let info: Value = serde_json::from_str(&text).unwrap();
    let checks: Vec<&str> = info["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(
        checks,
        ["connect", "tls", "auth", "sender", "send", "domain"]
    );
}
