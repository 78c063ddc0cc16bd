//! A result the integrator's backend can trust (SPEC §7.6).
//!
//! A browser can claim anything; with `serve --attestation-key`, every
//! probe report carries `attestation`: a compact JWS (HS256, the key shared
//! with the integrator's backend) over `{ config, ok, checks, passed, iat }`,
//! where `config` is the SHA-256 (hex) of the canonical settings JSON —
//! keys sorted, no whitespace — with each secret (`password`, `pass`,
//! `accessToken`) replaced by its HMAC-SHA256 (hex) under the attestation
//! key, `checks` what was asked and `passed` the checks whose steps passed.
//! Before it saves the settings, the backend recomputes that digest from
//! what it is about to store and calls [`verify`] with the checks it
//! requires (by default connect, TLS and AUTH): a report for other
//! settings, a failed or partial one, an old one or a forged one is
//! refused. The same check for Node ships as `smtp-doctor/server`
//! (web/smtp-doctor/server.js).
//!
//! Why keyed: the payload is readable by the browser that carries it, and
//! an unsalted SHA-256 of a password beside every other field falls to a
//! dictionary offline (a common password in 384 guesses). Without the key
//! the digest says nothing about the password. (SPEC §7.6 first said
//! SHA-256; the HMAC is the deliberate change.)

use std::fmt::Write as _;

use hmac::{Hmac, Mac};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use smtp_doctor_core::report::{Report, StepKind, StepStatus};

use crate::engine::Check;

/// The `--attestation-key`, kept out of logs and wiped on drop.
#[derive(Clone)]
pub struct AttestationKey(zeroize::Zeroizing<Vec<u8>>);

impl AttestationKey {
    /// A key of at least 16 bytes.
    pub fn new(secret: &str) -> Result<Self, String> {
        if secret.len() < 16 {
            return Err("--attestation-key must be at least 16 bytes".into());
        }
        Ok(Self(zeroize::Zeroizing::new(secret.as_bytes().to_vec())))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for AttestationKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AttestationKey(<not shown>)")
    }
}

/// What an attestation states.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attestation {
    /// [`config_digest`] of the settings that were tested.
    pub config: String,
    /// The report's `ok`.
    pub ok: bool,
    /// The checks that were asked for.
    pub checks: Vec<Check>,
    /// The checks whose steps passed (a warning passes): what the report
    /// proves about these settings.
    #[serde(default)]
    pub passed: Vec<Check>,
    /// When (seconds since the epoch).
    pub iat: u64,
}

/// What a backend requires of an attestation before it saves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirements {
    /// Oldest accepted, in seconds.
    pub max_age: u64,
    /// Now, in seconds since the epoch.
    pub now: u64,
    /// Checks that must have passed; [`Check::DEFAULT`] (connect, TLS,
    /// AUTH) unless told otherwise: a relay without TLS or without a login
    /// names fewer.
    pub checks: Vec<Check>,
}

impl Requirements {
    /// Ten minutes old at most, connect, TLS and AUTH passed.
    pub fn new(now: u64) -> Self {
        Self {
            max_age: 600,
            now,
            checks: Check::DEFAULT.to_vec(),
        }
    }
}

/// Why an attestation was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AttestationError {
    #[error("the attestation is not signed with this key, or is malformed")]
    Signature,
    #[error("the attestation is for other settings")]
    OtherSettings,
    #[error("the tested settings did not work")]
    NotOk,
    #[error("the probe did not prove {}", names(.0))]
    MissingChecks(Vec<Check>),
    #[error("the attestation is older than {0} s, or from the future")]
    Stale(u64),
    #[error("the key cannot be used: {0}")]
    Key(String),
}

