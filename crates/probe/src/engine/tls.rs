//! TLS with rustls: the client config, a verifier that keeps the server's
//! certificate so the report can say what it covers even when verification
//! fails, and the mapping of rustls errors onto `tls.*` codes.
//!
//! Verification is never switched off: the wrapper records the chain, then
//! asks webpki exactly as a normal client would and returns its verdict, so
//! a bad certificate still aborts the handshake before any credential is
//! sent. Roots: webpki-roots plus `--ca-file`.

use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    AlertDescription, CertificateError, ClientConfig, DigitallySignedStruct, Error as TlsError,
    PeerIncompatible, ProtocolVersion, RootCertStore, SignatureScheme,
};
use smtp_doctor_core::report::Certificate;
use smtp_doctor_core::{Code, Diagnostic, Field, Fix, Severity};

/// Loads extra trusted roots from a PEM file.
pub fn load_ca_file(path: &std::path::Path) -> Result<Vec<CertificateDer<'static>>, String> {
    use rustls::pki_types::pem::PemObject;
    let certs: Vec<_> = CertificateDer::pem_file_iter(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{} is not a PEM certificate file: {e}", path.display()))?;
    if certs.is_empty() {
        return Err(format!("{} holds no certificate", path.display()));
    }
    Ok(certs)
}

/// The trust anchors: webpki-roots plus the operator's extra roots.
pub fn root_store(extra: &[CertificateDer<'static>]) -> Result<Arc<RootCertStore>, String> {
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    for cert in extra {
        roots
            .add(cert.clone())
            .map_err(|e| format!("cannot use a --ca-file certificate: {e}"))?;
    }
    Ok(Arc::new(roots))
}

/// What the handshake revealed besides its outcome: filled in by the
/// verifier and the client-certificate resolver as rustls calls them.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    pub chain: Vec<CertificateDer<'static>>,
    pub error: Option<TlsError>,
    /// The server sent a CertificateRequest (we never present one).
    pub client_cert_requested: bool,
}

/// Presents no client certificate, but notes that one was asked for: a
/// server that then aborts wants mutual TLS, not another cipher.
#[derive(Debug)]
struct NoClientCert(Arc<Mutex<Seen>>);

impl rustls::client::ResolvesClientCert for NoClientCert {
    fn resolve(
        &self,
        _root_hint_subjects: &[&[u8]],
        _sigschemes: &[SignatureScheme],
    ) -> Option<Arc<rustls::sign::CertifiedKey>> {
        if let Ok(mut seen) = self.0.lock() {
            seen.client_cert_requested = true;
        }
        None
    }

    fn has_certs(&self) -> bool {
        false
    }
}

#[derive(Debug)]
struct RecordingVerifier {
    inner: Arc<WebPkiServerVerifier>,
    seen: Arc<Mutex<Seen>>,
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        let result =
            self.inner
                .verify_server_cert(end_entity, intermediates, server_name, ocsp, now);
        if let Ok(mut seen) = self.seen.lock() {
            seen.chain = std::iter::once(end_entity)
                .chain(intermediates)
                .map(|c| c.clone().into_owned())
                .collect();
            seen.error = result.as_ref().err().cloned();
        }
        result
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// A client config for one handshake, and where its verifier reports.
pub(crate) fn client_config(
    roots: &Arc<RootCertStore>,
) -> Result<(Arc<ClientConfig>, Arc<Mutex<Seen>>), TlsError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let inner =
        WebPkiServerVerifier::builder_with_provider(Arc::clone(roots), Arc::clone(&provider))
            .build()
            .map_err(|e| TlsError::General(e.to_string()))?;
    let seen = Arc::new(Mutex::new(Seen::default()));
    let verifier = Arc::new(RecordingVerifier {
        inner,
        seen: Arc::clone(&seen),
    });
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .dangerous() // only to install the recording wrapper; it returns webpki's verdict
        .with_custom_certificate_verifier(verifier)
        .with_client_cert_resolver(Arc::new(NoClientCert(Arc::clone(&seen))));
    Ok((Arc::new(config), seen))
}

