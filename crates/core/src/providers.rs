//! What public documentation says about well-known mail providers.
//!
//! One entry per provider, each with the page it was read from and the day
//! it was last checked, so the table can be reviewed and kept current
//! (source of truth: `shared/PROVIDERS.md`). Rules consult it for
//! `provider.*`, `auth.app-password`, `auth.username-format`,
//! `auth.credential-type`, `auth.oauth-required` and
//! `host.incoming-server`; [`provider_for`] turns an address into
//! suggested settings. Facts marked uncertain upstream only ever warn.

use serde::Serialize;

use crate::config::Security;
use crate::hostname::is_within;

/// A port and the mode it speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Endpoint {
    pub port: u16,
    pub security: Security,
}

const fn tls(port: u16) -> Endpoint {
    Endpoint {
        port,
        security: Security::Tls,
    }
}
const fn starttls(port: u16) -> Endpoint {
    Endpoint {
        port,
        security: Security::Starttls,
    }
}

/// How a provider's SMTP host names look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostPattern {
    Exact(&'static str),
    /// `prefix` + one DNS label (a region) + `suffix`, e.g.
    /// `email-smtp.` + `eu-west-1` + `.amazonaws.com`.
    Region {
        prefix: &'static str,
        suffix: &'static str,
    },
    /// `prefix` + any ending (`smtppro.zoho.` + `eu`).
    Prefix(&'static str),
}

impl HostPattern {
    pub fn matches(self, host: &str) -> bool {
        match self {
            Self::Exact(h) => host == h,
            Self::Region { prefix, suffix } => host
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_suffix(suffix))
                .is_some_and(|region| !region.is_empty() && !region.contains('.')),
            Self::Prefix(p) => host.strip_prefix(p).is_some_and(|rest| !rest.is_empty()),
        }
    }
}

/// What the provider expects as SMTP username.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsernameRule {
    /// The full email address of the mailbox.
    FullAddress,
    /// This exact word (SendGrid's `apikey`, Resend's `resend`).
    Literal(&'static str),
    /// An address at the sending domain (Mailgun's `postmaster@mg.…`).
    DomainLogin,
    /// A generated identifier that is not an email address; `what` names
    /// it (catalog: `credential-<what>`).
    Generated {
        what: &'static str,
        prefix: Option<&'static str>,
    },
    /// Anything the account shows.
    Any,
}

/// The shape of the right secret, and of wrong ones people paste instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretRule {
    Any,
    /// An app password of 16 letters, shown in groups of four.
    AppPassword16,
    /// Starts with `prefix`; `what` names the credential (catalog:
    /// `credential-<what>`).
    /// `strict`: every valid secret has the prefix (else only a hint).
    Prefix {
        prefix: &'static str,
        what: &'static str,
        strict: bool,
    },
    /// SES SMTP password: 44 characters; a 40-character secret is the IAM
    /// secret access key.
    SesSmtpPassword,
    /// A UUID-shaped server token (Postmark).
    Uuid {
        what: &'static str,
    },
}

/// Whether a provider wants an app-specific password for SMTP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppPassword {
    NotUsed,
    /// The account password is refused; an app password is needed.
    Required {
        url: &'static str,
    },
    /// Needed only when two-factor authentication is on.
    WithTwoFactor {
        url: &'static str,
    },
}

impl AppPassword {
    pub fn url(self) -> Option<&'static str> {
        match self {
            Self::NotUsed => None,
            Self::Required { url } | Self::WithTwoFactor { url } => Some(url),
        }
    }
}

/// Where the provider stands on passwords.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OAuth {
    /// Passwords work.
    Optional,
    /// Password login is being retired on `date` (`YYYY-MM-DD`): warn,
    /// in words that change once the date has passed.
    /// (`note`: catalog `oauth-note-<note>`.)
    Retiring {
        note: &'static str,
        date: &'static str,
    },
    /// Passwords no longer work since `since`.
    Required { since: &'static str },
}

