//! Webhooks to an integrator's backend, per the Standard Webhooks
//! specification (`webhook-id`, `webhook-timestamp`, `webhook-signature`,
//! signed by the `standardwebhooks` crate): what monitors send when a
//! connection changes (issue 30).
//!
//! A webhook URL is an address strangers choose, like an SMTP target: it
//! must be `https`, on 443 or a port the policy allows, an address written
//! out must pass the probe's address policy when the URL is given, and
//! every address a name resolves to at each delivery; the request
//! goes to an address that was checked ([`crate::https::connect`]).
//! Redirects are not followed. A delivery is tried again with exponential
//! backoff on what may pass (no connection, a timeout, 408, 429, 5xx) and
//! given up at once on what will not (the policy, another 4xx, a
//! redirect); every attempt is logged. The message id stays the same
//! across attempts so the receiver can drop repeats; each attempt is
//! signed with its own timestamp.

use std::time::{Duration, Instant};

use base64::Engine as _;
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::Uri;
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use ring::rand::{SecureRandom as _, SystemRandom};
use serde::Serialize;
use zeroize::Zeroizing;

use crate::engine::Engine;
use crate::https::FetchError;

/// The longest webhook URL taken.
pub const MAX_URL: usize = 2048;
/// What is read of a receiver's answer (then dropped).
const MAX_ANSWER: usize = 4096;

/// A monitor's signing secret: `whsec_` and 32 random bytes in base64,
/// as the specification writes it.
#[derive(Clone)]
pub struct WebhookSecret(Zeroizing<String>);

impl std::fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookSecret(<redacted>)")
    }
}

impl WebhookSecret {
    /// A fresh secret from the system's CSPRNG.
    pub fn new() -> Option<Self> {
        let mut key = Zeroizing::new([0u8; 32]);
        SystemRandom::new().fill(key.as_mut()).ok()?;
        let text = base64::engine::general_purpose::STANDARD.encode(key.as_ref());
        Some(Self(Zeroizing::new(format!("whsec_{text}"))))
    }

    /// A stored secret, if `text` is one.
    pub fn parse(text: &str) -> Option<Self> {
        standardwebhooks::Webhook::new(text).ok()?;
        text.starts_with("whsec_")
            .then(|| Self(Zeroizing::new(text.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The three headers of `message` sent at `timestamp` (seconds).
    pub fn headers(&self, message: &Message<'_>, timestamp: i64) -> [(&'static str, String); 3] {
        let signature = standardwebhooks::Webhook::new(&self.0)
            .and_then(|w| w.sign(message.id, timestamp, message.payload.as_bytes()))
            .unwrap_or_default();
        [
            (standardwebhooks::HEADER_WEBHOOK_ID, message.id.to_owned()),
            (
                standardwebhooks::HEADER_WEBHOOK_TIMESTAMP,
                timestamp.to_string(),
            ),
            (standardwebhooks::HEADER_WEBHOOK_SIGNATURE, signature),
        ]
    }
}

/// Why a webhook URL is refused when it is given.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BadWebhookUrl {
    #[error("a webhook URL is https://host[:port]/path (at most {MAX_URL} characters)")]
    Shape,
    #[error("a webhook URL may not carry a user name or password")]
    Credentials,
    #[error("port {0} is not allowed for webhooks here (443, or a port this service allows)")]
    Port(u16),
    #[error("a webhook URL may not point at an internal address")]
    Internal,
}

/// A checked webhook URL: https, a host, no credentials, an allowed port.
/// Its addresses are checked at each delivery (DNS may change).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookUrl(Uri);

impl WebhookUrl {
    /// `text` as a webhook URL under `engine`'s port policy.
    pub fn parse(text: &str, engine: &Engine) -> Result<Self, BadWebhookUrl> {
        Self::parse_with(text, &engine.options().policy)
    }

    /// `text` as a webhook URL under `policy`'s ports.
    pub fn parse_with(text: &str, policy: &crate::policy::Policy) -> Result<Self, BadWebhookUrl> {
        if text.len() > MAX_URL || text.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(BadWebhookUrl::Shape);
        }
        let uri: Uri = text.parse().map_err(|_| BadWebhookUrl::Shape)?;
        let authority = uri.authority().ok_or(BadWebhookUrl::Shape)?;
        if authority.as_str().contains('@') {
            return Err(BadWebhookUrl::Credentials);
        }
        if uri.scheme_str() != Some("https") || uri.host().is_none_or(str::is_empty) {
            return Err(BadWebhookUrl::Shape);
        }
        let port = uri.port_u16().unwrap_or(443);
        if port != 443 && !policy.port_allowed(port) {
            return Err(BadWebhookUrl::Port(port));
        }
        // An address written out is judged now; a name at each delivery.
        let host = uri.host().unwrap_or_default();
        let literal = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        if let Ok(ip) = literal.parse::<std::net::IpAddr>()
            && policy.check_address(ip).is_err()
        {
            return Err(BadWebhookUrl::Internal);
        }
        Ok(Self(uri))
    }

    pub fn as_str(&self) -> String {
        self.0.to_string()
    }
}

/// One event to send.
#[derive(Debug)]
pub struct Message<'a> {
    /// The same for every attempt (`msg_…`): receivers drop repeats.
    pub id: &'a str,
    /// The JSON body.
    pub payload: &'a str,
}