/// The name rustls verifies: the host name, or the IP literal.
pub(crate) fn server_name(host: &str) -> Option<ServerName<'static>> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Some(ServerName::IpAddress(ip.into()));
    }
    ServerName::try_from(host.to_owned()).ok()
}

/// Reads the leaf certificate for the report.
pub(crate) fn describe(der: &CertificateDer<'_>, trusted: bool) -> Option<Certificate> {
    use x509_parser::prelude::*;
    let (_, cert) = X509Certificate::from_der(der.as_ref()).ok()?;
    let mut names = Vec::new();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for name in &san.value.general_names {
            match name {
                GeneralName::DNSName(n) => names.push((*n).to_owned()),
                GeneralName::IPAddress(bytes) => {
                    if let Ok(b) = <[u8; 4]>::try_from(*bytes) {
                        names.push(IpAddr::from(b).to_string());
                    } else if let Ok(b) = <[u8; 16]>::try_from(*bytes) {
                        names.push(IpAddr::from(b).to_string());
                    }
                }
                _ => {}
            }
        }
    }
    if names.is_empty() {
        names.extend(
            cert.subject()
                .iter_common_name()
                .filter_map(|cn| cn.as_str().ok())
                .map(str::to_owned),
        );
    }
    let rfc3339 = |t: &ASN1Time| {
        t.to_datetime()
            .format(&::time::format_description::well_known::Rfc3339)
            .unwrap_or_else(|_| t.to_string())
    };
    Some(Certificate {
        subject: cert.subject().to_string(),
        names,
        issuer: cert.issuer().to_string(),
        not_before: rfc3339(&cert.validity().not_before),
        not_after: rfc3339(&cert.validity().not_after),
        trusted,
    })
}

/// Days before its end from which a working certificate is a warning.
pub const EXPIRING_DAYS: i64 = 14;

/// `tls.cert-expiring` for a trusted certificate that ends within
/// [`EXPIRING_DAYS`] of `now` (Unix seconds).
pub fn expiring(cert: &Certificate, now: u64) -> Option<Diagnostic> {
    let end = smtp_doctor_core::monitor::rfc3339_day(&cert.not_after)?;
    let today = i64::try_from(now / 86_400).ok()?;
    let left = end - today;
    (cert.trusted && (0..=EXPIRING_DAYS).contains(&left)).then(|| {
        Diagnostic::new(Code::TlsCertExpiring)
            .param("days", smtp_doctor_core::Param::Count(left))
            .param("not-after", cert.not_after.as_str())
    })
}

/// The TLS version the server chose in its ServerHello, read from the
/// first bytes it sent (sans-IO, for the report of a server too old for
/// rustls to finish the handshake with). `None` unless the bytes start
/// with a handshake record holding a ServerHello.
pub fn server_hello_version(bytes: &[u8]) -> Option<ProtocolVersion> {
    // TLS record: type 22 (handshake), version (2), length (2); then the
    // handshake header: type 2 (ServerHello), length (3), server_version (2).
    let (&[22, _, _, _, _], rest) = bytes.split_first_chunk::<5>()? else {
        return None;
    };
    let (&[2, _, _, _, major, minor], _) = rest.split_first_chunk::<6>()? else {
        return None;
    };
    Some(ProtocolVersion::from(u16::from_be_bytes([major, minor])))
}