fn names(checks: &[Check]) -> String {
    checks
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

fn hmac_hex(key: &[u8], bytes: &[u8]) -> String {
    // HMAC takes a key of any length.
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(bytes);
    hex(&mac.finalize().into_bytes())
}

/// The settings fields that hold a secret; the digest has their HMAC.
pub const SECRET_FIELDS: [&str; 3] = ["password", "pass", "accessToken"];

/// `value` as canonical JSON: object keys sorted (by their UTF-8 bytes, as
/// JavaScript's default sort does for ASCII keys), no whitespace.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                canonical(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// The SHA-256 (hex) of the canonical settings JSON, each of
/// [`SECRET_FIELDS`] replaced by its HMAC-SHA256 hex under `key`.
pub fn config_digest(config: &Value, key: &[u8]) -> String {
    let mut copy = crate::secret::WipedJson::new(config.clone());
    if let Value::Object(map) = &mut *copy {
        for field in SECRET_FIELDS {
            if let Some(Value::String(secret)) = map.get_mut(field) {
                // In place: the copy's secret is wiped, not dropped as is.
                let hashed = hmac_hex(key, secret.as_bytes());
                zeroize::Zeroize::zeroize(secret);
                *secret = hashed;
            }
        }
    }
    let mut text = zeroize::Zeroizing::new(String::new());
    canonical(&copy, &mut text);
    hex(&Sha256::digest(text.as_bytes()))
}

/// The checks `report` proves: those whose step passed or warned.
/// `connect` is the TCP connection and the greeting; `tls` needs the TLS
/// step itself (a session without TLS proves no TLS).
pub fn passed_checks(report: &Report) -> Vec<Check> {
    let passed = |kind: StepKind| {
        report
            .steps
            .iter()
            .any(|s| s.step == kind && matches!(s.status, StepStatus::Pass | StepStatus::Warn))
    };
    let failed = |kind: StepKind| {
        report
            .steps
            .iter()
            .any(|s| s.step == kind && s.status == StepStatus::Fail)
    };
    Check::ALL
        .into_iter()
        .filter(|check| match check {
            Check::Connect => {
                passed(StepKind::Connect) && passed(StepKind::Greeting) && !failed(StepKind::Ehlo)
            }
            Check::Tls => passed(StepKind::Tls),
            Check::Auth => passed(StepKind::Auth),
            Check::Sender => passed(StepKind::Sender),
            Check::Send => passed(StepKind::Send),
            Check::Domain => passed(StepKind::Domain),
            Check::Arrival => passed(StepKind::Arrival),
        })
        .collect()
}

/// Signs the outcome of a probe of `config` that asked for `checks`.
pub fn sign(
    key: &[u8],
    config: &Value,
    report: &Report,
    checks: &[Check],
    now: u64,
) -> Result<String, AttestationError> {
    let claims = Attestation {
        config: config_digest(config, key),
        ok: report.ok,
        checks: checks.to_vec(),
        passed: passed_checks(report),
        iat: now,
    };
    let key = EncodingKey::from_secret(key).map_err(|e| AttestationError::Key(e.to_string()))?;
    encode(&Header::new(Algorithm::HS256), &claims, &key)
        .map_err(|e| AttestationError::Key(e.to_string()))
}

/// Verifies `token` for the settings about to be saved: signed with `key`,
/// for exactly these settings, `ok`, every required check passed, and at
/// most `max_age` seconds old.
pub fn verify(
    token: &str,
    key: &[u8],
    settings: &Value,
    required: &Requirements,
) -> Result<Attestation, AttestationError> {
    let decoding =
        DecodingKey::from_secret(key).map_err(|e| AttestationError::Key(e.to_string()))?;
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_required_spec_claims::<&str>(&[]);
    validation.validate_exp = false;
    let claims = decode::<Attestation>(token, &decoding, &validation)
        .map_err(|_| AttestationError::Signature)?
        .claims;
    if claims.config != config_digest(settings, key) {
        return Err(AttestationError::OtherSettings);
    }
    if !claims.ok {
        return Err(AttestationError::NotOk);
    }
    let missing: Vec<Check> = required
        .checks
        .iter()
        .filter(|c| !claims.passed.contains(c))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(AttestationError::MissingChecks(missing));
    }
    let (max_age, now) = (required.max_age, required.now);
    if claims.iat > now + 60 || now.saturating_sub(claims.iat) > max_age {
        return Err(AttestationError::Stale(max_age));
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use smtp_doctor_core::report::Step;

    const KEY: &[u8] = b"attestation-key-for-tests";

    /// A report whose steps ended as `steps` say.
    fn report(ok: bool, steps: &[(StepKind, StepStatus)]) -> Report {
        Report {
            ok,
            steps: steps
                .iter()
                .map(|&(step, status)| Step {
                    step,
                    status,
                    duration_ms: 1,
                    diagnostics: Vec::new(),
                })
                .collect(),
            ..Report::default()
        }
    }

    fn full_session() -> Report {
        use StepKind::{Auth, Connect, Dns, Ehlo, Greeting, Tls};
        let pass = StepStatus::Pass;
        report(
            true,
            &[
                (Dns, pass),
                (Connect, pass),
                (Greeting, pass),
                (Ehlo, pass),
                (Tls, pass),
                (Auth, pass),
            ],
        )
    }

    #[test]
    fn canonical_json_sorts_keys_and_keys_the_secrets() {
        let mut text = String::new();
        canonical(
            &json!({"b": [1, {"z": "é", "a": null}], "a": true}),
            &mut text,
        );
        assert_eq!(text, r#"{"a":true,"b":[1,{"a":null,"z":"é"}]}"#);
        let a = json!({"host": "smtp.example.com", "port": 587, "password": "pw"});
        let b = json!({"port": 587, "password": "pw", "host": "smtp.example.com"});
        assert_eq!(
            config_digest(&a, KEY),
            config_digest(&b, KEY),
            "key order does not matter"
        );
        for field in SECRET_FIELDS {
            let mut other = a.clone();
            other[field] = json!("pw2");
            assert_ne!(
                config_digest(&a, KEY),
                config_digest(&other, KEY),
                "{field} counts"
            );
        }
        assert_eq!(config_digest(&a, KEY).len(), 64);
        // Without the key, the digest cannot be recomputed from a guess:
        // the unkeyed construction (SHA-256 of the password) is not it.
        let mut guess = a.clone();
        guess["password"] = json!(hex(&Sha256::digest(b"pw")));
        let mut text = String::new();
        canonical(&guess, &mut text);
        assert_ne!(
            hex(&Sha256::digest(text.as_bytes())),
            config_digest(&a, KEY)
        );
        assert_ne!(
            config_digest(&a, KEY),
            config_digest(&a, b"another key entirely")
        );
    }

    #[test]
    fn what_a_report_proves() {
        use Check::{Auth, Connect, Tls};
        assert_eq!(passed_checks(&full_session()), [Connect, Tls, Auth]);
        assert!(passed_checks(&Report::default()).is_empty());
        let no_tls = report(
            true,
            &[
                (StepKind::Connect, StepStatus::Pass),
                (StepKind::Greeting, StepStatus::Pass),
                (StepKind::Tls, StepStatus::Skipped),
                (StepKind::Auth, StepStatus::Warn),
            ],
        );
        assert_eq!(passed_checks(&no_tls), [Connect, Auth]);
    }

    #[test]
    fn only_a_fresh_complete_ok_attestation_for_these_settings_passes() {
        let settings = json!({"host": "smtp.example.com", "port": 587, "password": "pw"});
        let now = 1_800_000_000;
        let required = Requirements::new(now + 10);
        let good = sign(KEY, &settings, &full_session(), &Check::DEFAULT, now).unwrap();
        assert!(verify(&good, KEY, &settings, &required).is_ok());
        let changed = json!({"host": "smtp.example.com", "port": 465, "password": "pw"});
        assert_eq!(
            verify(&good, KEY, &changed, &required),
            Err(AttestationError::OtherSettings)
        );
        assert_eq!(
            verify(&good, b"another key entirely", &settings, &required),
            Err(AttestationError::Signature)
        );
        assert_eq!(
            verify(&good, KEY, &settings, &Requirements::new(now + 601)),
            Err(AttestationError::Stale(600))
        );
        let failed = sign(KEY, &settings, &report(false, &[]), &[Check::Connect], now).unwrap();
        assert_eq!(
            verify(&failed, KEY, &settings, &required),
            Err(AttestationError::NotOk)
        );
        // A browser flipping `ok` in the payload breaks the signature.
        let mut parts: Vec<String> = failed.split('.').map(str::to_owned).collect();
        let payload = String::from_utf8(
            base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &parts[1])
                .unwrap(),
        )
        .unwrap()
        .replace("\"ok\":false", "\"ok\":true");
        parts[1] =
            base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, payload);
        assert_eq!(
            verify(&parts.join("."), KEY, &settings, &required),
            Err(AttestationError::Signature)
        );
    }

    #[test]
    fn a_partial_probe_proves_only_what_it_ran() {
        // The attack: ask for nothing, or only for connect and TLS with a
        // wrong password, and save the settings with the `ok` report.
        let settings = json!({"host": "smtp.example.com", "port": 587, "password": "wrong"});
        let now = 1_800_000_000;
        let pass = StepStatus::Pass;
        let partial = [
            (Vec::new(), report(true, &[])),
            (
                vec![Check::Connect],
                report(
                    true,
                    &[(StepKind::Connect, pass), (StepKind::Greeting, pass)],
                ),
            ),
            (
                vec![Check::Connect, Check::Tls],
                report(
                    true,
                    &[
                        (StepKind::Connect, pass),
                        (StepKind::Greeting, pass),
                        (StepKind::Tls, pass),
                    ],
                ),
            ),
        ];
        for (asked, r) in partial {
            let token = sign(KEY, &settings, &r, &asked, now).unwrap();
            let e = verify(&token, KEY, &settings, &Requirements::new(now)).unwrap_err();
            assert!(
                matches!(&e, AttestationError::MissingChecks(m) if m.contains(&Check::Auth)),
                "{asked:?}: {e}"
            );
            assert!(e.to_string().contains("auth"), "{e}");
        }
        // A relay without a login: the backend says what it requires.
        let connect_tls = report(
            true,
            &[
                (StepKind::Connect, pass),
                (StepKind::Greeting, pass),
                (StepKind::Tls, pass),
            ],
        );
        let token = sign(
            KEY,
            &settings,
            &connect_tls,
            &[Check::Connect, Check::Tls],
            now,
        )
        .unwrap();
        let fewer = Requirements {
            checks: vec![Check::Connect, Check::Tls],
            ..Requirements::new(now)
        };
        assert!(verify(&token, KEY, &settings, &fewer).is_ok());
    }
}
