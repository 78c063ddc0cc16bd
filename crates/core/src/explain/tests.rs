//! Table tests of `explain` on texts as libraries and servers print them.
//! (What each library really prints against our test servers is recorded
//! and checked in `crates/probe/tests/explain_corpus.rs`.)

use super::*;
use crate::Param;

fn settings(json: &str) -> Config {
    Config::from_json(&serde_json::from_str::<crate::json::Json>(json).unwrap())
}

fn codes(e: &Explanation) -> Vec<&'static str> {
    e.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn case(d: &Diagnostic) -> Option<&str> {
    match d.params.get("case") {
        Some(Param::Text(t)) => Some(t.as_str()),
        _ => None,
    }
}

#[test]
fn replies_as_libraries_quote_them() {
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "Error: Invalid login: 535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1-20020a.1 - gsmtp\n    at SMTPConnection._formatError\n  code: 'EAUTH',\n  responseCode: 535,\n  command: 'AUTH PLAIN'",
            &["auth.failed"],
            "nodemailer",
        ),
        (
            "smtplib.SMTPAuthenticationError: (534, b'5.7.9 Application-specific password required. Learn more at\\n5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor')",
            &["auth.app-password-required"],
            "smtplib",
        ),
        (
            "javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
            &["auth.disabled-by-provider"],
            "javamail",
        ),
        (
            "smtplib.SMTPSenderRefused: (553, b'5.7.1 <ceo@other.example>: Sender address rejected: not owned by user me@example.com', 'ceo@other.example')",
            &["sender.rejected"],
            "smtplib",
        ),
        (
            "smtplib.SMTPRecipientsRefused: {'nobody@example.org': (550, b'5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in local recipient table')}",
            &["recipient.rejected"],
            "smtplib",
        ),
        (
            "SMTP Error: data not accepted. SMTP server error: DATA END command failed Detail: Message size exceeds fixed limit SMTP code: 552",
            &["send.too-large"],
            "phpmailer",
        ),
        (
            "535 5.7.8 Error: authentication failed: authentication failure",
            &["auth.failed"],
            "",
        ),
        (
            "S: 220 smtp.example.com ESMTP\nC: EHLO me\nS: 250 ok\nC: AUTH PLAIN AGFsaWNlAHNlY3JldC1wYXNzd29yZDEyMzQ=\nS: 530 5.7.0 Must issue a STARTTLS command first",
            &["auth.requires-tls"],
            "",
        ),
    ];
    for (text, want, library) in cases {
        let e = explain(text, None);
        assert_eq!(codes(&e), *want, "{text}");
        assert_eq!(e.recognised.library.unwrap_or_default(), *library, "{text}");
    }
}

#[test]
fn failures_without_a_reply() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Error: 140037434332096:error:1408F10B:SSL routines:ssl3_get_record:wrong version number",
            &["tls.expected-starttls"],
        ),
        (
            "Error: connect ECONNREFUSED 203.0.113.5:587",
            &["tcp.refused"],
        ),
        ("Error: connect ETIMEDOUT 203.0.113.5:587", &["tcp.timeout"]),
        (
            "Error: getaddrinfo ENOTFOUND smtp.gmial.com",
            &["dns.not-found"],
        ),
        (
            "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)",
            &["tls.cert-expired"],
        ),
        (
            "Error: Hostname/IP does not match certificate's altnames: Host: mail.example.com. is not in the cert's altnames: DNS:other.example",
            &["tls.cert-name-mismatch"],
        ),
        (
            "Error: self-signed certificate in certificate chain",
            &["tls.cert-untrusted"],
        ),
        (
            "x509: certificate signed by unknown authority",
            &["tls.cert-untrusted"],
        ),
        (
            "Error: Greeting never received\n  code: 'ETIMEDOUT'",
            &[
                "tls.expected-implicit",
                "smtp.no-greeting",
                "explain.several-causes",
            ],
        ),
        (
            "smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server.",
            &["auth.not-offered"],
        ),
        ("Error: something went wrong", &["explain.not-recognised"]),
    ];
    for (text, want) in cases {
        assert_eq!(codes(&explain(text, None)), *want, "{text}");
    }
}

