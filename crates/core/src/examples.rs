//! What each live code looks like in the wild: the server's words or the
//! situation that raises it, for `docs/codes.md` (the static codes'
//! examples are computed from the test fixtures instead). A test checks
//! that every live code has one.

/// `(code, example)` for every live code (SPEC §3.2, §7.1).
pub static LIVE_EXAMPLES: &[(&str, &str)] = &[
    ("dns.not-found", "`smtp.gmial.com`: NXDOMAIN"),
    (
        "dns.no-address",
        "`example.com` has MX records but no A/AAAA: it is a mail domain, not a server",
    ),
    (
        "dns.timeout",
        "the domain's name servers do not answer, while the resolver answers other questions",
    ),
    (
        "dns.failed",
        "the resolver answers `SERVFAIL` (broken DNSSEC, dead authoritative servers) or `REFUSED`",
    ),
    (
        "dns.address-changed",
        "`smtp.example.com` resolved to 192.0.2.10 yesterday and to 198.51.100.7 today",
    ),
    (
        "probe.dns-unavailable",
        "the test service's own resolver is down: no answer to any question",
    ),
    (
        "policy.blocked-address",
        "`mail.corp.internal` resolves to `10.1.2.3`",
    ),
    (
        "policy.blocked-port",
        "port 22 asked of a probe that allows 25, 465, 587 and 2525",
    ),
    (
        "policy.blocked-recipient",
        "a `send` check to `someone@else.example` from `me@example.com`",
    ),
    (
        "tcp.refused",
        "`connect: connection refused`: nothing listens on 587",
    ),
    (
        "tcp.timeout",
        "no SYN-ACK within the step's time: a firewall drops the traffic (allowlist)",
    ),
    (
        "tcp.unreachable",
        "`no route to host` / `network unreachable`",
    ),
    (
        "tcp.some-addresses-failed",
        "`[2001:db8::25]:587 (refused), 192.0.2.25:587 worked`",
    ),
    (
        "smtp.no-greeting",
        "the TCP connection opens, then silence: port 465 asked for STARTTLS, or a tarpit",
    ),
    (
        "smtp.greeting-rejected",
        "`554 5.7.1 Your IP is on a blocklist`",
    ),
    (
        "smtp.ehlo-rejected",
        "`500 5.5.2 Error: command not recognized` to EHLO, `250` to HELO",
    ),
    (
        "smtp.helo-rejected",
        "`450 4.7.1 <smtp-doctor.invalid>: Helo command rejected: Host not found` (Postfix `reject_unknown_helo_hostname`)",
    ),
    (
        "smtp.temporary-failure",
        "`451 4.7.1 Greylisted, please try again in 300 seconds` at RCPT TO",
    ),
    (
        "smtp.busy",
        "`421 4.7.0 Try again later, closing connection`",
    ),
    ("smtp.slow-greeting", "the `220` greeting arrives after 8 s"),
    (
        "smtp.timeout",
        "`MAIL FROM` sent, no reply within the step's time",
    ),
    (
        "smtp.closed",
        "the server closes the connection after `AUTH`",
    ),
    (
        "smtp.protocol-error",
        "a 40,000-byte reply line, or bytes after `220 Ready to start TLS`",
    ),
    (
        "smtp.not-smtp",
        "`* OK [CAPABILITY IMAP4rev1] Dovecot ready` on port 587",
    ),
    (
        "tls.expected-implicit",
        "port 465 stays silent for plain SMTP and answers a TLS handshake",
    ),
    (
        "tls.expected-starttls",
        "`220 smtp.example.com ESMTP` in reply to a TLS ClientHello (`wrong version number`)",
    ),
    ("tls.starttls-unavailable", "EHLO lists no `STARTTLS`"),
    (
        "tls.client-cert-required",
        "a CertificateRequest, then alert `certificate_required` when none is sent",
    ),
    (
        "tls.server-misconfigured",
        "alert `internal_error` on every handshake (OpenSMTPD 6.8 with OpenSSL 3), or `454 4.7.0 TLS not available due to local problem` (Postfix without its key)",
    ),
    (
        "tls.handshake-failed",
        "alert `handshake_failure`: no cipher in common",
    ),
    (
        "tls.old-protocol",
        "the server answers a TLS 1.1 ClientHello with TLS 1.1 and refuses TLS 1.2",
    ),
    ("tls.cert-expired", "certificate valid until 2025-09-30"),
    (
        "tls.cert-expiring",
        "a valid certificate whose `notAfter` is 5 days away",
    ),
    (
        "tls.cert-replaced",
        "a monitor saw a new certificate from another issuer since yesterday's check",
    ),
    (
        "tls.cert-not-yet-valid",
        "certificate valid from next week (a server clock or a pre-dated certificate)",
    ),
    (
        "tls.cert-name-mismatch",
        "certificate for `*.hosting.example`, host typed `mail.customer.example`",
    ),
    (
        "tls.cert-untrusted",
        "a self-signed certificate, or one from a private CA",
    ),
    (
        "auth.not-offered",
        "EHLO without `AUTH` on a plain connection (offered only after STARTTLS)",
    ),
    (
        "auth.mechanism-unsupported",
        "EHLO offers `AUTH XOAUTH2` only, and a password was given",
    ),
    (
        "auth.requires-tls",
        "`530 5.7.0 Must issue a STARTTLS command first`",
    ),
    (
        "auth.failed",
        "`535 5.7.8 Username and Password not accepted`",
    ),
    (
        "auth.app-password-required",
        "`534 5.7.9 Application-specific password required`",
    ),
    (
        "auth.disabled-by-provider",
        "`535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant`",
    ),
    (
        "auth.rate-limited",
        "`454 4.7.0 Too many login attempts, please try again later`",
    ),
    (
        "auth.token-rejected",
        "Gmail's `334 eyJzdGF0dXMiOiI0MDEiLC…` (`{\"status\":\"401\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}`), or `535 5.7.3 Authentication unsuccessful` after XOAUTH2",
    ),
    (
        "auth.mechanism-withdrawn",
        "yesterday `AUTH PLAIN LOGIN XOAUTH2`, today `AUTH XOAUTH2`: password logins switched off",
    ),
    (
        "sender.rejected",
        "`553 5.7.1 <boss@example.com>: Sender address rejected: not owned by user me@example.com`",
    ),
    (
        "sender.smtputf8-required",
        "From `jörg@example.de` to a server whose EHLO lacks `SMTPUTF8`",
    ),
    (
        "recipient.rejected",
        "`550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown`",
    ),
    (
        "send.rejected",
        "`554 5.7.1 Message rejected as spam` after DATA",
    ),
    (
        "send.sender-unverified",
        "`554 Message rejected: Email address is not verified` (Amazon SES)",
    ),
    (
        "send.too-large",
        "EHLO advertises `SIZE 100`; the test message is 400 bytes",
    ),
    ("send.ok", "`250 2.0.0 Ok: queued as 4ZxYq12abC`"),
    (
        "domain.spf-missing",
        "`example.com` has no `v=spf1` TXT record; the relay is `mail.example.net`",
    ),
    (
        "domain.spf-invalid",
        "`v=spf1 -all` and `v=spf1 include:_spf.google.com ~all` both at `example.com`",
    ),
    (
        "domain.spf-excludes-relay",
        "Microsoft 365 as relay; `example.com` has `v=spf1 include:_spf.google.com ~all`",
    ),
    (
        "domain.dmarc-missing",
        "no TXT record at `_dmarc.example.com` nor above it",
    ),
    (
        "domain.dmarc-unaligned",
        "SendGrid as relay, `_dmarc.example.com` says `p=reject`, no key at `s1._domainkey.example.com` or `s2._domainkey.example.com`",
    ),
    (
        "domain.dkim-missing",
        "Microsoft 365 as relay; nothing at `selector1._domainkey.example.com` or `selector2._domainkey.example.com`",
    ),
    (
        "domain.dkim-weak-key",
        "`s1._domainkey.example.com` publishes a 1024-bit RSA key",
    ),
    (
        "domain.lookup-failed",
        "the resolver answers `SERVFAIL` or nothing for `_dmarc.example.com`",
    ),
    (
        "arrival.ok",
        "delivered in 1.2 s; `dkim=pass d=example.com s=s1`, `spf=pass`, DMARC aligned",
    ),
    (
        "arrival.not-arrived",
        "the relay said `250 2.0.0 Ok: queued as 4ZxYq12abC`; nothing reached the inbox in 60 s",
    ),
    (
        "probe.inbox-busy",
        "the relay queued the message, but the test service's inbox was answering `421 4.7.0 Too many connections` meanwhile",
    ),
    (
        "arrival.from-rewritten",
        "sent as `sales@example.com` through Gmail; it arrived `From: me@gmail.com`",
    ),
    (
        "arrival.dkim-missing",
        "the message arrived without a `DKIM-Signature` header",
    ),
    (
        "arrival.dkim-fail",
        "`DKIM-Signature: … d=example.com; s=s1` whose body hash does not match",
    ),
    (
        "arrival.spf-fail",
        "delivered from `203.0.113.9`; `example.com` says `v=spf1 ip4:198.51.100.0/24 -all`",
    ),
    (
        "arrival.dmarc-fail",
        "`From: news@other.org`, no DKIM signature of other.org, envelope sender elsewhere; `_dmarc.other.org` says `p=quarantine`",
    ),
    (
        "domain.ok",
        "`v=spf1 include:_spf.google.com ~all` and `v=DMARC1; p=reject` with Google Workspace as relay",
    ),
    (
        "explain.not-recognised",
        "`Error: something went wrong` pasted: no reply, no failure any library names",
    ),
    (
        "explain.several-causes",
        "Nodemailer's `Greeting never received`: TLS expected from the first byte, or a tarpit",
    ),
];
