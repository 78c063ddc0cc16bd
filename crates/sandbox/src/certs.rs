//! The sandbox's certificates, made at start-up: a private CA (written out
//! so the probe can trust it with `--ca-file`), a valid leaf for
//! `localhost` / the listen address, an expired one and one for another
//! name. Nothing is read from or kept on disk except the CA the caller
//! asks for.

use std::net::IpAddr;
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, SanType};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::TlsAcceptor;

/// The name the wrong-name certificate covers instead of the sandbox's.
pub const OTHER_NAME: &str = "mail.other-provider.test";

/// The CA and a TLS acceptor per certificate kind.
pub(super) struct Certs {
    pub(super) ca_pem: String,
    pub(super) ca_der: CertificateDer<'static>,
    pub(super) valid: TlsAcceptor,
    pub(super) expired: TlsAcceptor,
    pub(super) wrong_name: TlsAcceptor,
}

impl Certs {
    pub(super) fn generate(ip: IpAddr, names: &[String]) -> Result<Self, rcgen::Error> {
        let ca_key = KeyPair::generate()?;
        let mut ca = CertificateParams::new(Vec::<String>::new())?;
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(DnType::CommonName, "smtp-doctor sandbox CA");
        let ca_cert = ca.self_signed(&ca_key)?;
        let issuer = Issuer::new(ca, ca_key);
        let now = time::OffsetDateTime::now_utc();
        let leaf = |names: &[&str], ips: &[IpAddr], valid: (time::Duration, time::Duration)| {
            let key = KeyPair::generate()?;
            let mut p =
                CertificateParams::new(names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>())?;
            p.subject_alt_names
                .extend(ips.iter().map(|ip| SanType::IpAddress(*ip)));
            if let Some(first) = names.first() {
                p.distinguished_name.push(DnType::CommonName, *first);
            }
            p.not_before = now + valid.0;
            p.not_after = now + valid.1;
            let cert = p.signed_by(&key, &issuer)?;
            let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
            Ok::<_, rcgen::Error>(
                tls_acceptor(vec![cert.der().clone()], key).expect(
                    "a freshly generated ECDSA key and certificate are a valid rustls config",
                ),
            )
        };
        let day = time::Duration::days(1);
        Ok(Self {
            ca_pem: ca_cert.pem(),
            ca_der: ca_cert.der().clone(),
            valid: leaf(
                &names.iter().map(String::as_str).collect::<Vec<_>>(),
                &[ip],
                (-day, day * 365),
            )?,
            expired: leaf(&["localhost"], &[ip], (-day * 400, -day * 30))?,
            wrong_name: leaf(&[OTHER_NAME], &[], (-day, day * 365))?,
        })
    }
}

/// A server-side TLS acceptor for `chain` and `key` (ring, rustls's safe
/// default versions): the sandbox's listeners and the probe's inbox.
pub fn tls_acceptor(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
) -> Result<TlsAcceptor, rustls::Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(chain, key)?;
    Ok(TlsAcceptor::from(Arc::new(config)))
}