#[test]
fn the_settings_used_bring_the_static_fix_first() {
    let config = settings(r#"{"host": "smtp.gmail.com", "port": 587, "security": "tls"}"#);
    let e = explain("Error: ssl3_get_record:wrong version number", Some(&config));
    let first = &e.diagnostics[0];
    assert_eq!(first.code.as_str(), "tls.port-mismatch", "{:?}", codes(&e));
    assert!(first.fix.is_some());
    let cause = e
        .diagnostics
        .iter()
        .find(|d| d.code == Code::TlsExpectedStarttls)
        .unwrap();
    assert_eq!(case(cause), Some("plain-answer"));
    assert_eq!(e.recognised.provider, Some("gmail"));
    // What the partial settings lack (a username, a From) is not listed.
    assert!(
        !codes(&e).iter().any(|c| c.ends_with("missing")),
        "{:?}",
        codes(&e)
    );
}

#[test]
fn bounces_name_the_recipient_side() {
    let refused = "Reporting-MTA: dns; relay.example.com\n\nFinal-Recipient: rfc822; nobody@example.org\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.example.org\nDiagnostic-Code: smtp; 550 5.1.1 <nobody@example.org>: Recipient address\n    rejected: User unknown in local recipient table\n";
    let e = explain(refused, None);
    assert_eq!(codes(&e), ["recipient.rejected"]);
    assert_eq!(e.recognised.kind, "bounce");
    assert!(
        e.recognised
            .reply
            .as_deref()
            .unwrap()
            .contains("User unknown")
    );
    let nowhere = "Final-Recipient: rfc822; someone@nowhere.invalid\nAction: failed\nStatus: 5.4.4\nDiagnostic-Code: X-Postfix; Host or domain name not found. Name service error\n    for name=nowhere.invalid type=A: Host not found\n";
    let e = explain(nowhere, None);
    assert_eq!(case(&e.diagnostics[0]), Some("no-domain"));
    assert_eq!(
        e.diagnostics[0].params.get("domain"),
        Some(&Param::Text("nowhere.invalid".into()))
    );
    let refused = "Final-Recipient: rfc822; someone@unreachable.test\nAction: failed\nStatus: 4.4.1\nDiagnostic-Code: X-Postfix; connect to 127.0.0.1[127.0.0.1]:40000: Connection\n    refused\n";
    let e = explain(refused, None);
    assert_eq!(codes(&e), ["recipient.rejected"]);
    assert_eq!(case(&e.diagnostics[0]), Some("unreachable"));
}

#[test]
fn secrets_are_not_echoed_and_size_is_bounded() {
    let config = settings(r#"{"host": "smtp.example.com", "password": "s3cret-Pässword"}"#);
    let text = "C: AUTH PLAIN AG1lQGV4YW1wbGUuY29tAHMzY3JldA==\nS: 535 5.7.8 Authentication failed for s3cret-Pässword";
    let e = explain(text, Some(&config));
    let json = serde_json::to_string(&e).unwrap();
    assert!(!json.contains("s3cret"), "{json}");
    assert!(!json.contains("AG1lQGV4"), "{json}");
    assert!(json.contains("auth.failed"));
    let huge = "x".repeat(MAX_TEXT + 10) + "\n535 5.7.8 Authentication failed";
    let e = explain(&huge, None);
    assert!(e.recognised.truncated);
    assert_eq!(codes(&e), ["explain.not-recognised"]);
    // A multi-byte character at the cut does not panic.
    let e = explain(&"é".repeat(MAX_TEXT), None);
    assert!(e.recognised.truncated);
}

/// The headers of a delivered message as each receiver writes them: the
/// receiver's `Authentication-Results` read as the arrival check's codes.
#[test]
fn headers_read_the_receivers_verdict() {
    // Gmail's "Show original" (the layout of its published examples): the
    // ARC copy above, the receiver's own field below the Received-SPF.
    let gmail = "Delivered-To: me@gmail.com\n\
ARC-Authentication-Results: i=1; mx.google.com;\n       dkim=fail header.i=@example.com header.s=s1 header.b=AbCdEf12;\n       spf=softfail (google.com: domain of transitioning news@example.com does not designate 203.0.113.9 as permitted sender) smtp.mailfrom=news@example.com;\n       dmarc=fail (p=REJECT sp=REJECT dis=REJECT) header.from=example.com\n\
Return-Path: <news@example.com>\n\
Received: from relay.example.net (relay.example.net. [203.0.113.9])\n        by mx.google.com with ESMTPS id a1si123.2026.12.07.07.12.01\n\
Received-SPF: softfail (google.com: domain of transitioning news@example.com does not designate 203.0.113.9 as permitted sender) client-ip=203.0.113.9;\n\
Authentication-Results: mx.google.com;\n       dkim=fail header.i=@example.com header.s=s1 header.b=AbCdEf12;\n       spf=softfail (google.com: domain of transitioning news@example.com does not designate 203.0.113.9 as permitted sender) smtp.mailfrom=news@example.com;\n       dmarc=fail (p=REJECT sp=REJECT dis=REJECT) header.from=example.com\n\
From: News <news@example.com>\nSubject: Invoice\n";
    let e = explain(gmail, None);
    assert_eq!(
        codes(&e),
        [
            "arrival.dkim-fail",
            "arrival.spf-fail",
            "arrival.dmarc-fail",
            "explain.several-causes"
        ]
    );
    assert_eq!(e.recognised.kind, "headers");
    assert_eq!(e.recognised.receiver.as_deref(), Some("mx.google.com"));
    let [dkim, spf, dmarc, _] = &e.diagnostics[..] else {
        unreachable!()
    };
    assert_eq!(dkim.params.get("selector"), Some(&Param::Text("s1".into())));
    assert_eq!(
        spf.params.get("address"),
        Some(&Param::Text("203.0.113.9".into()))
    );
    assert_eq!(
        dmarc.params.get("policy"),
        Some(&Param::Text("reject".into()))
    );
    assert_eq!(
        dmarc.params.get("at"),
        Some(&Param::Text("_dmarc.example.com".into()))
    );

    // Microsoft 365 (its anti-spam headers page): no authserv-id, the
    // policy as `action=oreject`, DKIM `none`.
    let microsoft = "Received: from mail.contoso.com (192.0.2.1) by\n AM0PR02MB1234.eurprd02.prod.outlook.com with Microsoft SMTP Server\n\
Authentication-Results: spf=fail (sender IP is 192.0.2.1)\n smtp.mailfrom=contoso.com; dkim=none (message not signed)\n header.d=none;dmarc=fail action=oreject header.from=contoso.com;compauth=fail reason=000\n\
From: billing@contoso.com\n";
    let e = explain(microsoft, None);
    assert_eq!(
        codes(&e),
        [
            "arrival.dkim-missing",
            "arrival.spf-fail",
            "arrival.dmarc-fail"
        ]
    );
    assert_eq!(
        e.recognised.receiver.as_deref(),
        Some("am0pr02mb1234.eurprd02.prod.outlook.com")
    );
    assert_eq!(
        e.diagnostics[2].params.get("policy"),
        Some(&Param::Text("reject".into()))
    );

    // Yahoo: all pass (a comment glued to the result, a trailing `;`).
    let yahoo = "Authentication-Results: atlas-production.v2.mail-gq1.yahoo.com;\n dkim=pass header.i=@example.com header.s=s1;\n spf=pass smtp.mailfrom=example.com;\n dmarc=pass(p=REJECT) header.from=example.com;\nFrom: me@example.com\n";
    let mut e = explain(yahoo, None);
    crate::i18n::localize_default(&mut e.diagnostics);
    assert_eq!(codes(&e), ["arrival.ok"]);
    assert_eq!(case(&e.diagnostics[0]), Some("headers"));
    assert!(e.diagnostics[0].message.contains("atlas-production"));
    assert!(!e.diagnostics[0].message.contains('{'));

    // The same verdict with the settings sent as another address: the
    // provider rewrote From, as Gmail does.
    let rewritten = yahoo.replace("From: me@example.com", "From: Me <me@gmail.com>");
    let config = settings(
        r#"{"host": "smtp.gmail.com", "port": 587, "security": "starttls", "from": "sales@example.com"}"#,
    );
    let e = explain(&rewritten, Some(&config));
    assert_eq!(codes(&e), ["arrival.from-rewritten"]);

    // No records at all: the domain codes, with the record to publish.
    let bare = "Authentication-Results: mx.example.org;\n spf=none smtp.mailfrom=shop.example;\n dkim=none;\n dmarc=none header.from=shop.example\n";
    let mut e = explain(bare, None);
    crate::i18n::localize_default(&mut e.diagnostics);
    assert_eq!(
        codes(&e),
        [
            "arrival.dkim-missing",
            "domain.spf-missing",
            "domain.dmarc-missing"
        ]
    );
    assert!(e.diagnostics[2].help.contains("v=DMARC1; p=none"));

    // RFC 8601's syntax: a version after the id, a quoted reason, a
    // comment after the properties; no selector, none in a signature.
    let rfc = "Authentication-Results: example.com 1;\n dkim=fail reason=\"signature verification failed\" header.d=example.net (old key)\n";
    let mut e = explain(rfc, None);
    crate::i18n::localize_default(&mut e.diagnostics);
    assert_eq!(codes(&e), ["arrival.dkim-fail"]);
    assert_eq!(case(&e.diagnostics[0]), Some("unnamed"));
    assert!(
        e.diagnostics[0]
            .message
            .contains("signature verification failed"),
        "{}",
        e.diagnostics[0].message
    );
}
