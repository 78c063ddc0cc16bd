//! TLS with rustls: the client config, a verifier that keeps the server's
//! certificate so the report can say what it covers even when verification
//! fails, and the mapping of rustls errors onto `tls.*` codes.
//!
//! Verification is never switched off: the wrapper records the chain, then
//! asks webpki exactly as a normal client would and returns its verdict, so
//! a bad certificate still aborts the handshake before any credential is
//! sent. Roots: webpki-roots plus `--ca-file`.

use std::fmt::Write as _;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, Error as TlsError, RootCertStore,
    SignatureScheme,
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

/// What the verifier saw.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    pub chain: Vec<CertificateDer<'static>>,
    pub error: Option<TlsError>,
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
        .with_no_client_auth();
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

/// The diagnostic for a failed handshake: a certificate problem (with the
/// certificate's facts), an alert, or a protocol mismatch.
pub(crate) fn diagnose(
    error: &TlsError,
    cert: Option<&Certificate>,
    host: &str,
) -> Vec<Diagnostic> {
    let names = cert.map(|c| c.names.join(", ")).unwrap_or_default();
    let mut out = Vec::new();
    match error {
        TlsError::InvalidCertificate(e) => out.push(cert_problem(e, cert, host, &names)),
        TlsError::AlertReceived(alert) => {
            let alert_name = format!("{alert:?}");
            let mut d = Diagnostic::new(Code::TlsHandshakeFailed).message(format!(
                "The server aborted the TLS handshake with the alert `{alert_name}`."
            ));
            if alert_name == "ProtocolVersion" {
                d = d.help("Server and client share no TLS version. This client speaks TLS 1.2 and 1.3; the server probably only speaks TLS 1.0 or 1.1.");
                out.push(d);
                out.push(
                    Diagnostic::new(Code::TlsOldProtocol)
                        .message("The server seems to speak only TLS 1.0 or 1.1."),
                );
                return out;
            }
            if alert_name == "HandshakeFailure" || alert_name == "InsufficientSecurity" {
                d = d.help("The server accepts none of the protocol versions and ciphers a current client offers (TLS 1.2/1.3 with modern ciphers); its TLS setup is outdated or broken.");
            }
            out.push(d);
        }
        TlsError::PeerIncompatible(p) => {
            let text = format!("{p:?}");
            out.push(Diagnostic::new(Code::TlsHandshakeFailed).message(format!(
                "The TLS handshake failed: the server is incompatible ({text})."
            )));
            if text.contains("Tls12Or13") || text.contains("TlsVersion") {
                out.push(
                    Diagnostic::new(Code::TlsOldProtocol)
                        .message("The server only offers TLS 1.0 or 1.1."),
                );
            }
        }
        other => out.push(
            Diagnostic::new(Code::TlsHandshakeFailed)
                .message(format!("The TLS handshake failed: {other}.")),
        ),
    }
    out
}

fn cert_problem(
    e: &CertificateError,
    cert: Option<&Certificate>,
    host: &str,
    names: &str,
) -> Diagnostic {
    let dates = cert
        .map(|c| format!(" (valid from {} to {})", c.not_before, c.not_after))
        .unwrap_or_default();
    match e {
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => Diagnostic::new(Code::TlsCertExpired)
            .message(format!("The server's certificate has expired{dates}.")),
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            Diagnostic::new(Code::TlsCertNotYetValid).message(format!("The server's certificate is not valid yet{dates}."))
        }
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            let mut d = Diagnostic::new(Code::TlsCertNameMismatch)
                .message(format!("The certificate is for {}, not for {host}.", if names.is_empty() { "other names" } else { names }));
            let usable = cert.and_then(|c| c.names.iter().find(|n| !n.starts_with('*') && n.parse::<IpAddr>().is_err()));
            if let Some(name) = usable {
                d = d
                    .help(format!("Connect with a name the certificate covers, such as {name}."))
                    .fix(Fix::new(format!("Use {name}")).set(Field::Host, name.clone()));
            } else if !names.is_empty() {
                let mut help = String::from("Use a host name that the certificate covers: ");
                let _ = write!(help, "{names}.");
                d = d.help(help);
            }
            d
        }
        CertificateError::UnknownIssuer => {
            let self_signed = cert.is_some_and(|c| c.subject == c.issuer);
            Diagnostic::new(Code::TlsCertUntrusted).message(if self_signed {
                "The server's certificate is self-signed.".to_owned()
            } else {
                format!("The server's certificate is issued by an unknown authority ({}).", cert.map_or("unknown", |c| c.issuer.as_str()))
            })
            .help("Clients refuse it. The server needs a certificate from a public authority (e.g. Let's Encrypt); for an internal CA, give the probe its root with --ca-file.")
        }
        other => Diagnostic::new(Code::TlsCertUntrusted).message(format!("The server's certificate was refused: {}.", TlsError::InvalidCertificate(other.clone()))),
    }
    .severity(Severity::Error)
}
