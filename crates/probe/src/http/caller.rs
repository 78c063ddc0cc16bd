//! Who is asking, read once per request: the key the rate limits count
//! (the token's subject, else the client's network — the peer, or behind a
//! trusted proxy its forwarded address) and the language of the answer's
//! texts (`Accept-Language`, SPEC §7.4). Handlers take a [`Caller`]
//! instead of each reading the peer, the headers and the token again.

use std::convert::Infallible;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{HeaderMap, header, request::Parts};

use super::token::Subject;
use super::{AppState, RateKey};

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
            key: state.rate_key(peer, &parts.headers, subject),
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
