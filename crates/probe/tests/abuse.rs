//! The service's guards, each tried as the attack that got past it:
//! spoofed `X-Forwarded-For` entries, one target under many spellings,
//! `--cors-origin '*'`, a password of the wrong type echoed in a 400.
//! Loopback only; the "public" client addresses are only header text.

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use smtp_doctor_probe::http::{AppState, Settings, app};
use tower::ServiceExt;

async fn call(state: &AppState, mut req: Request<Body>, peer: &str) -> (StatusCode, String) {
    let peer: SocketAddr = peer.parse().unwrap();
    req.extensions_mut().insert(ConnectInfo(peer));
    let resp = app(state.clone()).oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn validate_from(xff: &str) -> Request<Body> {
    // /v1/validate is not rate limited; /v1/probe is, so use it with a
    // config that fails statically (no live work).
    Request::post("/v1/probe")
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-forwarded-for", xff)
        .body(Body::from(json!({"config": {}}).to_string()))
        .unwrap()
}

#[tokio::test]
async fn spoofed_leftmost_forwarded_for_entries_share_one_limit() {
    let state = AppState::new(
        Settings {
            probes_per_minute: 3,
            trust_proxy: true,
            ..Settings::default()
        },
        common::engine(),
    );
    // The attacker varies the first entry; the proxy appends the real one.
    let mut statuses = Vec::new();
    for i in 0..8 {
        let xff = format!("198.51.100.{i}, 203.0.113.7");
        statuses.push(call(&state, validate_from(&xff), "10.0.0.2:4000").await.0);
    }
    let admitted = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(admitted, 3, "{statuses:?}");
    assert!(
        statuses[3..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS)
    );
    // Another real client behind the same proxy has its own budget.
    let (status, _) = call(&state, validate_from("203.0.113.8"), "10.0.0.2:4000").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_chain_of_trusted_proxies_is_skipped_from_the_right() {
    let state = AppState::new(
        Settings {
            probes_per_minute: 1,
            trusted_proxies: vec!["10.0.0.0/8".parse().unwrap()],
            trust_proxy: true,
            ..Settings::default()
        },
        common::engine(),
    );
    // spoof, client, inner proxy — seen from the outer proxy 10.0.0.2.
    let chain = |spoof: &str| format!("{spoof}, 203.0.113.9, 10.1.1.1");
    assert_eq!(
        call(&state, validate_from(&chain("1.1.1.1")), "10.0.0.2:1")
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        call(&state, validate_from(&chain("2.2.2.2")), "10.0.0.2:1")
            .await
            .0,
        StatusCode::TOO_MANY_REQUESTS,
        "the client is 203.0.113.9 whatever it writes to the left"
    );
    // A peer outside the trusted ranges is the client itself; its header is ignored.
    assert_eq!(
        call(&state, validate_from("203.0.113.50"), "192.0.2.77:1")
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        call(&state, validate_from("203.0.113.51"), "192.0.2.77:1")
            .await
            .0,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn one_target_under_many_spellings_is_one_target() {
    let tarpit = common::tarpit().await;
    let target = tarpit.addr;
    let dns =
        common::dns::server(&[("h.test", &["127.0.0.1"]), ("alias.test", &["127.0.0.1"])]).await;
    let state = AppState::new(
        Settings {
            per_target: 1,
            probes_per_minute: 1000,
            ..Settings::default()
        },
        common::engine_with(|o| {
            o.dns_server = Some(dns);
            o.timeout = Duration::from_secs(3);
        }),
    );
    let probe = |host: &str| {
        Request::post("/v1/probe")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({"config": {"host": host, "port": target.port(), "security": "starttls"}, "checks": ["connect"]})
                    .to_string(),
            ))
            .unwrap()
    };
    let first = {
        let state = state.clone();
        let req = probe("h.test");
        tokio::spawn(async move { call(&state, req, "192.0.2.1:1").await.0 })
    };
    // Admitted (the target's slot is taken before the connection).
    tarpit.holds(1).await;
    for spelling in [
        "h.test.",
        "H.TEST",
        "alias.test",
        "127.0.0.1",
        "[::ffff:127.0.0.1]",
        "2130706433",
    ] {
        let (status, text) = call(&state, probe(spelling), "192.0.2.1:1").await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{spelling}: {text}");
    }
    assert_eq!(first.await.unwrap(), StatusCode::OK);
}

#[tokio::test]
async fn cors_origin_star_allows_any_origin_instead_of_panicking() {
    let state = AppState::new(
        Settings {
            cors_origins: vec!["*".into()],
            ..Settings::default()
        },
        common::engine(),
    );
    let req = Request::get("/v1/info")
        .header(header::ORIGIN, "https://anyone.example")
        .body(Body::empty())
        .unwrap();
    let resp = app(state).oneshot(req).await.unwrap();
    assert_eq!(resp.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    for bad in [
        "https://a.example/path",
        "a.example",
        "ftp://a.example",
        "https://a b",
    ] {
        assert!(smtp_doctor_probe::http::parse_origin(bad).is_err(), "{bad}");
    }
    assert!(smtp_doctor_probe::http::parse_origin("https://App.Example:8443").is_ok());
}

#[tokio::test]
async fn a_password_of_the_wrong_type_is_not_echoed() {
    let state = AppState::new(Settings::default(), common::engine());
    for (path, body) in [
        (
            "/v1/discover",
            json!({"email": "me@example.com", "password": 987_654_321}),
        ),
        (
            "/v1/discover",
            json!({"email": "me@example.com", "password": ["hunter2-secret"]}),
        ),
        (
            "/v1/probe",
            json!({"config": {"password": "hunter2-secret"}, "checks": "hunter2-secret"}),
        ),
        ("/v1/probe", json!({"config": {}, "recipient": 987_654_321})),
    ] {
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let (status, text) = call(&state, req, "192.0.2.1:1").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {text}");
        let answer: Value = serde_json::from_str(&text).unwrap();
        let message = answer["error"]["message"].as_str().unwrap();
        assert!(message.contains("expected"), "{message}");
        for secret in ["987654321", "hunter2"] {
            assert!(!text.contains(secret), "{path}: {text}");
        }
    }
}

/// Ten addresses of one IPv6 /64 are one client: one subscriber picks any
/// of 2^64 addresses, so a limit keyed by full address would give each
/// its own budget (SPEC §7.3). Another /64 keeps its own.
#[tokio::test]
async fn addresses_of_one_ipv6_network_share_the_probe_rate() {
    let state = AppState::new(
        Settings {
            probes_per_minute: 3,
            ..Settings::default()
        },
        common::engine(),
    );
    let probe = || {
        Request::post("/v1/probe")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json!({"config": {}}).to_string()))
            .unwrap()
    };
    let mut statuses = Vec::new();
    for i in 1..=10 {
        let peer = format!("[2001:db8:7:7::{i:x}]:4000");
        statuses.push(call(&state, probe(), &peer).await.0);
    }
    let admitted = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(admitted, 3, "{statuses:?}");
    let (status, _) = call(&state, probe(), "[2001:db8:7:8::1]:4000").await;
    assert_eq!(status, StatusCode::OK, "another /64 has its own budget");
    // Behind a trusted proxy the forwarded address is grouped the same way.
    let proxied = AppState::new(
        Settings {
            probes_per_minute: 1,
            trust_proxy: true,
            ..Settings::default()
        },
        common::engine(),
    );
    assert_eq!(
        call(&proxied, validate_from("2001:db8:9:9::1"), "10.0.0.2:1")
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        call(&proxied, validate_from("2001:db8:9:9::2"), "10.0.0.2:1")
            .await
            .0,
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// The send budget (a message on the relay's queue) is the /64's too.
#[tokio::test]
async fn addresses_of_one_ipv6_network_share_the_send_budget() {
    let state = AppState::new(
        Settings {
            probes_per_minute: 1000,
            sends_per_hour: 2,
            ..Settings::default()
        },
        common::engine_with(|o| o.timeout = Duration::from_secs(2)),
    );
    // Nothing listens on port 1 of loopback: each probe ends at connect.
    let send = || {
        Request::post("/v1/probe")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({
                    "config": {"host": "127.0.0.1", "port": 1, "security": "none",
                               "auth": "none", "from": "me@example.com"},
                    "checks": ["send"],
                })
                .to_string(),
            ))
            .unwrap()
    };
    let mut statuses = Vec::new();
    for i in 1..=5 {
        let peer = format!("[2001:db8:5:5:{i:x}::1]:4000");
        statuses.push(call(&state, send(), &peer).await.0);
    }
    let limited = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(limited, 3, "{statuses:?}");
}

#[tokio::test]
async fn with_api_keys_a_stranger_cannot_read_metrics_or_readiness() {
    let get = |path: &str, key: Option<&str>| {
        let mut req = Request::get(path);
        if let Some(key) = key {
            req = req.header(header::AUTHORIZATION, format!("Bearer {key}"));
        }
        req.body(Body::empty()).unwrap()
    };
    let keyed = |public_metrics| {
        AppState::new(
            Settings {
                api_keys: vec!["operator-key-0123456789".into()],
                public_metrics,
                ..Settings::default()
            },
            common::engine(),
        )
    };
    let state = keyed(false);
    for path in ["/metrics", "/readyz"] {
        let (status, body) = call(&state, get(path, None), "203.0.113.9:1").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}: {body}");
        assert!(!body.contains("smtp_doctor_"), "{path}: {body}");
        let (status, _) = call(&state, get(path, Some("a-guess")), "203.0.113.9:1").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        let (status, _) = call(
            &state,
            get(path, Some("operator-key-0123456789")),
            "203.0.113.9:1",
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    // Liveness stays open (it says only ok or degraded).
    let (status, _) = call(&state, get("/healthz", None), "203.0.113.9:1").await;
    assert_eq!(status, StatusCode::OK);
    // The operator's choice: public again.
    let public = keyed(true);
    let (status, body) = call(&public, get("/metrics", None), "203.0.113.9:1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("smtp_doctor_"), "{body}");
    // Without API keys nothing changes (the embedded default).
    let open = AppState::new(Settings::default(), common::engine());
    let (status, _) = call(&open, get("/readyz", None), "203.0.113.9:1").await;
    assert_eq!(status, StatusCode::OK);
}
