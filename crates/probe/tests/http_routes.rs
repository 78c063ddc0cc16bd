//! Route tests with `tower::ServiceExt::oneshot`, and one in-process server.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use smtp_doctor_probe::engine::{Engine, EngineOptions};
use smtp_doctor_probe::http::{AppState, MAX_BODY_BYTES, Settings, app, serve};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

fn state() -> AppState {
    AppState::new(
        Settings::default(),
        Engine::new(EngineOptions::default()).unwrap(),
    )
}

async fn call(req: Request<Body>) -> (StatusCode, Value) {
    let resp = app(state()).oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn post_json(body: impl Into<Body>) -> Request<Body> {
    Request::post("/v1/validate")
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap()
}

#[tokio::test]
async fn healthz_answers() {
    let (status, body) = call(Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn validate_returns_diagnostics() {
    let cfg = json!({"host": "smtp.example.com", "port": "465", "security": "starttls", "from": "a@example.com"});
    let (status, body) = call(post_json(cfg.to_string())).await;
    assert_eq!(status, StatusCode::OK);
    let codes: Vec<&str> = body["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["tls.port-mismatch"]);
    assert_eq!(body["diagnostics"][0]["fix"]["changes"]["security"], "tls");
}

/// SPEC §7.4: the texts follow `Accept-Language` (q-values), the answer
/// says which language it is in, and an unknown language gets English.
#[tokio::test]
async fn validate_speaks_the_accepted_language() {
    let cfg = json!({"host": "smtp.example.com", "port": "465", "security": "starttls", "from": "a@example.com"});
    for (accept, want_language, want_message) in [
        (
            "da, de-AT;q=0.9, en;q=0.5",
            "de",
            "Port 465 erwartet TLS/SSL, gewählt ist aber STARTTLS.",
        ),
        (
            "xx",
            "en",
            "Port 465 expects TLS/SSL, but STARTTLS is selected.",
        ),
    ] {
        let req = Request::post("/v1/validate")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT_LANGUAGE, accept)
            .body(Body::from(cfg.to_string()))
            .unwrap();
        let resp = app(state()).oneshot(req).await.unwrap();
        assert_eq!(
            resp.headers()[header::CONTENT_LANGUAGE],
            want_language,
            "{accept}"
        );
        assert!(
            resp.headers()
                .get_all(header::VARY)
                .iter()
                .any(|v| v.to_str().unwrap().contains("accept-language")),
            "caches must key on the language"
        );
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        let body: Value = serde_json::from_slice(&bytes).unwrap();
        let d = &body["diagnostics"][0];
        assert_eq!(d["message"], want_message, "{accept}");
        assert_eq!(
            d["params"]["port"], "465",
            "params let a client render it itself"
        );
        assert_eq!(d["params"]["expected"], "tls");
        assert_eq!(d["fix"]["key"], "use-security");
    }
}

#[tokio::test]
async fn validate_never_echoes_the_password() {
    let cfg = json!({"host": "smtp.gmail.com", "port": 587, "security": "starttls", "username": "me", "password": " hunter2-secret ", "from": "me@gmail.com"});
    let (status, body) = call(post_json(cfg.to_string())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body.to_string().contains("hunter2-secret"));
}

#[tokio::test]
async fn bad_json_is_400_with_error_shape() {
    let (status, body) = call(post_json("{not json")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "bad-json");
    assert!(body["error"]["message"].as_str().unwrap().contains("JSON"));
}

#[tokio::test]
async fn non_object_json_is_a_diagnostic_not_an_error() {
    let (status, body) = call(post_json("[1,2]")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["diagnostics"][0]["code"], "config.invalid");
}

#[tokio::test]
async fn too_large_is_413() {
    let big = json!({"host": "x".repeat(MAX_BODY_BYTES + 1)}).to_string();
    let (status, body) = call(post_json(big)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"]["code"], "too-large");
}

#[tokio::test]
async fn wrong_content_type_is_415() {
    let req = Request::post("/v1/validate")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("{}"))
        .unwrap();
    let (status, body) = call(req).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(body["error"]["code"], "unsupported-media-type");
}

#[tokio::test]
async fn unknown_route_is_404_json() {
    let (status, body) = call(Request::get("/v1/nope").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "not-found");
}

#[tokio::test]
async fn serves_the_web_dir_and_shuts_down() {
    let dir = std::env::temp_dir().join(format!("smtp-doctor-web-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<h1>settings</h1>").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let settings = Settings {
        web_dir: Some(dir.clone()),
        ..Settings::default()
    };
    let server = tokio::spawn(serve(
        listener,
        AppState::new(settings, Engine::new(EngineOptions::default()).unwrap()),
        async {
            let _ = rx.await;
        },
    ));
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut resp = String::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_string(&mut resp),
    )
    .await
    .unwrap()
    .unwrap();
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    assert!(resp.contains("<h1>settings</h1>"));
    tx.send(()).unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(5), server)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    std::fs::remove_dir_all(dir).unwrap();
}

/// The page's files are compressed as the browser asks (the wasm is the
/// big one); a client that asks for nothing gets them as they are.
#[tokio::test]
async fn the_web_dir_is_served_compressed() {
    let dir = std::env::temp_dir().join(format!("smtp-doctor-web-gz-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    let js = "export function validate(config) { return config; }\n".repeat(2000);
    std::fs::write(dir.join("pkg/smtp_doctor_wasm.js"), &js).unwrap();
    let settings = Settings {
        web_dir: Some(dir.clone()),
        ..Settings::default()
    };
    let router = app(AppState::new(
        settings,
        Engine::new(EngineOptions::default()).unwrap(),
    ));
    for (accept, encoding) in [
        (Some("br, gzip"), Some("br")),
        (Some("gzip"), Some("gzip")),
        (None, None),
    ] {
        let mut req = Request::get("/pkg/smtp_doctor_wasm.js");
        if let Some(a) = accept {
            req = req.header(header::ACCEPT_ENCODING, a);
        }
        let resp = router
            .clone()
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(
            resp.headers()
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap()),
            encoding
        );
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        if encoding.is_some() {
            assert!(body.len() < js.len() / 10, "{} bytes", body.len());
        } else {
            assert_eq!(body.len(), js.len());
        }
    }
    // The API is not compressed.
    let resp = router
        .oneshot(
            Request::get("/v1/info")
                .header(header::ACCEPT_ENCODING, "br, gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(resp.headers().get(header::CONTENT_ENCODING).is_none());
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn openapi_describes_every_route_and_shape() {
    let (status, doc) = call(
        Request::get("/v1/openapi.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/healthz", "get"),
        ("/metrics", "get"),
        ("/v1/validate", "post"),
        ("/v1/probe", "post"),
        ("/v1/discover", "post"),
        ("/v1/info", "get"),
        ("/v1/openapi.json", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} missing"
        );
    }
    let probe = &paths["/v1/probe"]["post"]["responses"];
    for status in ["200", "400", "401", "403", "413", "415", "429", "503"] {
        assert!(probe.get(status).is_some(), "probe {status}");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in [
        "Report",
        "Step",
        "Diagnostic",
        "Fix",
        "ServerInfo",
        "Certificate",
        "ConfigInput",
        "ProbeRequestBody",
        "ErrorBody",
        "InfoResponse",
        "Limits",
        "Ready",
        "Health",
        "ValidateResponse",
        "DiscoverRequestBody",
        "DiscoverReport",
        "Candidate",
        "Evidence",
    ] {
        assert!(schemas.contains_key(name), "schema {name} missing");
    }
    // The code enum is the registry.
    let codes: Vec<&str> = schemas["Code"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), smtp_doctor_core::codes().len());
    assert!(codes.contains(&"tls.expected-implicit"));
    // Field names are the wire's camelCase.
    assert!(schemas["Step"]["properties"].get("durationMs").is_some());
    // Every reference resolves.
    let text = doc.to_string();
    for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = &part[..part.find('"').unwrap()];
        assert!(schemas.contains_key(name), "dangling $ref {name}");
    }
}

/// A refused discovery answers the same 400 whether or not the client asked
/// for an event stream: the same status, the same body, no stream.
#[tokio::test]
async fn a_refused_stream_is_the_json_400() {
    let ask = |accept: Option<&str>| {
        let mut req =
            Request::post("/v1/discover").header(header::CONTENT_TYPE, "application/json");
        if let Some(accept) = accept {
            req = req.header(header::ACCEPT, accept);
        }
        req.body(Body::from(r#"{"host":"not a domain"}"#)).unwrap()
    };
    let (json_status, json_body) = call(ask(None)).await;
    assert_eq!(json_status, StatusCode::BAD_REQUEST);
    assert_eq!(json_body["error"]["code"], "bad-request");
    let resp = app(state())
        .oneshot(ask(Some("text/event-stream")))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        resp.headers()[header::CONTENT_TYPE],
        "application/json",
        "a refusal is not a stream"
    );
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(serde_json::from_slice::<Value>(&bytes).unwrap(), json_body);
}

/// `/readyz` and `/healthz` answer typed bodies with the documented fields.
#[tokio::test]
async fn readiness_names_its_shared_limits() {
    let (status, body) = call(Request::get("/readyz").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], smtp_doctor_core::VERSION);
    assert!(body["sharedLimits"].is_null(), "{body}");
}

/// The sandbox's sign-in pages, as an attacker meets them: only with
/// `--sandbox`; a `request` that is not the popup's hex id never reaches
/// the page (it is put into HTML and a script); the token goes to this
/// origin's opener only, and the page is neither cached nor framed.
#[tokio::test]
async fn sandbox_sign_in_pages_take_only_what_they_expect() {
    use smtp_doctor_probe::http::SandboxSignIn;
    use smtp_doctor_probe::sandbox::oauth::Issuer;
    use std::sync::Arc;
    use std::time::SystemTime;

    let issuer = Arc::new(Issuer::new().unwrap());
    let with = AppState::new(
        Settings {
            sandbox_sign_in: Some(SandboxSignIn {
                issuer: issuer.clone(),
                username: "demo@sandbox.test".into(),
                port: 2587,
            }),
            ..Settings::default()
        },
        Engine::new(EngineOptions::default()).unwrap(),
    );
    let page = |state: AppState, req: Request<Body>| async move {
        let resp = app(state).oneshot(req).await.unwrap();
        let (status, headers) = (resp.status(), resp.headers().clone());
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        (status, headers, String::from_utf8(bytes.to_vec()).unwrap())
    };
    let id = "0123456789abcdef0123456789abcdef";
    let get = |q: &str| {
        Request::get(format!("/sandbox/sign-in?{q}"))
            .body(Body::empty())
            .unwrap()
    };
    let post = |form: String| {
        Request::post("/sandbox/sign-in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form))
            .unwrap()
    };

    // Without the sandbox there is no such page.
    let (status, _, _) = page(state(), get(&format!("request={id}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = page(
        state(),
        Request::get("/v1/info").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let (status, headers, html) = page(with.clone(), get(&format!("request={id}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("value=\"{id}\"")), "{html}");
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");

    // Markup or script in `request`, on either page: refused, never echoed.
    let evil = "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    let (status, _, html) = page(with.clone(), get(&format!("request={evil}"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(!html.contains("<script>alert"), "{html}");
    let (status, _, html) = page(with.clone(), post(format!("request={evil}&ttl=hour"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(!html.contains("alert"), "{html}");
    let (status, _, _) = page(with.clone(), post(format!("request={id}&ttl=forever"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Consent: the token, for the demo account, to this origin's opener.
    let (status, headers, html) = page(with.clone(), post(format!("request={id}&ttl=hour"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert!(
        html.contains("postMessage(") && html.contains(", location.origin)"),
        "{html}"
    );
    let json = html
        .split("postMessage(")
        .nth(1)
        .and_then(|rest| rest.split(", location.origin)").next())
        .unwrap();
    let message: Value = serde_json::from_str(json).unwrap();
    assert_eq!(message["request"], id);
    assert_eq!(message["settings"]["auth"], "oauth2");
    assert_eq!(message["settings"]["port"], 2587);
    let token = message["accessToken"].as_str().unwrap();
    assert_eq!(
        issuer.check(token, "demo@sandbox.test", SystemTime::now()),
        Ok("demo@sandbox.test".to_owned())
    );
    // /v1/info tells the demo page where the sign-in is.
    let (_, _, info) = page(with, Request::get("/v1/info").body(Body::empty()).unwrap()).await;
    assert_eq!(
        serde_json::from_str::<Value>(&info).unwrap()["sandboxSignIn"],
        "/sandbox/sign-in"
    );
}

/// `POST /v1/explain`: the cause of a pasted error, in the caller's
/// language; the text's bound (read up to 64 KiB, 413 for a body far
/// beyond), a missing `text` (400), and
/// no secret of the text or the settings in the answer.
#[tokio::test]
async fn explain_route_names_the_cause_and_echoes_no_secret() {
    let post = |body: String, lang: &str| {
        Request::post("/v1/explain")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT_LANGUAGE, lang)
            .body(Body::from(body))
            .unwrap()
    };
    let text = "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted.')\nC: AUTH PLAIN AG1lAHMzY3JldC1Qw6Rzc3dvcmQ=";
    let body = json!({"text": text, "config": {"host": "smtp.gmail.com", "port": 465, "security": "tls", "password": "s3cret-Pässword"}});
    let resp = app(state())
        .oneshot(post(body.to_string(), "de"))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()[header::CONTENT_LANGUAGE], "de");
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let answer = String::from_utf8(bytes.to_vec()).unwrap();
    let v: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "auth.failed", "{answer}");
    assert_eq!(v["recognised"]["library"], "smtplib");
    assert!(
        !answer.contains("s3cret") && !answer.contains("AG1lAHMz"),
        "{answer}"
    );

    // Past 64 KiB of text only the start is read, and the answer says so;
    // a body far past the route's bound is refused.
    let big = |kib: usize| post(json!({"text": "x".repeat(kib * 1024)}).to_string(), "en");
    let (status, body) = call(big(70)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["recognised"]["truncated"], true);
    let (status, body) = call(big(100)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    let (status, body) = call(post(json!({"config": {}}).to_string(), "en")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"]["message"].as_str().unwrap().contains("text"));
    // Within the bound, a long paste is read whole.
    let long = format!(
        "{}\n535 5.7.8 Authentication failed",
        "log line\n".repeat(6000)
    );
    let (status, body) = call(post(json!({"text": long}).to_string(), "en")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["diagnostics"][0]["code"], "auth.failed", "{body}");
}