/// One provider's documented SMTP facts.
#[derive(Clone, Copy, Debug)]
pub struct Provider {
    pub id: &'static str,
    pub name: &'static str,
    pub hosts: &'static [HostPattern],
    /// The host to suggest (regional providers: the default region).
    pub default_host: &'static str,
    /// Documented ports, preferred first.
    pub endpoints: &'static [Endpoint],
    /// Mailbox domains the provider serves (`gmail.com`), for suggestions.
    pub email_domains: &'static [&'static str],
    /// MX host suffixes that reveal the provider (for discovery).
    pub mx_suffixes: &'static [&'static str],
    /// Incoming (IMAP/POP) hosts customers type by mistake.
    pub incoming_hosts: &'static [&'static str],
    pub username: UsernameRule,
    pub secret: SecretRule,
    /// Wrong secrets recognisable by prefix: (prefix, what it is).
    pub wrong_secrets: &'static [(&'static str, &'static str)],
    /// Whether SMTP needs an app-specific password, and where to make one.
    pub app_password: AppPassword,
    pub oauth: OAuth,
    /// Extra facts worth telling (one sentence each).
    pub source: &'static str,
    pub checked: &'static str,
}

impl Provider {
    /// The preferred endpoint.
    pub fn preferred(&self) -> Endpoint {
        self.endpoints[0]
    }

    /// The documented mode on `port`, if the provider listens there.
    pub fn mode_on(&self, port: u16) -> Option<Security> {
        self.endpoints
            .iter()
            .find(|e| e.port == port)
            .map(|e| e.security)
    }

