//! A result the integrator's backend can trust (SPEC §7.6).
//!
//! A browser can claim anything; with `serve --attestation-key`, every
//! probe report carries `attestation`: a compact JWS (HS256, the key shared
//! with the integrator's backend) over `{ config, ok, checks, iat }`, where
//! `config` is the SHA-256 (hex) of the canonical settings JSON — keys
//! sorted, no whitespace — with the password replaced by its own SHA-256
//! hex. Before it saves the settings, the backend recomputes that digest
//! from what it is about to store and calls [`verify`]; a report for other
//! settings, a failed one, an old one or a forged one is refused. The same
//! check for Node ships as `smtp-doctor/server` (web/smtp-doctor/server.js).

use std::fmt::Write as _;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

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
    /// The checks that ran.
    pub checks: Vec<Check>,
    /// When (seconds since the epoch).
    pub iat: u64,
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
    #[error("the attestation is older than {0} s, or from the future")]
    Stale(u64),
    #[error("the key cannot be used: {0}")]
    Key(String),
}

fn sha256_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(out, "{b:02x}");
    }
    out
}

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

/// The SHA-256 (hex) of the canonical settings JSON, the password (and its
/// `pass` alias) replaced by the SHA-256 hex of the password.
pub fn config_digest(config: &Value) -> String {
    let mut copy = crate::secret::WipedJson::new(config.clone());
    if let Value::Object(map) = &mut *copy {
        for key in ["password", "pass"] {
            if let Some(Value::String(secret)) = map.get(key) {
                let hashed = sha256_hex(secret.as_bytes());
                map.insert(key.to_owned(), Value::String(hashed));
            }
        }
    }
    let mut text = zeroize::Zeroizing::new(String::new());
    canonical(&copy, &mut text);
    sha256_hex(text.as_bytes())
}

/// Signs the outcome of a probe of `config`.
pub fn sign(
    key: &[u8],
    config: &Value,
    ok: bool,
    checks: &[Check],
    now: u64,
) -> Result<String, AttestationError> {
    let claims = Attestation {
        config: config_digest(config),
        ok,
        checks: checks.to_vec(),
        iat: now,
    };
    let key = EncodingKey::from_secret(key).map_err(|e| AttestationError::Key(e.to_string()))?;
    encode(&Header::new(Algorithm::HS256), &claims, &key)
        .map_err(|e| AttestationError::Key(e.to_string()))
}

/// Verifies `token` for the settings about to be saved: signed with `key`,
/// for exactly these settings, `ok`, and at most `max_age` seconds old at
/// `now`.
pub fn verify(
    token: &str,
    key: &[u8],
    settings: &Value,
    max_age: u64,
    now: u64,
) -> Result<Attestation, AttestationError> {
    let key = DecodingKey::from_secret(key).map_err(|e| AttestationError::Key(e.to_string()))?;
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_required_spec_claims::<&str>(&[]);
    validation.validate_exp = false;
    let claims = decode::<Attestation>(token, &key, &validation)
        .map_err(|_| AttestationError::Signature)?
        .claims;
    if claims.config != config_digest(settings) {
        return Err(AttestationError::OtherSettings);
    }
    if !claims.ok {
        return Err(AttestationError::NotOk);
    }
    if claims.iat > now + 60 || now.saturating_sub(claims.iat) > max_age {
        return Err(AttestationError::Stale(max_age));
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const KEY: &[u8] = b"attestation-key-for-tests";

    #[test]
    fn canonical_json_sorts_keys_and_hashes_the_password() {
        let mut text = String::new();
        canonical(
            &json!({"b": [1, {"z": "é", "a": null}], "a": true}),
            &mut text,
        );
        assert_eq!(text, r#"{"a":true,"b":[1,{"a":null,"z":"é"}]}"#);
        let a = json!({"host": "smtp.example.com", "port": 587, "password": "pw"});
        let b = json!({"port": 587, "password": "pw", "host": "smtp.example.com"});
        assert_eq!(
            config_digest(&a),
            config_digest(&b),
            "key order does not matter"
        );
        let other = json!({"host": "smtp.example.com", "port": 587, "password": "pw2"});
        assert_ne!(
            config_digest(&a),
            config_digest(&other),
            "the password counts"
        );
        assert_eq!(config_digest(&a).len(), 64);
    }

    #[test]
    fn only_a_fresh_ok_attestation_for_these_settings_passes() {
        let settings = json!({"host": "smtp.example.com", "port": 587, "password": "pw"});
        let now = 1_800_000_000;
        let good = sign(
            KEY,
            &settings,
            true,
            &[Check::Connect, Check::Tls, Check::Auth],
            now,
        )
        .unwrap();
        assert!(verify(&good, KEY, &settings, 600, now + 10).is_ok());
        let changed = json!({"host": "smtp.example.com", "port": 465, "password": "pw"});
        assert_eq!(
            verify(&good, KEY, &changed, 600, now),
            Err(AttestationError::OtherSettings)
        );
        assert_eq!(
            verify(&good, b"another key entirely", &settings, 600, now),
            Err(AttestationError::Signature)
        );
        assert_eq!(
            verify(&good, KEY, &settings, 600, now + 601),
            Err(AttestationError::Stale(600))
        );
        let failed = sign(KEY, &settings, false, &[Check::Connect], now).unwrap();
        assert_eq!(
            verify(&failed, KEY, &settings, 600, now),
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
            verify(&parts.join("."), KEY, &settings, 600, now),
            Err(AttestationError::Signature)
        );
    }
}