/// A TLS 1.1 ClientHello (RFC 4346) with the CBC suites old servers
/// speak, for one purpose: to read which version a server that refused
/// rustls' TLS 1.2/1.3 hello would choose. The probe reads the ServerHello
/// and hangs up; no key is ever derived and nothing else is sent.
pub(crate) fn legacy_client_hello(host: &str) -> Vec<u8> {
    const SUITES: [u16; 9] = [
        0xc014, 0xc013, 0xc00a, 0xc009, 0x0039, 0x0033, 0x0035, 0x002f, 0x000a,
    ];
    let mut random = [0u8; 32];
    let _ = rustls::crypto::ring::default_provider()
        .secure_random
        .fill(&mut random);
    let mut ext = Vec::new();
    if host.parse::<IpAddr>().is_err() && !host.is_empty() && host.len() < 256 {
        // server_name (RFC 6066): one host_name entry.
        let name = host.as_bytes();
        let n = u16::try_from(name.len()).unwrap_or(0);
        ext.extend_from_slice(&[0, 0]);
        ext.extend_from_slice(&(n + 5).to_be_bytes());
        ext.extend_from_slice(&(n + 3).to_be_bytes());
        ext.push(0);
        ext.extend_from_slice(&n.to_be_bytes());
        ext.extend_from_slice(name);
    }
    // supported_groups: x25519, secp256r1, secp384r1; ec_point_formats:
    // uncompressed; renegotiation_info: empty.
    ext.extend_from_slice(&[0, 0x0a, 0, 8, 0, 6, 0, 0x1d, 0, 0x17, 0, 0x18]);
    ext.extend_from_slice(&[0, 0x0b, 0, 2, 1, 0]);
    ext.extend_from_slice(&[0xff, 0x01, 0, 1, 0]);
    let mut body = vec![3, 2];
    body.extend_from_slice(&random);
    body.push(0); // no session id
    body.extend_from_slice(&u16::try_from(SUITES.len() * 2).unwrap_or(0).to_be_bytes());
    for suite in SUITES {
        body.extend_from_slice(&suite.to_be_bytes());
    }
    body.extend_from_slice(&[1, 0]); // compression: null
    body.extend_from_slice(&u16::try_from(ext.len()).unwrap_or(0).to_be_bytes());
    body.extend_from_slice(&ext);
    let len = u32::try_from(body.len()).unwrap_or(0).to_be_bytes();
    let mut handshake = vec![1, len[1], len[2], len[3]];
    handshake.extend_from_slice(&body);
    let mut record = vec![22, 3, 1];
    record.extend_from_slice(&u16::try_from(handshake.len()).unwrap_or(0).to_be_bytes());
    record.extend_from_slice(&handshake);
    record
}

/// Whether `bytes` start like a TLS record (handshake or alert, version
/// 3.x): a peer that speaks TLS, whatever it said.
pub fn is_tls_record(bytes: &[u8]) -> bool {
    matches!(bytes, [21 | 22, 3, ..])
}

/// A protocol version as people write it: `TLS 1.1`.
pub(crate) fn version_name(v: ProtocolVersion) -> String {
    match v {
        ProtocolVersion::SSLv3 => "SSL 3.0".to_owned(),
        ProtocolVersion::TLSv1_0 => "TLS 1.0".to_owned(),
        ProtocolVersion::TLSv1_1 => "TLS 1.1".to_owned(),
        ProtocolVersion::TLSv1_2 => "TLS 1.2".to_owned(),
        ProtocolVersion::TLSv1_3 => "TLS 1.3".to_owned(),
        other => format!("version 0x{:04x}", u16::from(other)),
    }
}

/// The report's spelling of a negotiated version (`TLSv1.3`, SPEC §4).
pub(crate) fn version_label(v: ProtocolVersion) -> String {
    v.as_str()
        .map_or_else(|| version_name(v), |s| s.replace("v1_", "v1."))
}

/// An alert by its RFC 8446 name (`internal_error`).
pub(crate) fn alert_name(alert: AlertDescription) -> String {
    let Some(camel) = alert.as_str() else {
        return format!("alert {}", u8::from(alert));
    };
    let mut out = String::with_capacity(camel.len() + 4);
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// What a failed handshake showed, besides rustls' error.
#[derive(Debug, Default)]
pub(crate) struct Evidence<'a> {
    pub cert: Option<&'a Certificate>,
    pub client_cert_requested: bool,
    /// From the server's first bytes ([`server_hello_version`]).
    pub server_version: Option<ProtocolVersion>,
}

