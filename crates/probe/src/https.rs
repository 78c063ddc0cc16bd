//! Outbound HTTPS held to the probe's address policy: a small GET for
//! autoconfig files, and the connection webhooks are delivered over.
//! Every resolved address is checked, the connection goes to the address
//! that was checked (no second lookup to rebind), each redirect is checked
//! again, and responses are bounded in size and time. hyper speaks
//! HTTP/1.1; rustls verifies the certificate against the probe's roots.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use http_body_util::{BodyExt as _, Empty, Limited};
use hyper::body::Bytes;
use hyper::{StatusCode, Uri};
use hyper_util::rt::TokioIo;
use rustls::pki_types::ServerName;
use tokio::net::TcpStream;
use tokio::time::timeout;

use crate::engine::Engine;
use crate::engine::dns::DnsFailure;

/// Largest autoconfig file read; real ones are 2–5 KB.
pub const MAX_BODY: usize = 64 * 1024;
const MAX_REDIRECTS: usize = 3;

/// Why a fetch gave no file.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("{0} does not exist")]
    NoSuchHost(String),
    /// The probe's own resolver is down: nothing is known about the host.
    #[error("{0} could not be looked up: the test service's DNS resolver does not answer")]
    DnsUnavailable(String),
    /// Never says which address (SPEC §7.3: answers do not reveal what an
    /// internal name resolves to).
    #[error("{host} resolves to an internal address, which the probe may not reach")]
    Blocked { host: String, address: IpAddr },
    #[error("cannot connect to {0}")]
    Connect(String),
    #[error("no answer from {0} in time")]
    Timeout(String),
    #[error("TLS with {host} failed: {reason}")]
    Tls { host: String, reason: String },
    #[error("HTTP {0}")]
    Status(u16),
    #[error("the file is larger than {MAX_BODY} bytes")]
    TooLarge,
    #[error("bad redirect: {0}")]
    BadRedirect(String),
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    #[error("HTTP error: {0}")]
    Http(String),
}

/// GETs `https://host[:port]/path`, following up to three https redirects.
pub async fn get(engine: &Engine, url: &str, per_request: Duration) -> Result<Bytes, FetchError> {
    let mut uri: Uri = url
        .parse()
        .map_err(|e| FetchError::BadRedirect(format!("{url}: {e}")))?;
    for _ in 0..=MAX_REDIRECTS {
        match timeout(per_request, get_once(engine, &uri)).await {
            Err(_) => return Err(FetchError::Timeout(host_of(&uri))),
            Ok(Ok(Outcome::Body(b))) => return Ok(b),
            Ok(Ok(Outcome::Redirect(next))) => uri = resolve(&uri, &next)?,
            Ok(Err(e)) => return Err(e),
        }
    }
    Err(FetchError::TooManyRedirects)
}

/// Resolves, checks every address against the policy, connects to a
/// checked one and does the TLS handshake (certificate verified).
pub(crate) async fn connect(
    engine: &Engine,
    uri: &Uri,
) -> Result<tokio_rustls::client::TlsStream<TcpStream>, FetchError> {
    let host = host_of(uri);
    let port = uri.port_u16().unwrap_or(443);
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let addresses = match bare.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => engine.dns().addresses(bare).await.map_err(|e| match e {
            DnsFailure::Timeout => FetchError::Timeout(host.clone()),
            DnsFailure::Unavailable => FetchError::DnsUnavailable(host.clone()),
            _ => FetchError::NoSuchHost(host.clone()),
        })?,
    };
    // Every address must pass, as for SMTP targets (no mixed answers).
    for ip in &addresses {
        engine
            .options()
            .policy
            .check_address(*ip)
            .map_err(|_| FetchError::Blocked {
                host: host.clone(),
                address: *ip,
            })?;
    }
    let mut tcp = None;
    for ip in &addresses {
        if let Ok(Ok(s)) = timeout(
            engine.options().timeout,
            TcpStream::connect(SocketAddr::new(*ip, port)),
        )
        .await
        {
            tcp = Some(s);
            break;
        }
    }
    let tcp = tcp.ok_or_else(|| FetchError::Connect(format!("{host}:{port}")))?;
    let name = ServerName::try_from(bare.to_owned()).map_err(|e| FetchError::Tls {
        host: host.clone(),
        reason: e.to_string(),
    })?;
    let tls = engine
        .https_connector()
        .connect(name, tcp)
        .await
        .map_err(|e| FetchError::Tls {
            host: host.clone(),
            reason: e.to_string(),
        })?;
    Ok(tls)
}

enum Outcome {
    Body(Bytes),
    Redirect(String),
}

fn host_of(uri: &Uri) -> String {
    uri.host().unwrap_or_default().to_owned()
}

/// A Location against the current URL: absolute https, or a path.
fn resolve(base: &Uri, location: &str) -> Result<Uri, FetchError> {
    if location.starts_with('/') && !location.starts_with("//") {
        let authority = base
            .authority()
            .map(ToString::to_string)
            .unwrap_or_default();
        return format!("https://{authority}{location}")
            .parse()
            .map_err(|_| FetchError::BadRedirect(location.to_owned()));
    }
    let uri: Uri = location
        .parse()
        .map_err(|_| FetchError::BadRedirect(location.to_owned()))?;
    if uri.scheme_str() != Some("https") || uri.host().is_none() {
        return Err(FetchError::BadRedirect(format!(
            "{location} (only https redirects are followed)"
        )));
    }
    // Only the HTTPS port: a redirect must not aim the probe at other
    // services, even on public hosts.
    if uri.port_u16().is_some_and(|p| p != 443) {
        return Err(FetchError::BadRedirect(format!(
            "{location} (only port 443 is followed)"
        )));
    }
    Ok(uri)
}

async fn get_once(engine: &Engine, uri: &Uri) -> Result<Outcome, FetchError> {
    let tls = connect(engine, uri).await?;
    let host = host_of(uri);
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tls))
        .await
        .map_err(|e| FetchError::Http(e.to_string()))?;
    let driver = tokio::spawn(conn);
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    let request = hyper::Request::get(path)
        .header(
            hyper::header::HOST,
            uri.authority().map_or(host.as_str(), |a| a.as_str()),
        )
        .header(
            hyper::header::USER_AGENT,
            concat!("smtp-doctor/", env!("CARGO_PKG_VERSION")),
        )
        .header(hyper::header::ACCEPT, "application/xml, text/xml")
        .body(Empty::<Bytes>::new())
        .map_err(|e| FetchError::Http(e.to_string()))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| FetchError::Http(e.to_string()));
    let result = match response {
        Err(e) => Err(e),
        Ok(response) => {
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(hyper::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| FetchError::BadRedirect("no Location".into()))?;
                Ok(Outcome::Redirect(location.to_owned()))
            } else if status != StatusCode::OK {
                Err(FetchError::Status(status.as_u16()))
            } else {
                Limited::new(response.into_body(), MAX_BODY)
                    .collect()
                    .await
                    .map(|c| Outcome::Body(c.to_bytes()))
                    .map_err(|e| {
                        if e.is::<http_body_util::LengthLimitError>() {
                            FetchError::TooLarge
                        } else {
                            FetchError::Http(e.to_string())
                        }
                    })
            }
        }
    };
    driver.abort();
    result
}
