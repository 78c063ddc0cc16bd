//! How client libraries print SMTP failures, and what each phrase means.
//! The phrases are taken from what the libraries print against real
//! servers (the corpus in `crates/probe/tests/explain_corpus.rs` records
//! them), not from memory; a phrase here must name one cause.

use crate::Code;

/// A client library, recognised by how it words its errors.
#[derive(Debug)]
pub struct Library {
    pub id: &'static str,
    pub name: &'static str,
    markers: &'static [&'static str],
}

/// The libraries `explain` recognises, in the order they are tried.
pub static LIBRARIES: &[Library] = &[
    Library {
        id: "nodemailer",
        name: "Nodemailer",
        markers: &[
            "nodemailer",
            "Invalid login:",
            "code: 'EAUTH'",
            "code: 'ESOCKET'",
            "code: 'ECONNECTION'",
            "code: 'EENVELOPE'",
            "code: 'EMESSAGE'",
            "code: 'ETIMEDOUT'",
            "code: 'EDNS'",
            "\"code\":\"EAUTH\"",
            "Greeting never received",
            "Missing credentials for",
        ],
    },
    Library {
        id: "smtplib",
        name: "Python smtplib",
        markers: &[
            "smtplib.",
            "SMTPAuthenticationError",
            "SMTPServerDisconnected",
            "SMTPSenderRefused",
            "SMTPRecipientsRefused",
            "SMTPDataError",
            "SMTPConnectError",
            "SMTPNotSupportedError",
            "ssl.SSLError",
            "ssl.SSLCertVerificationError",
        ],
    },
    Library {
        id: "phpmailer",
        name: "PHPMailer",
        markers: &[
            "PHPMailer",
            "SMTP Error:",
            "SMTP connect() failed",
            "Could not authenticate",
        ],
    },
    Library {
        id: "dotnet",
        name: ".NET (SmtpClient, MailKit)",
        markers: &[
            "System.Net.Mail",
            "SmtpException",
            "MailKit",
            "SmtpCommandException",
            "SslHandshakeException",
            "System.Security.Authentication",
        ],
    },
    Library {
        id: "javamail",
        name: "Jakarta Mail (JavaMail)",
        markers: &[
            "javax.mail",
            "jakarta.mail",
            "MessagingException",
            "AuthenticationFailedException",
            "SMTPSendFailedException",
            "MailConnectException",
        ],
    },
    Library {
        id: "go",
        name: "Go net/smtp",
        markers: &[
            "net/smtp",
            "dial tcp",
            "x509: ",
            "tls: first record does not look like a TLS handshake",
        ],
    },
    Library {
        id: "ruby",
        name: "Ruby Net::SMTP",
        markers: &[
            "Net::SMTP",
            "Net::OpenTimeout",
            "Net::ReadTimeout",
            "OpenSSL::SSL::SSLError",
            "Errno::ECONNREFUSED",
        ],
    },
];

/// The library whose wording `text` has, if any.
pub(crate) fn library(text: &str) -> Option<&'static Library> {
    LIBRARIES
        .iter()
        .find(|l| l.markers.iter().any(|m| text.contains(m)))
}

/// Which command a library says failed, from its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    Greeting,
    Starttls,
    Auth,
    MailFrom,
    RcptTo,
    Data,
}

/// Words that say which command a reply answered (libraries name it).
pub(crate) static STAGES: &[(Stage, &[&str])] = &[
    (
        Stage::Auth,
        &[
            "Invalid login",
            "EAUTH",
            "SMTPAuthenticationError",
            "AuthenticationException",
            "AuthenticationFailedException",
            "Could not authenticate",
            "authentication failed",
        ],
    ),
    (
        Stage::MailFrom,
        &["SMTPSenderRefused", "MAIL FROM", "Mail command failed"],
    ),
    (
        Stage::RcptTo,
        &[
            "SMTPRecipientsRefused",
            "RCPT TO",
            "Recipient command failed",
            "Invalid Addresses",
            "recipients failed",
        ],
    ),
    (
        Stage::Data,
        &[
            "SMTPDataError",
            "EMESSAGE",
            "Data command failed",
            "DATA END command failed",
            "data not accepted",
        ],
    ),
    (Stage::Starttls, &["STARTTLS"]),
    (
        Stage::Greeting,
        &["SMTPConnectError", "greeting", "Greeting"],
    ),
];