/// The diagnostics for a failed handshake: a certificate problem (with the
/// certificate's facts), a server that wants a client certificate, one
/// too old for TLS 1.2, one broken on its side, or one with no cipher in
/// common. Pure: table-tested below.
pub(crate) fn diagnose(error: &TlsError, evidence: &Evidence<'_>, host: &str) -> Vec<Diagnostic> {
    let cert = evidence.cert;
    let names = cert.map(|c| c.names.join(", ")).unwrap_or_default();
    let old = evidence
        .server_version
        .filter(|v| u16::from(*v) < u16::from(ProtocolVersion::TLSv1_2));
    if let Some(v) = old {
        return vec![old_protocol(Some(v))];
    }
    let d = match error {
        TlsError::InvalidCertificate(e) => cert_problem(e, cert, host, &names),
        _ if evidence.client_cert_requested => Diagnostic::new(Code::TlsClientCertRequired)
            .case("handshake")
            .param("error", describe_error(error)),
        TlsError::AlertReceived(AlertDescription::ProtocolVersion)
        | TlsError::PeerIncompatible(PeerIncompatible::ServerDoesNotSupportTls12Or13) => {
            old_protocol(None)
        }
        TlsError::AlertReceived(AlertDescription::InternalError) => {
            Diagnostic::new(Code::TlsServerMisconfigured).case("internal-error")
        }
        TlsError::AlertReceived(
            alert @ (AlertDescription::HandshakeFailure | AlertDescription::InsufficientSecurity),
        ) => Diagnostic::new(Code::TlsHandshakeFailed)
            .case("alert")
            .param("alert", alert_name(*alert)),
        other => Diagnostic::new(Code::TlsHandshakeFailed)
            .case("error")
            .param("error", describe_error(other)),
    };
    vec![d]
}

/// `tls.old-protocol` as the reason a handshake failed.
fn old_protocol(version: Option<ProtocolVersion>) -> Diagnostic {
    Diagnostic::new(Code::TlsOldProtocol)
        .severity(Severity::Error)
        .case(if version.is_some() {
            "version"
        } else {
            "refused"
        })
        .param("version", version.map(version_name).unwrap_or_default())
}

/// rustls' error in words, alerts by their RFC names.
fn describe_error(error: &TlsError) -> String {
    match error {
        TlsError::AlertReceived(alert) => {
            format!("the server sent the alert `{}`", alert_name(*alert))
        }
        other => other.to_string(),
    }
}

