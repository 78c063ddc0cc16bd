//! Who is asking, read once per request: the key the rate limits count
//! (the token's subject, else the client's network — the peer, or behind a
//! trusted proxy its forwarded address) and the language of the answer's
//! texts (`Accept-Language`, SPEC §7.4). Handlers take a [`Caller`]
//! instead of each reading the peer, the headers and the token again.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{HeaderMap, header, request::Parts};

use super::limits::RateKey;
use super::token::Subject;
use super::{AppState, Settings};

/// The caller of one request.
pub(super) struct Caller {
    /// Whom the rate limits count.
    pub key: RateKey,
    /// The language of the answer's texts.
    pub locale: &'static str,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0);
        let subject = parts.extensions.get::<Subject>();
        Ok(Self {
            key: rate_key(state.settings(), peer, &parts.headers, subject),
            locale: locale(&parts.headers),
        })
    }
}

/// The best match of the request's `Accept-Language`, English when none
/// fits.
pub(super) fn locale(headers: &HeaderMap) -> &'static str {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(smtp_doctor_core::i18n::DEFAULT_LOCALE, |v| {
            smtp_doctor_core::i18n::negotiate(v)
        })
}

/// Whom the rate limits count for this request: the token's subject,
/// else the client's network.
fn rate_key(
    settings: &Settings,
    peer: Option<SocketAddr>,
    headers: &HeaderMap,
    subject: Option<&Subject>,
) -> RateKey {
    let net = settings.client_nets.of(client(settings, peer, headers));
    RateKey::new(net, subject)
}

/// The client's address (SPEC §7.3): the peer; behind a trusted proxy,
/// the rightmost `X-Forwarded-For` entry that is not a trusted proxy.
/// Never the leftmost: the client writes that one itself.
fn client(s: &Settings, peer: Option<SocketAddr>, headers: &HeaderMap) -> IpAddr {
    let peer = peer.map_or(IpAddr::from([0, 0, 0, 0]), |p| p.ip().to_canonical());
    if !s.trust_proxy && s.trusted_proxies.is_empty() {
        return peer;
    }
    let trusted = |ip: IpAddr| {
        if s.trusted_proxies.is_empty() {
            ip == peer
        } else {
            s.trusted_proxies.iter().any(|net| net.contains(&ip))
        }
    };
    if !trusted(peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Some(ip) = forwarded_ip(hop) else {
            // Garbage where a proxy should have written an address:
            // the last hop we can vouch for is the client.
            return client;
        };
        // Without a list, only the entry the peer appended counts.
        if s.trusted_proxies.is_empty() || !trusted(ip) {
            return ip;
        }
        client = ip;
    }
    client
}

/// An `X-Forwarded-For` entry: an address, optionally with a port
/// (`203.0.113.7:4711`, `[2001:db8::1]:4711`).
fn forwarded_ip(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}