/// How a delivery is retried: `attempts` in all, waiting `first` after
/// the first failure and twice as long after each next one, at most `max`.
#[derive(Clone, Copy, Debug)]
pub struct Retry {
    pub attempts: u32,
    pub first: Duration,
    pub max: Duration,
}

impl Default for Retry {
    /// Eight attempts over about 4¼ hours: 1, 2, 4, … 64 minutes apart.
    fn default() -> Self {
        Self {
            attempts: 8,
            first: Duration::from_mins(1),
            max: Duration::from_hours(1),
        }
    }
}

impl Retry {
    /// The wait after failed attempt `n` (1-based).
    pub fn wait_after(&self, n: u32) -> Duration {
        let doubled = self.first.saturating_mul(1 << n.saturating_sub(1).min(20));
        doubled.min(self.max)
    }
}

/// One try, as the delivery log keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attempt {
    /// When it started (seconds since the epoch).
    pub at: i64,
    /// The receiver's HTTP status, when it answered.
    pub status: Option<u16>,
    /// Why it failed without an answer.
    pub error: Option<String>,
    pub duration_ms: u64,
}

impl Attempt {
    pub fn delivered(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }

    /// An attempt refused before any connection (the policy, a bad
    /// secret): never tried again.
    pub fn refused(why: &str) -> Self {
        Self {
            at: i64::try_from(crate::clock::now()).unwrap_or(i64::MAX),
            status: None,
            error: Some(why.to_owned()),
            duration_ms: 0,
        }
    }

    /// Whether trying again may help.
    pub fn retryable(&self) -> bool {
        match self.status {
            Some(s) => s == 408 || s == 429 || s >= 500,
            None => !self
                .error
                .as_deref()
                .is_some_and(|e| e.starts_with("blocked") || e.starts_with("refused")),
        }
    }
}

/// A delivery's outcome: delivered, or given up, with every attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Delivery {
    pub delivered: bool,
    pub attempts: Vec<Attempt>,
}

/// Delivers `message` to `url`, retrying per `retry`; `on_attempt` sees
/// each attempt as it ends (for the delivery log).
pub async fn deliver(
    engine: &Engine,
    url: &WebhookUrl,
    secret: &WebhookSecret,
    message: &Message<'_>,
    retry: Retry,
    on_attempt: &mut (dyn FnMut(&Attempt) + Send),
) -> Delivery {
    let mut attempts = Vec::new();
    for n in 1..=retry.attempts.max(1) {
        let attempt = attempt_once(engine, url, secret, message).await;
        on_attempt(&attempt);
        let (done, again) = (attempt.delivered(), attempt.retryable());
        attempts.push(attempt);
        if done {
            return Delivery {
                delivered: true,
                attempts,
            };
        }
        if !again || n == retry.attempts {
            break;
        }
        tokio::time::sleep(retry.wait_after(n)).await;
    }
    Delivery {
        delivered: false,
        attempts,
    }
}