fn cert_problem(
    e: &CertificateError,
    cert: Option<&Certificate>,
    host: &str,
    names: &str,
) -> Diagnostic {
    let dated = |d: Diagnostic| match cert {
        Some(c) => d
            .case("dates")
            .param("not-before", c.not_before.as_str())
            .param("not-after", c.not_after.as_str()),
        None => d,
    };
    match e {
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            dated(Diagnostic::new(Code::TlsCertExpired))
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            dated(Diagnostic::new(Code::TlsCertNotYetValid))
        }
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            let mut d = Diagnostic::new(Code::TlsCertNameMismatch)
                .case(if names.is_empty() {
                    "other-names"
                } else {
                    "names"
                })
                .param("names", names)
                .param("host", host);
            let usable = cert.and_then(|c| {
                c.names
                    .iter()
                    .find(|n| !n.starts_with('*') && n.parse::<IpAddr>().is_err())
            });
            if let Some(name) = usable {
                d = d
                    .param("usable", name.as_str())
                    .fix(Fix::new("use-host").set(Field::Host, name.clone()));
            }
            d
        }
        CertificateError::UnknownIssuer => {
            let self_signed = cert.is_some_and(|c| c.subject == c.issuer);
            let d = Diagnostic::new(Code::TlsCertUntrusted);
            if self_signed {
                d.case("self-signed")
            } else {
                d.case("unknown-issuer")
                    .param("issuer", cert.map_or("?", |c| c.issuer.as_str()))
            }
        }
        other => Diagnostic::new(Code::TlsCertUntrusted)
            .case("refused")
            .param(
                "error",
                TlsError::InvalidCertificate(other.clone()).to_string(),
            ),
    }
    .severity(Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_hello_versions() {
        // A TLS 1.1 ServerHello as OpenSSL sends it.
        let hello = [22, 3, 2, 0, 74, 2, 0, 0, 70, 3, 2, 0xaa];
        assert_eq!(server_hello_version(&hello), Some(ProtocolVersion::TLSv1_1));
        assert_eq!(
            server_hello_version(&[22, 3, 1, 0, 9, 2, 0, 0, 5, 3, 1]),
            Some(ProtocolVersion::TLSv1_0)
        );
        // An alert record, a ClientHello, plain SMTP, short input.
        assert_eq!(server_hello_version(&[21, 3, 3, 0, 2, 2, 80]), None);
        assert_eq!(
            server_hello_version(&[22, 3, 1, 0, 9, 1, 0, 0, 5, 3, 3]),
            None
        );
        assert_eq!(server_hello_version(b"220 mx ESMTP"), None);
        assert_eq!(server_hello_version(&[22, 3]), None);
        assert_eq!(version_name(ProtocolVersion::TLSv1_1), "TLS 1.1");
        assert_eq!(version_label(ProtocolVersion::TLSv1_3), "TLSv1.3");
        assert_eq!(
            alert_name(AlertDescription::InternalError),
            "internal_error"
        );
        assert_eq!(
            alert_name(AlertDescription::CertificateRequired),
            "certificate_required"
        );
        assert!(is_tls_record(&[21, 3, 3]) && !is_tls_record(b"220"));
    }

    #[test]
    fn the_legacy_hello_is_well_formed() {
        let hello = legacy_client_hello("mx.example.com");
        let record_len = usize::from(u16::from_be_bytes([hello[3], hello[4]]));
        assert_eq!(&hello[..3], [22, 3, 1]);
        assert_eq!(record_len, hello.len() - 5);
        assert_eq!(hello[5], 1, "ClientHello");
        let hs_len = usize::from(hello[7]) << 8 | usize::from(hello[8]);
        assert_eq!(hs_len, hello.len() - 9);
        assert_eq!(&hello[9..11], [3, 2], "offers TLS 1.1 at most");
        assert!(hello.windows(14).any(|w| w == b"mx.example.com"));
        assert!(
            !legacy_client_hello("192.0.2.1")
                .windows(9)
                .any(|w| w == b"192.0.2.1"),
            "no SNI for an address"
        );
    }

    #[test]
    fn handshake_failures() {
        let none = Evidence::default();
        let asked = Evidence {
            client_cert_requested: true,
            ..Evidence::default()
        };
        let old = Evidence {
            server_version: Some(ProtocolVersion::TLSv1_1),
            ..Evidence::default()
        };
        let cases: [(TlsError, &Evidence<'_>, &str); 7] = [
            (
                TlsError::AlertReceived(AlertDescription::InternalError),
                &none,
                "tls.server-misconfigured",
            ),
            (
                TlsError::AlertReceived(AlertDescription::ProtocolVersion),
                &none,
                "tls.old-protocol",
            ),
            (
                TlsError::PeerIncompatible(PeerIncompatible::ServerDoesNotSupportTls12Or13),
                &old,
                "tls.old-protocol",
            ),
            (
                TlsError::AlertReceived(AlertDescription::HandshakeFailure),
                &none,
                "tls.handshake-failed",
            ),
            (
                TlsError::AlertReceived(AlertDescription::HandshakeFailure),
                &asked,
                "tls.client-cert-required",
            ),
            (
                TlsError::AlertReceived(AlertDescription::CertificateRequired),
                &asked,
                "tls.client-cert-required",
            ),
            (
                TlsError::InvalidCertificate(CertificateError::Expired),
                &asked,
                "tls.cert-expired",
            ),
        ];
        let en = |mut d: Vec<Diagnostic>| {
            smtp_doctor_core::i18n::localize(&mut d, "en");
            d
        };
        for (error, evidence, want) in cases {
            let got = en(diagnose(&error, evidence, "mx.example.com"));
            assert_eq!(got.len(), 1, "one cause, one diagnostic: {got:?}");
            assert_eq!(got[0].code.as_str(), want, "{error:?}");
            assert!(
                !got[0].message.contains("Alert"),
                "RFC names, not Debug: {}",
                got[0].message
            );
        }
        let named = en(diagnose(
            &TlsError::AlertReceived(AlertDescription::HandshakeFailure),
            &old,
            "h",
        ));
        assert!(named[0].message.contains("TLS 1.1"), "{}", named[0].message);
        assert_eq!(named[0].severity, Severity::Error, "the handshake failed");
    }
}