    /// "465 with TLS/SSL, 587 with STARTTLS".
    pub fn endpoints_text(&self) -> String {
        self.endpoints
            .iter()
            .map(|e| format!("{} ({})", e.port, e.security.label()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The best documented endpoint other than `port`, preferring the
    /// same security mode.
    pub fn alternative_to(&self, port: u16, mode: Option<Security>) -> Endpoint {
        self.endpoints
            .iter()
            .filter(|e| e.port != port && e.port != 25)
            .find(|e| Some(e.security) == mode)
            .or_else(|| {
                self.endpoints
                    .iter()
                    .find(|e| e.port != port && e.port != 25)
            })
            .copied()
            .unwrap_or_else(|| self.preferred())
    }
}

const CHECKED: &str = "2026-11-01";

/// Every provider we know, one entry each.
pub static PROVIDERS: &[Provider] = &[
    Provider {
        id: "gmail",
        name: "Gmail / Google Workspace",
        hosts: &[
            HostPattern::Exact("smtp.gmail.com"),
            HostPattern::Exact("smtp.googlemail.com"),
        ],
        default_host: "smtp.gmail.com",
        endpoints: &[tls(465), starttls(587)],
        email_domains: &["gmail.com", "googlemail.com"],
        mx_suffixes: &["google.com", "googlemail.com"],
        incoming_hosts: &[
            "imap.gmail.com",
            "pop.gmail.com",
            "imap.googlemail.com",
            "pop.googlemail.com",
        ],
        username: UsernameRule::FullAddress,
        secret: SecretRule::AppPassword16,
        wrong_secrets: &[],
        app_password: AppPassword::Required {
            url: "https://myaccount.google.com/apppasswords",
        },
        oauth: OAuth::Optional,
        source: "https://support.google.com/mail/answer/7126229",
        checked: CHECKED,
    },
    Provider {
        id: "google-relay",
        name: "Google Workspace SMTP relay",
        hosts: &[HostPattern::Exact("smtp-relay.gmail.com")],
        default_host: "smtp-relay.gmail.com",
        endpoints: &[starttls(587), tls(465), starttls(25)],
        email_domains: &[],
        mx_suffixes: &[],
        incoming_hosts: &[],
        username: UsernameRule::FullAddress,
        secret: SecretRule::Any,
        wrong_secrets: &[],
        app_password: AppPassword::NotUsed,
        oauth: OAuth::Optional,
        source: "https://support.google.com/a/answer/2956491",
        checked: CHECKED,
    },
    Provider {
        id: "microsoft365",
        name: "Microsoft 365",
        hosts: &[HostPattern::Exact("smtp.office365.com")],
        default_host: "smtp.office365.com",
        endpoints: &[starttls(587)],
        email_domains: &[],
        mx_suffixes: &["mail.protection.outlook.com"],
        incoming_hosts: &["outlook.office365.com"],
        username: UsernameRule::FullAddress,
        secret: SecretRule::Any,
        wrong_secrets: &[],
        app_password: AppPassword::NotUsed,
        // Exchange Team blog, 2026-01-27: basic SMTP AUTH off by default
        // for existing tenants at the end of December 2026.
        oauth: OAuth::Retiring {
            note: "microsoft-365",
            date: "2026-12-31",
        },
        source: "https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365",
        checked: CHECKED,
    },
    Provider {
        id: "outlook",
        name: "Outlook.com / Hotmail / Live",
        hosts: &[
            HostPattern::Exact("smtp-mail.outlook.com"),
            HostPattern::Exact("smtp.live.com"),
        ],
        default_host: "smtp-mail.outlook.com",
        endpoints: &[starttls(587)],
        email_domains: &[
            "outlook.com",
            "hotmail.com",
            "live.com",
            "msn.com",
            "outlook.de",
            "hotmail.co.uk",
            "hotmail.fr",
        ],
        mx_suffixes: &["olc.protection.outlook.com"],
        incoming_hosts: &["imap-mail.outlook.com", "pop-mail.outlook.com"],
        username: UsernameRule::FullAddress,
        secret: SecretRule::Any,
        wrong_secrets: &[],
        app_password: AppPassword::NotUsed,
        oauth: OAuth::Required {
            since: "2024-09-16",
        },
        source: "https://support.microsoft.com/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040",
        checked: CHECKED,
    },
    Provider {
        id: "yahoo",
        name: "Yahoo Mail",
        hosts: &[HostPattern::Exact("smtp.mail.yahoo.com")],
        default_host: "smtp.mail.yahoo.com",
        endpoints: &[tls(465), starttls(587)],
        email_domains: &[
            "yahoo.com",
            "ymail.com",
            "rocketmail.com",
            "yahoo.co.uk",
            "yahoo.fr",
            "yahoo.de",
        ],
        mx_suffixes: &["yahoodns.net"],
        incoming_hosts: &["imap.mail.yahoo.com", "pop.mail.yahoo.com"],
        username: UsernameRule::FullAddress,
        secret: SecretRule::AppPassword16,
        wrong_secrets: &[],
        app_password: AppPassword::Required {
            url: "https://login.yahoo.com/account/security/app-passwords",
        },
        oauth: OAuth::Optional,
        source: "https://help.yahoo.com/kb/SLN4724.html",
        checked: CHECKED,
    },
    Provider {
        id: "icloud",
        name: "iCloud Mail",
        hosts: &[HostPattern::Exact("smtp.mail.me.com")],
        default_host: "smtp.mail.me.com",
        endpoints: &[starttls(587)],
        email_domains: &["icloud.com", "me.com", "mac.com"],
        mx_suffixes: &["mail.icloud.com"],
        incoming_hosts: &["imap.mail.me.com"],
        username: UsernameRule::FullAddress,
        secret: SecretRule::AppPassword16,
        wrong_secrets: &[],
        app_password: AppPassword::Required {
            url: "https://account.apple.com/account/manage",
        },
        oauth: OAuth::Optional,
        source: "https://support.apple.com/102525",
        checked: CHECKED,
    },
    Provider {
        id: "zoho",
        name: "Zoho Mail",
        hosts: &[
            HostPattern::Exact("smtp.zoho.com"),
            HostPattern::Exact("smtp.zoho.eu"),
            HostPattern::Exact("smtp.zoho.in"),
            HostPattern::Exact("smtp.zoho.com.au"),
            HostPattern::Exact("smtp.zoho.jp"),
            HostPattern::Exact("smtp.zohocloud.ca"),
            HostPattern::Prefix("smtppro.zoho."),
            HostPattern::Exact("smtppro.zohocloud.ca"),
        ],
        default_host: "smtp.zoho.com",
        endpoints: &[tls(465), starttls(587)],
        email_domains: &[
            "zoho.com",
            "zohomail.com",
            "zoho.eu",
            "zohomail.eu",
            "zoho.in",
            "zohomail.in",
        ],
        mx_suffixes: &[
            "zoho.com",
            "zoho.eu",
            "zoho.in",
            "zoho.com.au",
            "zoho.jp",
            "zohocloud.ca",
        ],
        incoming_hosts: &[
            "imap.zoho.com",
            "pop.zoho.com",
            "imap.zoho.eu",
            "imappro.zoho.com",
            "imappro.zoho.eu",
        ],
        username: UsernameRule::FullAddress,
        secret: SecretRule::Any,
        wrong_secrets: &[],
        app_password: AppPassword::WithTwoFactor {
            url: "https://accounts.zoho.com/home#security/app_password",
        },
        oauth: OAuth::Optional,
        source: "https://www.zoho.com/mail/help/zoho-smtp.html",
        checked: CHECKED,
    },
    Provider {
        id: "fastmail",
        name: "Fastmail",
        hosts: &[HostPattern::Exact("smtp.fastmail.com")],
        default_host: "smtp.fastmail.com",
        endpoints: &[tls(465), starttls(587)],
        email_domains: &["fastmail.com", "fastmail.fm"],
        mx_suffixes: &["messagingengine.com"],
        incoming_hosts: &["imap.fastmail.com"],
        username: UsernameRule::FullAddress,
        secret: SecretRule::Any,
        wrong_secrets: &[],
        app_password: AppPassword::Required {
            url: "https://app.fastmail.com/settings/security/apps",
        },
        oauth: OAuth::Optional,
        source: "https://www.fastmail.help/hc/en-us/articles/1500000278342",
        checked: CHECKED,
    },
    Provider {
        id: "ses",
        name: "Amazon SES",
        hosts: &[HostPattern::Region {
            prefix: "email-smtp.",
            suffix: ".amazonaws.com",
        }],
        default_host: "email-smtp.us-east-1.amazonaws.com",
        endpoints: &[
            starttls(587),
            tls(465),
            starttls(2587),
            tls(2465),
            starttls(25),
        ],
        email_domains: &[],
        mx_suffixes: &[],
        incoming_hosts: &[],
        username: UsernameRule::Generated {
            what: "ses-username",
            prefix: Some("AKIA"),
        },
        secret: SecretRule::SesSmtpPassword,
        wrong_secrets: &[],
        app_password: AppPassword::NotUsed,
        oauth: OAuth::Optional,
        source: "https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html",
        checked: CHECKED,
    },
    Provider {
        id: "sendgrid",
        name: "SendGrid",
        hosts: &[HostPattern::Exact("smtp.sendgrid.net")],
        default_host: "smtp.sendgrid.net",
        endpoints: &[starttls(587), tls(465), starttls(2525), starttls(25)],
        email_domains: &[],
        mx_suffixes: &[],
        incoming_hosts: &[],
        username: UsernameRule::Literal("apikey"),
        secret: SecretRule::Prefix {
            prefix: "SG.",
            what: "sendgrid-api-key",
            strict: true,
        },
        wrong_secrets: &[],
        app_password: AppPassword::NotUsed,
        oauth: OAuth::Optional,
        source: "https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api",
        checked: CHECKED,
    },
    Provider {
        id: "mailgun",
        name: "Mailgun",
        hosts: &[
            HostPattern::Exact("smtp.mailgun.org"),
            HostPattern::Exact("smtp.eu.mailgun.org"),
        ],
        default_host: "smtp.mailgun.org",
        endpoints: &[starttls(587), tls(465), starttls(2525), starttls(25)],
        email_domains: &[],
        mx_suffixes: &["mailgun.org"],
        incoming_hosts: &[],
        username: UsernameRule::DomainLogin,
        secret: SecretRule::Any,
        wrong_secrets: &[],
        app_password: AppPassword::NotUsed,
        oauth: OAuth::Optional,
        source: "https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/send-smtp",
        checked: CHECKED,
    },
    Provider {
        id: "postmark",
        name: "Postmark",
        hosts: &[
            HostPattern::Exact("smtp.postmarkapp.com"),
            HostPattern::Exact("smtp-broadcasts.postmarkapp.com"),
        ],
        default_host: "smtp.postmarkapp.com",
        endpoints: &[starttls(587), starttls(2525), starttls(25)],
        email_domains: &[],
        mx_suffixes: &[],
        incoming_hosts: &[],
        username: UsernameRule::Generated {
            what: "postmark-server-token",
            prefix: None,
        },
        secret: SecretRule::Uuid {
            what: "postmark-server-token",
        },
        wrong_secrets: &[],
        app_password: AppPassword::NotUsed,
        oauth: OAuth::Optional,
        source: "https://postmarkapp.com/developer/user-guide/send-email-with-smtp",
        checked: CHECKED,
    },
    Provider {
        id: "brevo",
        name: "Brevo (Sendinblue)",
        hosts: &[
            HostPattern::Exact("smtp-relay.brevo.com"),
            HostPattern::Exact("smtp-relay.sendinblue.com"),
        ],
        default_host: "smtp-relay.brevo.com",
        endpoints: &[starttls(587), tls(465), starttls(2525)],
        email_domains: &[],
        mx_suffixes: &[],
        incoming_hosts: &[],
        username: UsernameRule::Any,
        secret: SecretRule::Prefix {
            prefix: "xsmtpsib-",
            what: "brevo-smtp-key",
            strict: false,
        },
        wrong_secrets: &[("xkeysib-", "brevo-api-key")],
        app_password: AppPassword::NotUsed,
        oauth: OAuth::Optional,
        source: "https://help.brevo.com/hc/en-us/articles/7924908994450",
        checked: CHECKED,
    },
    Provider {
        id: "mailjet",
        name: "Mailjet",
        hosts: &[HostPattern::Exact("in-v3.mailjet.com")],
        default_host: "in-v3.mailjet.com",
        endpoints: &[starttls(587), starttls(25), tls(465)],
        email_domains: &[],
        mx_suffixes: &[],
        incoming_hosts: &[],
        username: UsernameRule::Generated {
            what: "mailjet-api-key",
            prefix: None,
        },
        secret: SecretRule::Any,
        wrong_secrets: &[],
        app_password: AppPassword::NotUsed,
        oauth: OAuth::Optional,
        source: "https://documentation.mailjet.com/hc/en-us/articles/360043229473",
        checked: CHECKED,
    },
    Provider {
        id: "resend",
        name: "Resend",
        hosts: &[HostPattern::Exact("smtp.resend.com")],
        default_host: "smtp.resend.com",
        endpoints: &[
            tls(465),
            starttls(587),
            tls(2465),
            starttls(2587),
            starttls(25),
        ],
        email_domains: &[],
        mx_suffixes: &[],
        incoming_hosts: &[],
        username: UsernameRule::Literal("resend"),
        secret: SecretRule::Prefix {
            prefix: "re_",
            what: "resend-api-key",
            strict: true,
        },
        wrong_secrets: &[],
        app_password: AppPassword::NotUsed,
        oauth: OAuth::Optional,
        source: "https://resend.com/docs/send-with-smtp",
        checked: CHECKED,
    },
];

/// The provider whose SMTP host this is.
/// What a provider-specific server reply means (the probe's reading of a
/// refused login).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyMeaning {
    /// SMTP AUTH is switched off for the account or tenant.
    AuthDisabled,
    /// The credentials were refused, with the provider's usual reason.
    BadCredentials,
}

/// A reply a provider's servers give, recognised by its enhanced status
/// code or its words, with the help that names the provider's fix.
#[derive(Clone, Copy, Debug)]
pub struct ReplyHint {
    /// The provider's `id` in [`PROVIDERS`].
    pub provider: &'static str,
    /// RFC 3463 status codes that identify the reply.
    pub statuses: &'static [&'static str],
    /// Lowercase words that identify it (any of them).
    pub words: &'static [&'static str],
    pub meaning: ReplyMeaning,
    /// The help's variant in the catalog (`$hint` of the diagnostic).
    pub help: &'static str,
}