/// What a failure without a server reply means, by the phrases the
/// libraries and the operating system print for it.
pub(crate) struct Failure {
    pub(crate) code: Code,
    /// Any of these…
    pub(crate) phrases: &'static [&'static str],
    /// …together with any of these (empty: nothing more needed).
    pub(crate) with: &'static [&'static str],
    /// Other causes that fit the same words, less likely, in order.
    pub(crate) also: &'static [Code],
}

/// Most specific first: the first entry with a phrase in the text wins.
pub(crate) static FAILURES: &[Failure] = &[
    // TLS spoken to a port that answered in plain text (TLS/SSL chosen for
    // a STARTTLS port): OpenSSL, Go, Java, .NET, NSS.
    Failure {
        code: Code::TlsExpectedStarttls,
        phrases: &[
            "wrong version number",
            "WRONG_VERSION_NUMBER",
            "first record does not look like a TLS handshake",
            "packet length too long",
            "Unrecognized SSL message, plaintext connection",
            "unexpected packet format",
            "SSL_ERROR_RX_RECORD_TOO_LONG",
            "Unsupported or unrecognized SSL message",
            "http request",
        ],
        with: &[],
        also: &[],
    },
    Failure {
        code: Code::TlsCertExpired,
        phrases: &[
            "certificate has expired",
            "CERT_HAS_EXPIRED",
            "CertificateExpiredException",
            "NotTimeValid",
        ],
        with: &[],
        also: &[],
    },
    Failure {
        code: Code::TlsCertNameMismatch,
        phrases: &[
            "does not match certificate's altnames",
            "ERR_TLS_CERT_ALTNAME_INVALID",
            "Hostname mismatch",
            "hostname mismatch",
            "certificate is valid for",
            "certificate is not valid for any names",
            "No subject alternative",
            "doesn't match any of the subject alternative names",
            "RemoteCertificateNameMismatch",
            "Can't verify identity of server",
            "did not match expected name",
            "IP address mismatch",
        ],
        with: &[],
        also: &[],
    },
    Failure {
        code: Code::TlsCertUntrusted,
        phrases: &[
            "self-signed certificate",
            "self signed certificate",
            "unable to get local issuer certificate",
            "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
            "SELF_SIGNED_CERT_IN_CHAIN",
            "DEPTH_ZERO_SELF_SIGNED_CERT",
            "PKIX path building failed",
            "unable to find valid certification path",
            "certificate signed by unknown authority",
            "RemoteCertificateChainErrors",
            "UntrustedRoot",
        ],
        with: &[],
        also: &[],
    },
    // OpenSSL's bare "certificate verify failed" (PHP says no more): the
    // certificate was refused, for one of three reasons.
    Failure {
        code: Code::TlsCertUntrusted,
        phrases: &["certificate verify failed"],
        with: &[],
        also: &[Code::TlsCertExpired, Code::TlsCertNameMismatch],
    },
    Failure {
        code: Code::TlsOldProtocol,
        phrases: &[
            "unsupported protocol",
            "UNSUPPORTED_PROTOCOL",
            "tlsv1 alert protocol version",
            "no protocols available",
            "protocol version not supported",
            "server selected unsupported protocol version",
        ],
        with: &[],
        also: &[],
    },
    Failure {
        code: Code::TlsHandshakeFailed,
        phrases: &[
            "alert handshake failure",
            "handshake failure",
            "SSLHandshakeException",
            "handshake_failure",
        ],
        with: &[],
        also: &[],
    },
    Failure {
        code: Code::TlsStarttlsUnavailable,
        phrases: &[
            "STARTTLS extension not supported",
            "does not support STARTTLS",
            "doesn't support STARTTLS",
            "STARTTLS is required but not supported",
        ],
        with: &[],
        also: &[],
    },
    Failure {
        code: Code::AuthNotOffered,
        phrases: &[
            "SMTP AUTH extension not supported",
            "doesn't support AUTH",
            "does not support authentication",
            "No authentication mechanisms",
            "Authentication not supported",
        ],
        with: &[],
        also: &[],
    },
    // PHPMailer without SMTPDebug keeps the server's reply to itself.
    Failure {
        code: Code::AuthFailed,
        phrases: &["SMTP Error: Could not authenticate."],
        with: &[],
        also: &[Code::AuthAppPasswordRequired, Code::AuthDisabledByProvider],
    },
    Failure {
        code: Code::AuthPasswordMissing,
        phrases: &["Missing credentials for"],
        with: &[],
        also: &[],
    },
    // Connected, then silence: STARTTLS (or plain) chosen for a port that
    // expects TLS from the first byte is the usual reason; a tarpit the other.
    Failure {
        code: Code::TlsExpectedImplicit,
        phrases: &[
            "Greeting never received",
            "greeting never received",
            "Timed out waiting for the server greeting",
        ],
        with: &[],
        also: &[Code::SmtpNoGreeting],
    },
    // Connected, then no answer to read (Go, Ruby, Java word it so).
    Failure {
        code: Code::TlsExpectedImplicit,
        phrases: &["read tcp"],
        with: &["i/o timeout"],
        also: &[Code::SmtpNoGreeting],
    },
    // PHPMailer's SMTPDebug: connected, and the server said nothing.
    Failure {
        code: Code::TlsExpectedImplicit,
        phrases: &["Connection: opened"],
        with: &[
            "SERVER -> CLIENT:\n",
            "SERVER -> CLIENT: \n",
            "SERVER -> CLIENT:\r\n",
        ],
        also: &[Code::SmtpNoGreeting],
    },
    Failure {
        code: Code::TlsExpectedImplicit,
        phrases: &[
            "Net::ReadTimeout",
            "Read timed out",
            "Exception reading response",
        ],
        with: &[],
        also: &[Code::SmtpNoGreeting],
    },
    Failure {
        code: Code::TcpRefused,
        phrases: &[
            "ECONNREFUSED",
            "Connection refused",
            "connection refused",
            "Errno 111",
            "actively refused",
        ],
        with: &[],
        also: &[],
    },
    Failure {
        code: Code::TcpUnreachable,
        phrases: &[
            "EHOSTUNREACH",
            "ENETUNREACH",
            "No route to host",
            "no route to host",
            "Network is unreachable",
            "network is unreachable",
        ],
        with: &[],
        also: &[],
    },
    Failure {
        code: Code::DnsNotFound,
        phrases: &[
            "ENOTFOUND",
            "Name or service not known",
            "nodename nor servname provided",
            "no such host",
            "Errno -2",
            "UnknownHostException",
            "No such host is known",
        ],
        with: &[],
        also: &[],
    },
    Failure {
        code: Code::DnsFailed,
        phrases: &[
            "EAI_AGAIN",
            "Temporary failure in name resolution",
            "Errno -3",
        ],
        with: &[],
        also: &[],
    },
    // Silence at the TCP level: a firewall or an allowlist.
    Failure {
        code: Code::TcpTimeout,
        phrases: &[
            "ETIMEDOUT",
            "Connection timeout",
            "connect timed out",
            "Errno 110",
            "i/o timeout",
            "Net::OpenTimeout",
            "Operation timed out",
        ],
        with: &[],
        also: &[],
    },
    // "timed out" alone (Python's TimeoutError): connecting, or waiting
    // for a greeting that a TLS-first port never sends.
    Failure {
        code: Code::TcpTimeout,
        phrases: &["timed out"],
        with: &[],
        also: &[Code::TlsExpectedImplicit, Code::SmtpNoGreeting],
    },
    Failure {
        code: Code::SmtpClosed,
        phrases: &[
            "Connection unexpectedly closed",
            "SMTPServerDisconnected",
            "ECONNRESET",
            "Connection reset",
            "socket hang up",
            "Connection closed",
            "unexpected EOF",
        ],
        with: &[],
        also: &[],
    },
];

/// The failure `text` names, if any.
pub(crate) fn failure(text: &str) -> Option<&'static Failure> {
    FAILURES.iter().find(|f| {
        f.phrases.iter().any(|p| text.contains(p))
            && (f.with.is_empty() || f.with.iter().any(|w| text.contains(w)))
    })
}
