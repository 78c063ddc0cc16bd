//! Every static rule (SPEC §3.1), one file per family.
//!
//! Each rule is a function `fn(&Context, &mut Vec<Diagnostic>)` whose doc
//! comment is its user documentation (what it checks, why, an example, the
//! fix). [`Context`] reads the config once — cleaned host, provider,
//! security mode, parsed sender — so rules stay small and agree on facts.

pub(crate) mod auth;
pub(crate) mod host;
pub(crate) mod port;
pub(crate) mod provider;
pub(crate) mod sender;
pub(crate) mod tls;
pub(crate) mod token;

use crate::config::{AuthMechanism, Config, Security};
use crate::diagnostic::Diagnostic;
use crate::mailbox::{Mailbox, MailboxError, parse_mailbox};
use crate::providers::{Provider, provider_by_host};

use host::HostFacts;

/// Facts every rule shares, read from the config once.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    pub(crate) config: &'a Config,
    pub(crate) host: Option<HostFacts>,
    pub(crate) port: Option<u16>,
    pub(crate) security: Option<Security>,
    pub(crate) auth: AuthMechanism,
    pub(crate) provider: Option<&'static Provider>,
    pub(crate) from: Option<Result<Mailbox, MailboxError>>,
    /// Unix seconds, when the caller gave the time (core has no clock).
    pub(crate) now: Option<u64>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(config: &'a Config, now: Option<u64>) -> Self {
        let host = config.host.as_deref().and_then(HostFacts::analyze);
        let provider = host
            .as_ref()
            .and_then(|h| h.name())
            .and_then(provider_by_host);
        Self {
            config,
            host,
            port: config.port_number(),
            security: config.security_mode(),
            auth: config.auth_mechanism(),
            provider,
            from: config.from_field().map(parse_mailbox),
            now,
        }
    }

    /// The sender, if it parsed.
    pub(crate) fn sender_mailbox(&self) -> Option<&Mailbox> {
        self.from.as_ref().and_then(|r| r.as_ref().ok())
    }

    /// The username as a mailbox, if it is an email address.
    pub(crate) fn username_mailbox(&self) -> Option<Mailbox> {
        self.config.username().and_then(|u| parse_mailbox(u).ok())
    }

    /// True when the login uses an OAuth2 access token.
    pub(crate) fn oauth(&self) -> bool {
        self.auth.is_oauth()
    }

    /// True when the customer intends to log in.
    pub(crate) fn wants_auth(&self) -> bool {
        self.auth != AuthMechanism::None
    }

    /// The mode a port speaks: the provider's documentation first, then
    /// the standard (465 implicit TLS; 587, 25, 2525 STARTTLS).
    pub(crate) fn expected_mode(&self, port: u16) -> Option<Security> {
        self.provider
            .and_then(|p| p.mode_on(port))
            .or_else(|| standard_mode(port))
    }
}

pub(crate) use crate::config::standard_mode;

/// Runs every rule in order.
pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    host::check(cx, out);
    port::check(cx, out);
    tls::check(cx, out);
    auth::check(cx, out);
    token::check(cx, out);
    sender::check(cx, out);
    provider::check(cx, out);
}