/// Provider replies worth naming, checked on [`CHECKED`].
pub static REPLY_HINTS: &[ReplyHint] = &[
    // 5.7.139 names where SMTP AUTH is off (the most specific hint wins:
    // words before a bare status); 5.7.30 is basic authentication gone.
    ReplyHint {
        provider: "microsoft365",
        statuses: &[],
        words: &["smtpclientauthentication is disabled for the tenant"],
        meaning: ReplyMeaning::AuthDisabled,
        help: "m365-tenant",
    },
    ReplyHint {
        provider: "microsoft365",
        statuses: &[],
        words: &["smtpclientauthentication is disabled for the mailbox"],
        meaning: ReplyMeaning::AuthDisabled,
        help: "m365-mailbox",
    },
    ReplyHint {
        provider: "microsoft365",
        statuses: &["5.7.30"],
        words: &[
            "basic authentication is disabled",
            "basic authentication is not supported",
        ],
        meaning: ReplyMeaning::AuthDisabled,
        help: "m365-basic-off",
    },
    ReplyHint {
        provider: "microsoft365",
        statuses: &["5.7.139"],
        words: &["smtpclientauthentication is disabled"],
        meaning: ReplyMeaning::AuthDisabled,
        help: "m365-disabled",
    },
    ReplyHint {
        provider: "microsoft365",
        statuses: &["5.7.3"],
        words: &[],
        meaning: ReplyMeaning::BadCredentials,
        help: "m365-credentials",
    },
    ReplyHint {
        provider: "gmail",
        statuses: &[],
        words: &["badcredentials"],
        meaning: ReplyMeaning::BadCredentials,
        help: "gmail-credentials",
    },
];

