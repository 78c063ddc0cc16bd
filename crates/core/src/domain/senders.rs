//! How known providers send mail for a customer's domain: the SPF include
//! that authorizes them, the DKIM selectors they sign with, and which
//! domain their envelope sender (Return-Path, what SPF checks) is in.
//!
//! Kept apart from `providers.rs` on purpose: only the probe's `domain`
//! check reads it, so the browser's wasm never carries it. Keyed by the
//! provider's `id` in [`PROVIDERS`](crate::providers::PROVIDERS); each
//! entry names the page it was read from, checked on [`CHECKED`].

use crate::providers::Provider;

/// When this table was last checked against the providers' pages.
pub const CHECKED: &str = "2026-12-02";

/// Where the provider's envelope sender lives: the domain a receiver's SPF
/// check looks at, and so whether SPF can align with the From domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Envelope {
    /// The From address itself (mailbox providers): the From domain's SPF
    /// must include the provider.
    FromAddress,
    /// The login's domain (Mailgun's sending domain, `mg.example.com`):
    /// that domain's SPF must include the provider, and it aligns with the
    /// From domain when both share an Organizational Domain.
    LoginDomain,
    /// The provider's own bounce domain, or one set up together with its
    /// DKIM records: DMARC passes through DKIM.
    Provider,
    /// The provider's bounce domain unless the customer set up a custom
    /// one (SES "custom MAIL FROM", Postmark "custom Return-Path"), which
    /// DNS of the From domain cannot show.
    Configurable,
}

/// One provider's sending facts.
#[derive(Clone, Copy, Debug)]
pub struct Sender {
    /// The provider's `id` in the provider table.
    pub provider: &'static str,
    pub envelope: Envelope,
    /// SPF includes that authorize the provider (any one will do); the
    /// first is the one to suggest.
    pub includes: &'static [&'static str],
    /// The DKIM selectors the provider signs the customer's domain with
    /// (empty: chosen per account, so DNS cannot tell).
    pub selectors: &'static [&'static str],
    /// The provider's page about these records.
    pub source: &'static str,
}

impl Sender {
    /// The include to add when none of [`includes`](Self::includes) is
    /// there.
    pub fn include(&self) -> Option<&'static str> {
        self.includes.first().copied()
    }
}

/// The sending facts of every provider that documents them.
pub static SENDERS: &[Sender] = &[
    Sender {
        provider: "gmail",
        envelope: Envelope::FromAddress,
        includes: &["_spf.google.com"],
        selectors: &["google"],
        source: "https://support.google.com/a/answer/33786",
    },
    Sender {
        provider: "google-relay",
        envelope: Envelope::FromAddress,
        includes: &["_spf.google.com"],
        selectors: &["google"],
        source: "https://support.google.com/a/answer/33786",
    },
    Sender {
        provider: "microsoft365",
        envelope: Envelope::FromAddress,
        includes: &["spf.protection.outlook.com", "spf.protection.office365.us"],
        selectors: &["selector1", "selector2"],
        source: "https://learn.microsoft.com/defender-office-365/email-authentication-spf-configure",
    },
    Sender {
        provider: "outlook",
        envelope: Envelope::FromAddress,
        includes: &["spf.protection.outlook.com"],
        selectors: &[],
        source: "https://learn.microsoft.com/defender-office-365/email-authentication-spf-configure",
    },
    Sender {
        provider: "yahoo",
        envelope: Envelope::FromAddress,
        includes: &["_spf.mail.yahoo.com"],
        selectors: &[],
        source: "https://help.yahoo.com/kb/SLN4724.html",
    },
    Sender {
        provider: "icloud",
        envelope: Envelope::FromAddress,
        includes: &["icloud.com"],
        selectors: &["sig1"],
        source: "https://support.apple.com/102525",
    },
    Sender {
        provider: "zoho",
        envelope: Envelope::FromAddress,
        includes: &[
            "zohomail.com",
            "zoho.com",
            "zohomail.eu",
            "zoho.eu",
            "zohomail.in",
            "zoho.in",
            "zoho.com.au",
            "zohomail.com.au",
        ],
        selectors: &[],
        source: "https://www.zoho.com/mail/help/adminconsole/spf-configuration.html",
    },
    Sender {
        provider: "fastmail",
        envelope: Envelope::FromAddress,
        includes: &["spf.messagingengine.com"],
        selectors: &["fm1", "fm2", "fm3"],
        source: "https://www.fastmail.help/hc/en-us/articles/360060591153",
    },
    Sender {
        provider: "ses",
        envelope: Envelope::Configurable,
        includes: &["amazonses.com"],
        selectors: &[],
        source: "https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dmarc.html",
    },
    Sender {
        provider: "sendgrid",
        envelope: Envelope::Provider,
        includes: &["sendgrid.net"],
        selectors: &["s1", "s2"],
        source: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/how-to-set-up-domain-authentication",
    },
    Sender {
        provider: "mailgun",
        envelope: Envelope::LoginDomain,
        includes: &["mailgun.org"],
        selectors: &[],
        source: "https://documentation.mailgun.com/docs/mailgun/user-manual/domains/domains-verify",
    },
    Sender {
        provider: "postmark",
        envelope: Envelope::Configurable,
        includes: &[],
        selectors: &[],
        source: "https://postmarkapp.com/support/article/1046-how-do-i-verify-a-domain",
    },
    Sender {
        provider: "brevo",
        envelope: Envelope::Provider,
        includes: &["spf.brevo.com", "spf.sendinblue.com"],
        selectors: &["brevo1", "brevo2", "mail"],
        source: "https://help.brevo.com/hc/en-us/articles/17286219877778",
    },
    Sender {
        provider: "mailjet",
        envelope: Envelope::Provider,
        includes: &["spf.mailjet.com"],
        selectors: &["mailjet"],
        source: "https://documentation.mailjet.com/hc/en-us/articles/360042412734",
    },
    Sender {
        provider: "resend",
        envelope: Envelope::Provider,
        includes: &[],
        selectors: &["resend"],
        source: "https://resend.com/docs/dashboard/domains/introduction",
    },
];

/// The sending facts of this provider, if it documents them.
pub fn sender_for(provider: &Provider) -> Option<&'static Sender> {
    SENDERS.iter().find(|s| s.provider == provider.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::PROVIDERS;

    #[test]
    fn every_entry_names_a_known_provider_once() {
        for (i, sender) in SENDERS.iter().enumerate() {
            assert!(
                PROVIDERS.iter().any(|p| p.id == sender.provider),
                "{} is not in the provider table",
                sender.provider
            );
            assert!(
                SENDERS[..i].iter().all(|s| s.provider != sender.provider),
                "{} twice",
                sender.provider
            );
            assert!(sender.source.starts_with("https://"));
        }
    }

    #[test]
    fn a_from_address_envelope_always_has_an_include_to_suggest() {
        for sender in SENDERS {
            if matches!(
                sender.envelope,
                Envelope::FromAddress | Envelope::LoginDomain
            ) {
                assert!(sender.include().is_some(), "{}", sender.provider);
            }
        }
    }
}