/// One POST, bounded by twice the engine's step timeout.
pub async fn attempt_once(
    engine: &Engine,
    url: &WebhookUrl,
    secret: &WebhookSecret,
    message: &Message<'_>,
) -> Attempt {
    let at = i64::try_from(crate::clock::now()).unwrap_or(i64::MAX);
    let started = Instant::now();
    let bound = engine.options().timeout * 2;
    let result = tokio::time::timeout(bound, post(engine, url, secret, message, at)).await;
    let (status, error) = match result {
        Ok(Ok(status)) => (Some(status), None),
        Ok(Err(e)) => (None, Some(e)),
        Err(_) => (
            None,
            Some(format!("no answer within {} s", bound.as_secs())),
        ),
    };
    Attempt {
        at,
        status,
        error,
        duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    }
}

async fn post(
    engine: &Engine,
    url: &WebhookUrl,
    secret: &WebhookSecret,
    message: &Message<'_>,
    at: i64,
) -> Result<u16, String> {
    let tls = crate::https::connect(engine, &url.0)
        .await
        .map_err(|e| match e {
            FetchError::Blocked { host, .. } => {
                format!("blocked: {host} resolves to an internal address")
            }
            other => other.to_string(),
        })?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tls))
        .await
        .map_err(|e| e.to_string())?;
    let driver = tokio::spawn(conn);
    let mut request = hyper::Request::post(url.0.path_and_query().map_or("/", |p| p.as_str()))
        .header(
            hyper::header::HOST,
            url.0.authority().map_or("", |a| a.as_str()),
        )
        .header(hyper::header::CONTENT_TYPE, "application/json")
        .header(
            hyper::header::USER_AGENT,
            concat!("smtp-doctor/", env!("CARGO_PKG_VERSION")),
        );
    for (name, value) in secret.headers(message, at) {
        request = request.header(name, value);
    }
    let request = request
        .body(Full::new(Bytes::copy_from_slice(
            message.payload.as_bytes(),
        )))
        .map_err(|e| e.to_string())?;
    let answer = sender
        .send_request(request)
        .await
        .map_err(|e| e.to_string());
    let status = match answer {
        Ok(response) => {
            let status = response.status().as_u16();
            // Read a little of the answer so the receiver sees us finish;
            // what it says is not kept.
            let _ = Limited::new(response.into_body(), MAX_ANSWER)
                .collect()
                .await;
            Ok(status)
        }
        Err(e) => Err(e),
    };
    driver.abort();
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_the_bound() {
        let r = Retry {
            attempts: 8,
            first: Duration::from_mins(1),
            max: Duration::from_hours(1),
        };
        let waits: Vec<u64> = (1..=8).map(|n| r.wait_after(n).as_secs()).collect();
        assert_eq!(waits, [60, 120, 240, 480, 960, 1920, 3600, 3600]);
    }

    #[test]
    fn what_may_pass_is_tried_again() {
        let a = |status: Option<u16>, error: Option<&str>| Attempt {
            at: 0,
            status,
            error: error.map(str::to_owned),
            duration_ms: 0,
        };
        assert!(a(Some(503), None).retryable() && a(Some(429), None).retryable());
        assert!(a(None, Some("cannot connect to hooks.example.com:443")).retryable());
        assert!(!a(Some(404), None).retryable() && !a(Some(301), None).retryable());
        assert!(
            !a(
                None,
                Some("blocked: hooks.example.com resolves to an internal address")
            )
            .retryable()
        );
        assert!(a(Some(204), None).delivered());
    }

    #[test]
    fn the_signature_is_the_specifications() {
        // The specification's own test vector (standard-webhooks, spec/
        // standard-webhooks.md, "Signature scheme").
        let secret = WebhookSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let message = Message {
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
            payload: r#"{"test": 2432232314}"#,
        };
        let [id, ts, sig] = secret.headers(&message, 1_614_265_330);
        assert_eq!(
            id,
            ("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek".to_owned())
        );
        assert_eq!(ts.1, "1614265330");
        assert_eq!(sig.1, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assert!(WebhookSecret::parse("not-a-secret").is_none());
        let fresh = WebhookSecret::new().unwrap();
        assert!(
            fresh.as_str().starts_with("whsec_") && WebhookSecret::parse(fresh.as_str()).is_some()
        );
        assert!(!format!("{fresh:?}").contains(fresh.as_str()));
    }
}