/// The hint a refused login's reply matches (by enhanced `status` or by
/// words in `text`, lowercase), the configured `provider`'s own first: a
/// custom host in front of Microsoft 365 still says 5.7.139.
pub fn reply_hint(
    provider: Option<&Provider>,
    status: &str,
    text: &str,
) -> Option<&'static ReplyHint> {
    // The first matching hint in table order (the specific before the
    // general), the configured provider's own first.
    let matches =
        |h: &&ReplyHint| h.words.iter().any(|w| text.contains(w)) || h.statuses.contains(&status);
    let mine = |h: &&ReplyHint| provider.is_some_and(|p| p.id == h.provider);
    REPLY_HINTS
        .iter()
        .filter(matches)
        .find(mine)
        .or_else(|| REPLY_HINTS.iter().find(matches))
}

/// The provider's usual advice when its servers refuse credentials,
/// whatever the reply's words (Gmail: an app password).
pub fn credentials_hint(provider: Option<&Provider>) -> Option<&'static ReplyHint> {
    let id = provider?.id;
    REPLY_HINTS.iter().find(|h| {
        h.provider == id && h.meaning == ReplyMeaning::BadCredentials && h.statuses.is_empty()
    })
}

/// A hosting platform that blocks (or throttles) outgoing mail ports for
/// the applications it runs: why a connect from there times out.
#[derive(Clone, Copy, Debug)]
pub struct PortBlocker {
    pub name: &'static str,
    pub ports: &'static [u16],
    /// Throttled rather than blocked.
    pub throttled: bool,
    pub source: &'static str,
}

/// The platforms known to block mail ports, checked on [`CHECKED`].
pub static PORT_BLOCKERS: &[PortBlocker] = &[
    PortBlocker {
        name: "DigitalOcean",
        ports: &[25, 465, 587],
        throttled: false,
        source: "https://docs.digitalocean.com/support/why-is-smtp-blocked/",
    },
    PortBlocker {
        name: "Google Compute Engine",
        ports: &[25],
        throttled: false,
        source: "https://cloud.google.com/compute/docs/tutorials/sending-mail",
    },
    PortBlocker {
        name: "Microsoft Azure",
        ports: &[25],
        throttled: false,
        source: "https://learn.microsoft.com/azure/virtual-network/troubleshoot-outbound-smtp-connectivity",
    },
    PortBlocker {
        name: "Amazon EC2",
        ports: &[25],
        throttled: true,
        source: "https://repost.aws/knowledge-center/ec2-port-25-throttle",
    },
];

/// The platforms that block or throttle `port` (a list of names; the
/// catalog's sentence says "block" for both) and the unusual ports sending services offer
/// around it ("2525 (SendGrid, Mailgun)"), or `None` when no known
/// platform blocks it. Lists of names read the same in every language;
/// the sentence around them comes from the catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortBlocking {
    pub blockers: String,
    pub alternatives: String,
}

pub fn port_blocking_hosts(port: u16) -> Option<PortBlocking> {
    let blockers: Vec<&str> = PORT_BLOCKERS
        .iter()
        .filter(|b| b.ports.contains(&port))
        .map(|b| b.name)
        .collect();
    if blockers.is_empty() {
        return None;
    }
    let usual = [25, 465, 587];
    let mut alternatives: Vec<(u16, Vec<&str>)> = Vec::new();
    for p in PROVIDERS {
        for e in p.endpoints.iter().filter(|e| !usual.contains(&e.port)) {
            // Kept in port order as they come (a handful: no sort needed).
            match alternatives.iter().position(|(port, _)| *port >= e.port) {
                Some(i) if alternatives[i].0 == e.port => alternatives[i].1.push(p.name),
                Some(i) => alternatives.insert(i, (e.port, vec![p.name])),
                None => alternatives.push((e.port, vec![p.name])),
            }
        }
    }
    let alternatives = alternatives
        .iter()
        .map(|(port, names)| format!("{port} ({})", names.join(", ")))
        .collect::<Vec<_>>()
        .join(", ");
    Some(PortBlocking {
        blockers: blockers.join(", "),
        alternatives,
    })
}

pub fn provider_by_host(host: &str) -> Option<&'static Provider> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    PROVIDERS
        .iter()
        .find(|p| p.hosts.iter().any(|pat| pat.matches(&host)))
}

/// The provider of a mailbox domain (`gmail.com` → Gmail).
pub fn provider_by_email_domain(domain: &str) -> Option<&'static Provider> {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    PROVIDERS
        .iter()
        .find(|p| p.email_domains.contains(&domain.as_str()))
}

/// The provider that hosts a domain's mail, judged by one of its MX hosts.
pub fn provider_by_mx(mx_host: &str) -> Option<&'static Provider> {
    let mx = mx_host.trim_end_matches('.').to_ascii_lowercase();
    PROVIDERS
        .iter()
        .find(|p| p.mx_suffixes.iter().any(|s| is_within(&mx, s)))
}

/// The provider whose incoming (IMAP/POP) host this is.
pub fn provider_by_incoming_host(host: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().find(|p| p.incoming_hosts.contains(&host))
}

/// Settings suggested for an email address or a host (SPEC §4 "detect").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderSuggestion {
    pub provider: &'static str,
    pub name: &'static str,
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// The username to use, when it can be derived.
    pub username: Option<String>,
    pub endpoints: Vec<Endpoint>,
    pub app_password_url: Option<&'static str>,
    pub source: &'static str,
}

/// Suggested settings for an address (`me@gmail.com`) or a host
/// (`smtp.sendgrid.net`, `imap.gmail.com`), if the provider is known.
pub fn provider_for(host_or_email: &str) -> Option<ProviderSuggestion> {
    let text = host_or_email.trim();
    let (provider, address) = if let Ok(m) = crate::mailbox::parse_mailbox(text) {
        (provider_by_email_domain(&m.domain)?, Some(m.address()))
    } else {
        let host = crate::hostname::parse_host(text).ok()?;
        let name = host.name()?;
        (
            provider_by_host(name).or_else(|| provider_by_incoming_host(name))?,
            None,
        )
    };
    let host = if address.is_none() && provider_by_host(text).is_some() {
        text.to_ascii_lowercase()
    } else {
        provider.default_host.to_owned()
    };
    let username = match provider.username {
        UsernameRule::FullAddress => address,
        UsernameRule::Literal(word) => Some(word.to_owned()),
        _ => None,
    };
    let preferred = provider.preferred();
    Some(ProviderSuggestion {
        provider: provider.id,
        name: provider.name,
        host,
        port: preferred.port,
        security: preferred.security,
        username,
        endpoints: provider.endpoints.to_vec(),
        app_password_url: provider.app_password.url(),
        source: provider.source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_complete() {
        let mut ids = std::collections::HashSet::new();
        for p in PROVIDERS {
            assert!(ids.insert(p.id), "duplicate {}", p.id);
            assert!(!p.endpoints.is_empty(), "{}", p.id);
            assert!(p.source.starts_with("https://"), "{}", p.id);
            assert_eq!(p.checked.len(), 10, "{}", p.id);
            assert!(
                provider_by_host(p.default_host).is_some_and(|q| q.id == p.id),
                "{}",
                p.id
            );
        }
    }

    #[test]
    fn host_patterns() {
        let cases = [
            ("smtp.gmail.com", Some("gmail")),
            ("SMTP.GMAIL.COM.", Some("gmail")),
            ("email-smtp.eu-west-1.amazonaws.com", Some("ses")),
            ("email-smtp.amazonaws.com", None),
            ("email-smtp.a.b.amazonaws.com", None),
            ("smtp.zoho.eu", Some("zoho")),
            ("smtppro.zoho.in", Some("zoho")),
            ("smtp.eu.mailgun.org", Some("mailgun")),
            ("smtp.example.com", None),
        ];
        for (host, want) in cases {
            assert_eq!(provider_by_host(host).map(|p| p.id), want, "{host}");
        }
        assert_eq!(
            provider_by_mx("aspmx.l.google.com.").map(|p| p.id),
            Some("gmail")
        );
        assert_eq!(
            provider_by_mx("contoso-com.mail.protection.outlook.com").map(|p| p.id),
            Some("microsoft365")
        );
        assert_eq!(
            provider_by_mx("in1-smtp.messagingengine.com").map(|p| p.id),
            Some("fastmail")
        );
    }

    #[test]
    fn suggestions() {
        let gmail = provider_for("Me@Gmail.com").unwrap();
        assert_eq!(
            (gmail.host.as_str(), gmail.port, gmail.security),
            ("smtp.gmail.com", 465, Security::Tls)
        );
        assert_eq!(gmail.username.as_deref(), Some("Me@Gmail.com"));
        let sg = provider_for("smtp.sendgrid.net").unwrap();
        assert_eq!(sg.username.as_deref(), Some("apikey"));
        let from_imap = provider_for("imap.gmail.com").unwrap();
        assert_eq!(from_imap.host, "smtp.gmail.com");
        let ses = provider_for("email-smtp.eu-west-1.amazonaws.com").unwrap();
        assert_eq!(ses.host, "email-smtp.eu-west-1.amazonaws.com");
        assert!(provider_for("someone@example.com").is_none());
        assert!(provider_for("not a host").is_none());
    }
}
