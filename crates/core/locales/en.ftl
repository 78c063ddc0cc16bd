# smtp-doctor's messages, English (the source catalog).
#
# One Fluent message per diagnostic code (the code with "-" for "."), its
# .help attribute, fix titles (fix-*), labels and the browser elements'
# texts (ui-*). Variants of one finding select on $case; a client that
# renders a diagnostic itself passes its `params` as the arguments.
# Every other locale has exactly these ids and uses the same parameters
# (crates/core/tests/catalogs.rs checks it).
#
# Style: the customer's words. Short, plain, no jargon in the message;
# technical names (STARTTLS, EHLO) only where the customer must choose them.

## Diagnostics (SPEC §3)

config-invalid = The settings are not a JSON object.
    .help = Send the settings as one object with host, port, security, username, password and from.

host-missing = No SMTP server is given.
    .help = Enter the outgoing (SMTP) server name from your provider, e.g. smtp.example.com.

host-invalid = { $case ->
        [reason] “{ $host }” is not a valid server name: { $reason ->
            [empty] the name is empty
            [too-long] the name is longer than 253 characters
            [empty-part] the name has an empty part (two dots in a row, or a leading dot)
            [part-too-long] the part “{ $detail }” is longer than 63 characters
            [bad-character] “{ $detail }” is not allowed in a server name
            [underscore] the part “{ $detail }” contains “_”, which server names cannot have
            [hyphen] the part “{ $detail }” starts or ends with a hyphen
            [legacy-ip] it is an IP address in an unusual notation; it means { $detail }
            [numeric-end] the last part is a number, so it is neither a name nor an IP address
            [bad-ipv6] it is not a valid IPv6 address
           *[idna] it is not a valid international domain name
        }.
       *[other] The SMTP server is not a valid server name or IP address.
    }
    .help = { $reason ->
        [legacy-ip] Write IPv4 addresses as four numbers separated by dots; better still, use the server's name.
       *[other] A server name is made of letters, digits and hyphens separated by dots, like smtp.example.com.
    }

host-has-scheme = { $case ->
        [web] The SMTP server starts with “{ $scheme }://”.
        [scheme] The SMTP server starts with “{ $scheme }://”.
       *[other] The SMTP server contains a URL scheme.
    }
    .help = { $case ->
        [web] This is a web address. Sending needs only the mail server's name, usually smtp.<your domain>; check your provider's SMTP settings page.
       *[other] Enter only the server name; the port and security have their own fields.
    }

host-has-port = { $case ->
        [port] The SMTP server ends with the port “:{ $port }”.
       *[other] The SMTP server contains a port number.
    }
    .help = Put only the name in the server field and the port in the Port field.

host-has-whitespace = { $case ->
        [outer] The SMTP server starts or ends with a space.
       *[other] The SMTP server contains spaces.
    }
    .help = { $case ->
        [outer] The space is ignored here, but other software may not ignore it. Remove it.
       *[other] Server names never contain spaces. Remove them; a copied name often brings a stray space along.
    }

host-is-email = { $case ->
        [provider] { $address } is an email address, not a server name.
        [address] { $address } is an email address, not a server name.
       *[other] An email address was entered as the SMTP server.
    }
    .help = { $case ->
        [provider] Addresses at { $domain } send through { $provider }'s server { $host }. Your address belongs in Username and From.
        [address] Enter your provider's outgoing server (often smtp.{ $domain } or mail.{ $domain }); your address belongs in Username and From.
       *[other] The server is a name such as smtp.example.com; your address belongs in Username or From.
    }

host-incoming-server = { $case ->
        [provider] { $host } is { $provider }'s server for receiving mail (IMAP/POP).
        [guess] { $host } looks like a server for receiving mail (IMAP/POP).
       *[other] This looks like a server for receiving mail (IMAP/POP).
    }
    .help = { $case ->
        [provider] To send mail, use { $smtp-host } on port { $endpoints }.
        [guess] Sending needs the outgoing (SMTP) server, often { $smtp-host }. Check your provider's settings.
       *[other] Sending mail needs the outgoing (SMTP) server, which usually starts with smtp.
    }

host-ip-literal = { $case ->
        [ip] The SMTP server is the IP address { $ip }.
       *[other] The SMTP server is an IP address.
    }
    .help = Certificates are issued for names, so checking the server's certificate usually fails against an IP address; prefer the server's name.

host-private = { $case ->
        [range] { $host } is { $range ->
            [unspecified] an unspecified address
            [loopback] a loopback address
            [private] a private-network address
            [link-local] a link-local address
            [cgnat] a carrier-grade NAT address
            [multicast] a multicast address
            [broadcast] the broadcast address
            [documentation] a documentation address
            [benchmarking] a benchmarking address
            [local-name] a local network name
           *[reserved] a reserved address
        }, not reachable from the internet.
       *[other] The SMTP server is a private or local address.
    }
    .help = Our test service cannot reach it either. Use the server's public name, unless the sending service runs on the same network.

port-missing = No port is given.
    .help = Use 587 with STARTTLS or 465 with TLS/SSL, as your provider documents.

port-invalid = { $case ->
        [raw] “{ $raw }” is not a port number between 1 and 65535.
       *[other] The port is not a number between 1 and 65535.
    }
    .help = SMTP ports are whole numbers: usually 587 (STARTTLS) or 465 (TLS/SSL).

port-incoming = { $case ->
        [port] Port { $port } is the { $protocol } port, used for receiving mail.
       *[other] This port is for receiving mail (IMAP/POP), not for sending.
    }
    .help = Sending uses SMTP: 587 with STARTTLS or 465 with TLS/SSL.

port-unusual = { $case ->
        [port] Port { $port } is not a usual SMTP port.
       *[other] This is not a usual SMTP port.
    }
    .help = Sending normally uses 587 (STARTTLS), 465 (TLS/SSL), 2525 or 25. Check the port your provider documents.

port-25-blocked = Port 25 is often blocked for sending.
    .help = { $case ->
        [platforms] Some hosting platforms block outgoing port 25 ({ $blockers }): if your application runs there, use a sending service's other port: { $alternatives }. Port { $port } with { $security } is meant for sending from applications.
       *[other] Many clouds and internet providers block outgoing port 25. Prefer 587 with STARTTLS or 465 with TLS/SSL.
    }

tls-port-mismatch = { $case ->
        [port] { $expected ->
            [tls] Port { $port } expects TLS/SSL, but { $security } is selected.
           *[other] Port { $port } expects STARTTLS, but { $security } is selected.
        }
       *[other] The security setting does not match the port.
    }
    .help = { $case ->
        [port] { $expected ->
            [tls] Servers on port { $port } encrypt from the first byte, so a plain connection waits for a greeting that never comes. Choose TLS/SSL, or use port 587 with STARTTLS.
           *[other] Servers on port { $port } greet in plain text and then switch to encryption with STARTTLS; connecting with TLS at once fails with errors like “wrong version number”. Choose STARTTLS, or use port 465 with TLS/SSL.
        }
       *[other] Port 465 uses TLS/SSL (encrypted from the start); ports 587, 25 and 2525 use STARTTLS.
    }

tls-conflicting-modes = { $case ->
        [settings] “{ $setting }” says { $security } but “{ $other-setting }” says { $other-security }.
       *[other] Two security settings disagree.
    }
    .help = Choose one: TLS/SSL, STARTTLS or none.

tls-missing = No security mode is chosen.
    .help = Choose TLS/SSL for port 465 or STARTTLS for port 587.

tls-invalid-mode = { $case ->
        [raw] “{ $raw }” is not a security setting.
       *[other] The security setting is not one of TLS/SSL, STARTTLS or none.
    }
    .help = Choose TLS/SSL, STARTTLS or none.

tls-none = { $case ->
        [starttls-offered] The server offers STARTTLS, but no encryption is chosen.
       *[other] The connection is not encrypted.
    }
    .help = Without encryption, mail and login travel in clear text. Use STARTTLS or TLS/SSL.

auth-cleartext = The password would be sent without encryption.
    .help = Credentials over an unencrypted connection can be read on the way, and most servers refuse them. Turn on STARTTLS or TLS/SSL.

auth-username-missing = A username is needed.
    .help = { $case ->
        [provider] { $provider } needs a login: { $username-kind ->
            [full-address] your full email address
            [literal] the word “{ $word }”
            [domain-login] the SMTP login of your sending domain, e.g. postmaster@mg.example.com
            [ses-username] the SMTP username SES generated (it starts with AKIA)
            [postmark-server-token] the Server API token
            [mailjet-api-key] the Mailjet API key
           *[any] the SMTP login shown in your account
        }.
       *[other] Enter the login of your mail account, usually your full email address.
    }

auth-password-missing = { $case ->
        [xoauth2] An OAuth2 access token is needed.
       *[other] A password is needed.
    }
    .help = { $case ->
        [xoauth2] With XOAUTH2 the password field carries the OAuth2 access token.
       *[other] Enter the password (or app password) for this login.
    }

auth-password-whitespace = The password starts or ends with a space.
    .help = Copying a password often brings a stray space or line break along; remove it unless it is really part of the password.

auth-mechanism-unknown = { $case ->
        [raw] “{ $raw }” is not a login method this tool knows.
       *[other] The login method is not one of auto, plain, login, cram-md5, xoauth2 or none.
    }
    .help = Leave it on auto unless your provider says otherwise.

auth-app-password = { $case ->
        [provider] { $provider } needs an app password, not your account password.
       *[other] This provider needs an app password.
    }
    .help = { $case ->
        [provider] Create one at { $url } (two-step verification must be on) and paste it as the password.
       *[other] Create an app password in your account's security settings and use it instead of your normal password.
    }

auth-username-format = { $case ->
        [full-address] { $provider } expects your full email address as username, not “{ $username }”.
        [literal] { $provider } expects the username “{ $word }”, literally.
        [domain-login] { $provider } expects the SMTP login of your sending domain, like postmaster@mg.example.com.
        [not-an-address] { $provider } does not use an email address as SMTP username.
        [prefix] { $provider } SMTP usernames start with { $prefix }.
        [unsendable] The username cannot be sent: { $error }.
       *[other] This provider expects a different kind of username.
    }
    .help = { $case ->
        [literal] With { $provider } the username is always “{ $word }”; your key goes in the password field.
        [not-an-address] Use { $credential ->
            [ses-username] the SMTP username SES generated (it starts with AKIA)
            [postmark-server-token] the Server API token
            [mailjet-api-key] the Mailjet API key
           *[other] the username your provider documents
        }.
        [prefix] Use { $credential ->
            [ses-username] the SMTP username SES generated (it starts with AKIA)
            [postmark-server-token] the Server API token
            [mailjet-api-key] the Mailjet API key
           *[other] the username your provider documents
        }.
       *[other] Use the username your provider documents for SMTP.
    }

auth-credential-type = { $case ->
        [wrong] This is { $wrong-credential ->
            [brevo-api-key] a Brevo API key (xkeysib-…)
           *[other] another kind of key
        }, not the SMTP credential.
        [prefix] { $provider } SMTP needs { $credential ->
            [sendgrid-api-key] a SendGrid API key (SG.…) with Mail Send permission
            [brevo-smtp-key] a Brevo SMTP key (xsmtpsib-…)
            [resend-api-key] a Resend API key (re_…)
           *[other] its SMTP credential
        }; this secret does not start with { $prefix }.
        [aws-secret-key] This looks like an AWS secret access key (40 characters), not an SES SMTP password (44).
        [ses-length] SES SMTP passwords are 44 characters long; this one is not.
        [app-password] This does not look like a { $provider } app password (16 letters).
        [uuid] { $provider } SMTP uses the Server API token as password; this secret does not have its shape.
       *[other] The secret looks like the wrong kind of credential.
    }
    .help = { $case ->
        [wrong] { $provider } SMTP needs { $credential ->
            [sendgrid-api-key] a SendGrid API key (SG.…) with Mail Send permission
            [brevo-smtp-key] a Brevo SMTP key (xsmtpsib-…)
            [resend-api-key] a Resend API key (re_…)
           *[other] the SMTP credential
        }.
        [aws-secret-key] Create SMTP credentials in the SES console (SMTP settings), or derive the SMTP password from the key for this region.
        [ses-length] Use the SMTP password shown when the SES SMTP credentials were created.
        [app-password] The account password is refused for SMTP; create an app password and paste it here (spaces between the groups of four are fine).
       *[other] Use the SMTP credential your provider issues for SMTP, not an API key or account password.
    }

auth-oauth-required = { $case ->
        [required] { $provider } no longer accepts passwords for SMTP (since { $since }).
        [retiring] { $provider } turns password login for SMTP off by default on { $date }.
        [retired] { $provider } has turned password login for SMTP off by default since { $date }.
       *[other] This provider no longer accepts passwords for SMTP.
    }
    .help = { $case ->
        [required] Passwords and app passwords are refused. Sign in with OAuth2 instead.
        [retiring] { $oauth-note ->
            [microsoft-365] Until then basic SMTP AUTH works where it is enabled for the mailbox; from then on, existing tenants have it off unless an administrator turns it back on.
           *[other] {""}
        } Sign in with Microsoft (OAuth2) now, so nothing changes on that day.
        [retired] { $oauth-note ->
            [microsoft-365] A password login works only where an administrator turned SMTP AUTH back on for the tenant and the mailbox, and Microsoft will remove it for good.
           *[other] {""}
        } Sign in with Microsoft (OAuth2) instead.
       *[other] Sign in with OAuth2 instead of a password.
    }

## OAuth2 access tokens (read, not verified: the server checks them)

auth-token-missing = { $case ->
        [provider] Sign in with { $provider }, or give an access token.
       *[other] OAuth2 needs an access token.
    }
    .help = With OAuth2 the server checks a short-lived access token instead of a password. Use the sign-in button, or have your app's backend put a fresh access token in the access token field.

auth-token-kind = { $kind ->
        [id-token] This is an ID token, not an access token.
        [refresh-token] This is a refresh token, not an access token.
        [authorization-code] This is an authorization code, not an access token.
        [client-secret] This is the app's client secret, not an access token.
       *[other] This is not an access token.
    }
    .help = { $kind ->
        [id-token] An ID token tells your app who signed in; the mail server takes only the access token of the same sign-in (access_token in the token response).
        [refresh-token] A refresh token stays in your app's backend, which trades it for a short-lived access token: give the test that access token.
        [authorization-code] The code of the sign-in redirect must first be redeemed at the token endpoint; the access token comes back from that exchange.
        [client-secret] The client secret identifies your app to the provider and belongs in your backend; the mail server needs the access token of a signed-in account.
       *[other] Give the access token of a signed-in account.
    } Recognised by its shape only: the server has the last word.

auth-token-expired = The access token expired { $minutes } minutes ago.
    .help = Access tokens live about an hour. Sign in again, or let your backend refresh it with its refresh token, and test with the new one.

auth-token-expiring = The access token expires in { $seconds } seconds, before the test can finish.
    .help = Get a fresh access token (your backend refreshes it with its refresh token) and test again.

auth-token-audience = { $case ->
        [graph] This access token is for Microsoft Graph, not for SMTP.
        [google-for-microsoft] This is a Google access token; { $provider } needs a Microsoft one.
        [microsoft-for-google] This is a Microsoft access token; { $provider } needs a Google one.
       *[other] This access token is for { $audience }, not for SMTP.
    }
    .help = { $case ->
        [graph] A Graph token works for the Graph API, but SMTP answers 535 5.7.3 Authentication unsuccessful. Request the scope https://outlook.office.com/SMTP.Send (with offline_access) when signing in.
        [google-for-microsoft] Sign in with Microsoft and request https://outlook.office.com/SMTP.Send.
        [microsoft-for-google] Sign in with Google and request the scope https://mail.google.com/.
       *[other] For Microsoft 365 and Outlook.com, request https://outlook.office.com/SMTP.Send when signing in.
    } The token's claims are read here, not verified: the server checks its signature.

auth-token-scope = The access token may not send mail over SMTP: it lacks the SMTP.Send permission.
    .help = Its permissions: { $scopes }. Add the delegated permission SMTP.Send (Office 365 Exchange Online) to the app registration and request https://outlook.office.com/SMTP.Send when signing in; an app sending without a user needs SMTP.SendAsApp.

auth-token-user = The access token was issued to { $token-user }, but the username is { $username }.
    .help = The login sends the username with the token, and the server refuses a mismatch. Use the account that signed in, or sign in as { $username }.

auth-token-tenant = { $case ->
        [personal] This token is for a personal Microsoft account; Microsoft 365 needs a work or school account.
       *[work] This token is for a work or school account; Outlook.com needs a personal Microsoft account.
    }
    .help = { $case ->
        [personal] Sign in with the organisation's account, or use smtp-mail.outlook.com for an Outlook.com or Hotmail address.
       *[work] Use smtp.office365.com for a Microsoft 365 mailbox.
    }

auth-token-rejected = { $case ->
        [invalid] The server refused the access token: it is invalid or expired.
        [m365] Microsoft 365 refused the access token.
        [scope] The server refused the access token: it lacks the scope { $scope }.
       *[other] The server refused the access token.
    }
    .help = { $case ->
        [invalid] Get a fresh access token (sign in again, or refresh it in your backend) and test again.
        [m365] Usually one of three: the token is not for SMTP (request https://outlook.office.com/SMTP.Send, not a Microsoft Graph scope); SMTP AUTH is off for the mailbox (Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false); or, for an app sending without a user, its service principal has no right to the mailbox (Add-MailboxPermission).
        [scope] Sign in again and request { $scope }.
       *[other] Sign in again; if it keeps failing, the account may not be allowed to use SMTP.
    }

auth-mechanism-withdrawn = The server no longer offers { $withdrawn } (it now offers: { $offered }).
    .help = If PLAIN and LOGIN are gone, password logins were switched off: the administrator of the mail account must enable SMTP AUTH again, or the connection must move to OAuth (Microsoft 365: Set-CASMailbox -SmtpClientAuthenticationDisabled $false).

from-missing = { $case ->
        [sender-check] The sender check needs a valid From address.
       *[other] No sender address is given.
    }
    .help = Enter the address your mail is sent from, e.g. you@example.com.

from-invalid = { $case ->
        [reason] The sender is not a valid address: { $reason ->
            [empty] it is empty
            [no-at] it has no @
            [empty-local] nothing comes before the @
            [empty-domain] nothing comes after the @
            [local-too-long] the part before the @ is longer than 64 characters
            [bad-local] “{ $detail }” is not allowed before the @ unless quoted
            [dots] the part before the @ starts or ends with a dot, or has two dots in a row
            [bad-domain] the domain is not valid
            [domain-without-dot] the domain has no dot
            [unclosed-angle] the < has no matching >
            [trailing-text] “{ $detail }” follows the address
            [unquoted-comma] the name contains a comma, which must be inside double quotes
            [unclosed-quote] a double quote is not closed
            [several] it holds more than one address
           *[control] the name contains the control character “{ $detail }”
        }.
       *[other] The sender is not a valid email address.
    }
    .help = Use an address like you@example.com, optionally with a name: Your Name <you@example.com>.

from-domain-mismatch = { $case ->
        [domains] The sender is at { $from-domain }, but the login is at { $login-domain }.
       *[other] The sender's domain differs from the login's.
    }
    .help = Many servers refuse to send as another address unless it is an alias of the account. Send from the login's address or add this one as an alias.

provider-port-unsupported = { $case ->
        [provider] { $provider } does not accept mail on port { $port }.
       *[other] This provider does not accept mail on this port.
    }
    .help = { $case ->
        [provider] { $provider } listens on { $endpoints }.
       *[other] Use one of the ports the provider documents.
    }

provider-known = { $case ->
        [provider] This is { $provider }.
       *[other] This is a known provider.
    }
    .help = { $case ->
        [provider] Documented settings: { $endpoints }.{ $provider-notes ->
            [gmail] {" "}Google rejects the normal account password: use an app password (needs 2-Step Verification) or OAuth2. On 587 Google offers login only after STARTTLS.
            [google-relay] {" "}The relay accepts either an IP allowlist set by the Workspace admin or SMTP AUTH, as configured in the Admin console.
            [microsoft365] {" "}Microsoft 365 listens on 587 with STARTTLS only; there is no 465.
            [icloud] {" "}iCloud app-specific passwords need two-factor authentication on the Apple Account.
            [zoho] {" "}Zoho accepts the account password, or an app password when two-factor authentication is on. Zoho only sends from the account's own address or its aliases. Organisation accounts use smtppro.zoho.*; use your data centre's domain (zoho.eu, zoho.in, …).
            [fastmail] {" "}Fastmail recommends 465 with TLS/SSL; 587 with STARTTLS works but is discouraged.
            [ses] {" "}SES SMTP credentials are per region: use the host of the region where they were created. The sender identity must be verified in the same region; sandbox accounts only send to verified recipients.
            [sendgrid] {" "}SendGrid needs a verified sender identity.
            [mailgun] {" "}Use the domain's SMTP password, not the account password. US (smtp.mailgun.org) and EU (smtp.eu.mailgun.org) accounts are separate.
            [postmark] {" "}Postmark has no port 465: a connection there hangs.
            [brevo] {" "}The username is the SMTP login shown in the account's SMTP & API settings.
            [mailjet] {" "}The password is the API secret key; the sender address or domain must be validated in Mailjet.
           *[other] {""}
        } Source: { $source } (checked { $checked }).
       *[other] Its documented settings are shown here.
    }

dns-not-found = { $case ->
        [host] { $host } does not exist in DNS.
       *[other] The server name does not exist.
    }
    .help = Check the spelling of the SMTP server; the name is not in DNS.

dns-no-address = { $case ->
        [host] { $host } exists but has no IP address.
       *[other] The server name exists but has no IP address.
    }
    .help = The name has no A or AAAA record. It may be a mail domain (MX) rather than a server name; use the SMTP server your provider documents.

dns-timeout = { $case ->
        [host] The DNS lookup of { $host } timed out, though the resolver answers other questions: { $host }'s name servers do not answer.
        [deadline] The test's time limit of { $seconds } s ran out while looking up the server.
       *[other] The DNS lookup did not answer in time.
    }
    .help = The resolver did not answer. Try again; if it persists, the domain's name servers are unreachable.

dns-failed = { $case ->
        [rcode] The DNS lookup of { $host } failed: the resolver answered { $rcode }.
        [error] The DNS lookup of { $host } failed: { $error }.
       *[other] The DNS lookup failed.
    }
    .help = The resolver answered with an error (SERVFAIL or REFUSED): the domain's name servers are broken or refuse to answer. Its DNS administrator must fix them; try again later.

dns-address-changed = { $host } now resolves to { $after } (before: { $before }).
    .help = Usually the provider moved the server; nothing to do if mail still goes out. If you allow the server's addresses in a firewall, update the list.

probe-dns-unavailable = { $case ->
        [host] The test service could not look up { $host }: its own DNS resolver does not answer. Your settings were not tested.
       *[other] The test service cannot reach its DNS resolver.
    }
    .help = This is a problem of the test service, not of your settings: nothing needs to change on your side. Try again in a few minutes.

policy-blocked-address = { $case ->
        [address] { $address } is an internal address, which our test service does not contact.
        [name] { $host } leads to an internal address, which our test service does not contact.
       *[other] The server's name leads to an internal address, which our test service does not contact.
    }
    .help = For safety the test service connects only to public addresses. Use the server's public name.

policy-blocked-port = { $case ->
        [port] Our test service does not connect to port { $port }.
        [host-port] Our test service does not connect to port { $port } of this server.
       *[other] The test service does not connect to this port.
    }
    .help = { $case ->
        [port] It tests only these ports: { $allowed }. Use your provider's SMTP port.
        [host-port] It tests only these ports: { $allowed }. Use your provider's SMTP port.
       *[other] It tests only the usual mail ports (25, 465, 587, 2525). Use the port your provider documents.
    }

policy-blocked-recipient = { $case ->
        [invalid] The recipient cannot be used: { $error }.
        [other-recipient] The test sends only to your own From address ({ $from }), not to { $recipient }.
       *[other] The test sends only to your own From address.
    }
    .help = The sender and send checks use the From address as the recipient, so the test can never deliver mail to strangers. Leave the recipient empty, or ask the operator to allow its domain.

tcp-refused = { $case ->
        [addresses] { $addresses } refused the connection on port { $port }.
       *[other] The server refused the connection.
    }
    .help = Nothing listens on this port, or a firewall rejects it. Check the port.

tcp-timeout = { $case ->
        [addresses] No answer from { $addresses }: the connection timed out.
        [deadline] The test's time limit of { $seconds } s ran out while connecting.
       *[other] The connection timed out.
    }
    .help = Nothing answered at all: a firewall drops the traffic, or the server only accepts allowlisted IP addresses.{ $allowlist ->
        [yes] {" "}This test connects from { $egress }; ask the server's administrator to allow these addresses.
       *[no] {""}
    }{ $blocked ->
        [yes] {" "}Some hosting platforms block outgoing port { $port } ({ $blockers }): if your application runs there, use a sending service's other port: { $alternatives }.
       *[no] {""}
    }

tcp-unreachable = { $case ->
        [addresses] { $addresses } is unreachable from our test service.
        [mixed] Cannot connect ({ $failures }).
       *[other] The server's network is unreachable.
    }
    .help = There is no route to this address from our test service.

tcp-some-addresses-failed = { $case ->
        [addresses] { $failed } failed; { $connected } worked, and the test went on with it.
        [no-ipv6-route] { $failed } failed; { $connected } worked, and the test went on with it.
       *[other] Some of the server's addresses did not answer.
    }
    .help = { $case ->
        [no-ipv6-route] The IPv6 addresses are unreachable from our test service (it has no IPv6 route), while IPv4 works: this says nothing about the server. Clients without IPv6 fall back to IPv4 as the test did.
       *[other] The server name has several addresses and not all of them work. Clients that pick a dead one fail or wait; the server's administrator should fix or remove those DNS records.
    }

smtp-no-greeting = { $case ->
        [seconds] Connected, but no greeting came within { $seconds } s.
        [no-tls-either] Connected, but no greeting came within { $seconds } s, and the port does not answer TLS either.
        [after-tls] The connection was encrypted, but no SMTP greeting came.
       *[other] The server accepted the connection but sent no greeting.
    }
    .help = { $case ->
        [no-tls-either] The security setting is not the cause: neither plain SMTP nor TLS got an answer. The server is overloaded, delays clients it distrusts (a tarpit), or something in between holds the connection open. Try again later; if it persists, ask the server's administrator whether our test service's address is allowed.
       *[other] An SMTP server greets at once with 220. Silence usually means the port expects encryption from the first byte: choose TLS/SSL.
    }

smtp-greeting-rejected = { $case ->
        [reply] The server refused this connection in its greeting ({ $reply-code }).
       *[other] The server refused this client in its greeting.
    }
    .help = The server rejects connections from our address (an allowlist or blocklist). Ask its administrator to allow the test service's addresses.

smtp-ehlo-rejected = { $case ->
        [helo-works] The server refused our greeting (EHLO, { $reply-code }) but accepted the older HELO: it offers no extensions, so no encryption upgrade, no login and no size limit are known.
        [both] The server refused our greeting (EHLO, { $reply-code }) and the older HELO: it will not start a mail session with our test service.
       *[other] The server refused our greeting (EHLO).
    }
    .help = { $case ->
        [both] A server that refuses both greetings refuses this client: ask its administrator whether the test service's address is allowed.
       *[other] Without it a server offers no encryption upgrade and no login. The server is very old or misconfigured; ask its administrator.
    }

smtp-helo-rejected = { $case ->
        [name] The server refused the name this test service introduced itself with ({ $name }), not your settings ({ $reply-code }).
       *[other] The server refused the name this test service introduced itself with.
    }
    .help = { $case ->
        [name] Servers that check the EHLO name want a real host name that resolves to the client's address. The operator of this test service must start it with --helo set to its public host name (now { $name }). Your settings may well be right: your application introduces itself with its own name.
       *[other] The server checks the EHLO/HELO name. This is the test service's setting, not yours: its operator sets a real, resolvable host name with --helo.
    }

smtp-temporary-failure = { $case ->
        [greylisted] The server deferred { $command ->
            [mail-from] the sender (MAIL FROM)
           *[rcpt-to] the recipient (RCPT TO)
        } ({ $reply-code }), which looks like greylisting: a temporary refusal, not a rejection.
        [deferred] The server deferred { $command ->
            [mail-from] the sender (MAIL FROM)
           *[rcpt-to] the recipient (RCPT TO)
        } ({ $reply-code }): a temporary refusal, not a rejection.
       *[other] The server refused for now (4xx).
    }
    .help = A temporary refusal (greylisting, a full queue, a local problem) is not a settings error: mail clients retry and usually succeed later. Try the test again in a few minutes.

smtp-busy = { $case ->
        [greeting] The server is busy and closed the connection at once (421).
       *[other] The server is busy or closing the connection (421).
    }
    .help = Try again later; if it persists, the server may be limiting connections from this address.

smtp-slow-greeting = { $case ->
        [seconds] The server greeted only after { $seconds } s.
       *[other] The server took several seconds to greet.
    }
    .help = A slow greeting suggests a tarpit, an overloaded server or filtering; some clients give up before it arrives.

smtp-timeout = { $case ->
        [deadline] The test's time limit of { $seconds } s ran out before the server finished answering.
       *[other] The server stopped answering.
    }
    .help = The server accepted a command but sent no reply in time. It may be overloaded, or a firewall in between drops the connection.

smtp-closed = { $case ->
        [io] The connection failed: { $error }.
        [while-sending] The connection failed while sending: { $error }.
       *[other] The server closed the connection.
    }
    .help = The server hung up in the middle of the session; its reply before that, if any, says why.

smtp-protocol-error = { $case ->
        [too-long] The server's reply exceeded our test's limits (line length, line count or size).
        [cram-md5] The server's CRAM-MD5 challenge was not valid base64.
        [line-break] Our test refused to send a command holding a line break.
        [starttls-injection] The server sent data after its STARTTLS reply; the test stopped (a possible injection attack).
       *[other] The server's reply broke the SMTP protocol.
    }
    .help = The reply was too long, had too many lines or was not an SMTP reply; the test stopped reading to protect itself.

smtp-not-smtp = { $case ->
        [greeting] The server greeted with { $reply-code } instead of 220.
        [peer] This port answers like { $peer ->
            [http] a web server (HTTP)
            [imap] an IMAP server (receiving mail)
            [pop3] a POP3 server (receiving mail)
            [ssh] an SSH server
           *[other] something that is not an SMTP server
        }, not like an SMTP server.
       *[other] The server does not speak SMTP on this port.
    }
    .help = Something else (web, IMAP, …) answers here. Check the server and the port.

tls-expected-implicit = { $case ->
        [verified] Port { $port } stayed silent for a plain connection but answered an encrypted one: it expects TLS from the first byte.
        [cert-problem] Port { $port } stayed silent for a plain connection but answered an encrypted one: it expects TLS from the first byte.
       *[other] This port expects encryption (TLS) from the first byte.
    }
    .help = { $case ->
        [verified] Choose TLS/SSL; verified: an encrypted connection to port { $port } works.
        [cert-problem] Choose TLS/SSL. An encrypted connection to port { $port } works, but its certificate has a problem the next check will show.
       *[other] Choose TLS/SSL for this port.
    }

tls-expected-starttls = { $case ->
        [plain-answer] Port { $port } answered in plain text instead of TLS.
        [verified] Port { $port } answered in plain text instead of TLS.
        [starttls-failed-too] Port { $port } answered in plain text instead of TLS.
       *[other] This port speaks plain SMTP first and then switches to encryption with STARTTLS.
    }
    .help = { $case ->
        [verified] This port speaks plain SMTP and then encrypts with STARTTLS; verified: STARTTLS on port { $port } works.
        [starttls-failed-too] This port speaks plain SMTP first, but switching to encryption with STARTTLS did not work either; try port 465 with TLS/SSL or ask your provider.
       *[other] Choose STARTTLS for this port.
    }

tls-starttls-unavailable = { $case ->
        [refused] The server offered STARTTLS but refused it ({ $reply-code }).
        [port] The server on port { $port } does not offer STARTTLS.
       *[other] The server does not offer STARTTLS.
    }
    .help = The server cannot encrypt this connection. Try port 465 with TLS/SSL.

tls-client-cert-required = { $case ->
        [alert] The server asked for a client certificate and ended the session with the alert “{ $alert }” when none came.
        [closed] The server asked for a client certificate and closed the session when none came ({ $error }).
        [handshake] The server asked for a client certificate and ended the handshake when none came ({ $error }).
       *[other] The server requires a client certificate.
    }
    .help = This server only accepts clients that present a certificate it trusts (mutual TLS). Use the provider's submission service for applications, or ask its administrator.

tls-server-misconfigured = { $case ->
        [starttls-refused] The server offered STARTTLS but then refused it ({ $reply-code }): its encryption setup is broken (Postfix answers this when its certificate or key cannot be loaded).
        [internal-error] The server aborted the encryption setup with the alert “internal_error”: a failure on its own side, whatever the client offers.
       *[other] The server's encryption (TLS) is broken on its side.
    }
    .help = { $other ->
        [works] Tell the server's administrator: its certificate, key or encryption library is broken (OpenSMTPD 6.8 built with OpenSSL 3 does this on every connection). Until then, { $other-security } on port { $other-port } works: verified on a second connection.
        [fails] Tell the server's administrator: its certificate, key or encryption library is broken (OpenSMTPD 6.8 built with OpenSSL 3 does this on every connection). { $other-security } on port { $other-port } was tried too and does not work either: no setting can help until the server is fixed.
        [no-answer] Tell the server's administrator: its certificate, key or encryption library is broken (OpenSMTPD 6.8 built with OpenSSL 3 does this on every connection). Port { $other-port } ({ $other-security }) does not answer our test service, so no other setting is known to work.
       *[other] The server aborted the encryption setup because of its own problem (for example a certificate or key it cannot use). Nothing in your settings can fix it: tell the server's administrator.
    }

tls-handshake-failed = { $case ->
        [alert] The server aborted the encryption setup with the alert “{ $alert }”.
        [error] Setting up encryption (TLS) failed: { $error }.
        [closed] The server closed the connection while setting up encryption ({ $error }).
        [timeout] The server did not answer the encryption setup in time.
        [server-name] The server name cannot be used for an encrypted connection.
        [setup] Encryption could not be prepared: { $error }.
        [plain-answer] The server answered the encryption setup in plain text.
       *[other] Setting up encryption (TLS) failed.
    }
    .help = { $case ->
        [alert] The server accepts none of the protocol versions and ciphers a current client offers (TLS 1.2/1.3 with modern ciphers); its setup is outdated or broken.
       *[other] The server and our test share no TLS version or cipher, or the server broke off. Try the other security setting, or ask the server's administrator.
    }

tls-old-protocol = { $case ->
        [version] The server speaks only { $version } (it chose it in its reply); this client, like every current one, needs TLS 1.2 or 1.3.
        [refused] The server refused TLS 1.2 and 1.3: it speaks only TLS 1.1 or older.
        [legacy-version] The server speaks only { $version } (it chose it when offered TLS 1.1); this client, like every current one, needs TLS 1.2 or 1.3.
        [client-refused] The server refused this connection's TLS version ({ $reply-code }): it takes TLS 1.2 or newer only.
       *[other] The server only speaks an old TLS version.
    }
    .help = { $case ->
        [version] TLS 1.0 and 1.1 are switched off in current clients and libraries. The server's administrator must enable TLS 1.2 or newer; no client setting can fix it.
        [refused] TLS 1.0 and 1.1 are switched off in current clients and libraries. The server's administrator must enable TLS 1.2 or newer; no client setting can fix it.
        [legacy-version] TLS 1.0 and 1.1 are switched off in current clients and libraries. The server's administrator must enable TLS 1.2 or newer; no client setting can fix it.
        [client-refused] This test spoke TLS 1.2 or newer, so something on the way (a TLS-inspecting proxy or firewall) downgraded it. If your application shows this reply, its TLS library is too old: enable TLS 1.2 (on .NET Framework: 4.7 or newer, or SecurityProtocol Tls12) or update it.
       *[other] TLS 1.0 and 1.1 are outdated and refused by many clients.
    }

tls-cert-expired = { $case ->
        [dates] The server's certificate has expired (valid from { $not-before } to { $not-after }).
       *[other] The server's certificate has expired.
    }
    .help = The server's administrator must renew the certificate.

tls-cert-not-yet-valid = { $case ->
        [dates] The server's certificate is not valid yet (valid from { $not-before } to { $not-after }).
       *[other] The server's certificate is not valid yet.
    }
    .help = The certificate's start date is in the future; the server's clock or certificate is wrong.

tls-cert-name-mismatch = { $case ->
        [names] The certificate is for { $names }, not for { $host }.
        [other-names] The certificate is for other names, not for { $host }.
       *[other] The server's certificate is for another name.
    }
    .help = { $case ->
        [names] Use a server name that the certificate covers: { $names }.
       *[other] Use a server name that the certificate covers.
    }

tls-cert-untrusted = { $case ->
        [self-signed] The server's certificate is self-signed.
        [unknown-issuer] The server's certificate is issued by an unknown authority ({ $issuer }).
        [refused] The server's certificate was refused: { $error }.
       *[other] The server's certificate is not trusted.
    }
    .help = { $case ->
        [self-signed] Clients refuse it. The server needs a certificate from a public authority (e.g. Let's Encrypt); for an internal authority, give our test service its root with --ca-file.
        [unknown-issuer] Clients refuse it. The server needs a certificate from a public authority (e.g. Let's Encrypt); for an internal authority, give our test service its root with --ca-file.
       *[other] It is self-signed or issued by an unknown authority.
    }

tls-cert-expiring = The server's certificate expires in { $days ->
        [one] 1 day
       *[other] { $days } days
    } ({ $not-after }).
    .help = The server's administrator must renew the certificate before then; from that day every client that checks certificates refuses to connect.

tls-cert-replaced = The server now presents another certificate (issued by { $issuer }, valid until { $not-after }).
    .help = Usually a routine renewal: nothing to do. If connections fail from now on, the new certificate is the first thing to check.

auth-not-offered = { $case ->
        [encrypted] Credentials were given, but the server offers no login: they were not checked. It may be a relay that needs no login (then remove the credentials) or only accepts allowlisted IP addresses.
        [plain] Credentials were given, but the server offers no login on this unencrypted connection: they were not checked. Most servers offer login only after STARTTLS.
       *[other] Credentials were given, but the server offers no login.
    }
    .help = The server advertises no AUTH here; your credentials were not checked. It may only offer AUTH after STARTTLS, or it is a relay that needs no login.

auth-mechanism-unsupported = { $case ->
        [refused] The server refused the login method.
        [oauth-only] The server accepts only OAuth2 access tokens ({ $offered }), not passwords.
        [password-only] The server offers only password logins ({ $offered }): an access token cannot be used here.
        [none-known] The server offers { $offered } but no login method this tool speaks.
        [not-offered] The server offers { $offered } but not { $wanted }.
        [use-auto] The server offers { $offered } but not { $wanted }.
       *[other] The server offers no login method in common with the chosen one.
    }
    .help = { $case ->
        [oauth-only] No password works here. Sign in with OAuth2 (the login method oauth2), or use the provider's SMTP service that accepts app passwords.
        [password-only] Use the account's password (or app password) with the login method password, or a server of the provider that takes OAuth2.
        [use-auto] The server offers { $usable }; with “auto” the test uses it.
       *[other] Choose auto, or a method the server offers.
    }

auth-requires-tls = { $case ->
        [mail] The server requires encryption before it accepts mail.
       *[other] The server requires encryption before login.
    }
    .help = { $case ->
        [mail] Choose STARTTLS (or TLS/SSL on port 465): this server refuses unencrypted sessions.
       *[other] Choose STARTTLS or TLS/SSL.
    }

auth-failed = { $case ->
        [reply] { $who ->
            [provider] { $provider } rejected the username or password ({ $reply-code }).
           *[server] The server rejected the username or password ({ $reply-code }).
        }
       *[other] The username or password was rejected.
    }
    .help = { $hint ->
        [m365-credentials] Microsoft 365 says the credentials are wrong or SMTP AUTH is off for this mailbox; check both, or use OAuth2.
        [gmail-credentials] Google refuses normal account passwords: create an app password (needs 2-Step Verification) and use the full address as username.
       *[other] Check the username and password; many providers need an app password for SMTP.
    }

auth-app-password-required = { $case ->
        [reply] { $who ->
            [provider] { $provider } requires an app password for this account.
           *[server] The server requires an app password for this account.
        }
        [url] { $who ->
            [provider] { $provider } requires an app password for this account.
           *[server] The server requires an app password for this account.
        }
       *[other] The provider requires an app password.
    }
    .help = { $case ->
        [url] Create an app password at { $url } (two-step verification must be on) and use it instead of your account password.
       *[other] Create an app password in your account's security settings and use it here.
    }

auth-disabled-by-provider = { $case ->
        [reply] { $who ->
            [provider] { $provider } has SMTP login turned off for this account.
           *[server] The server has SMTP login turned off for this account.
        }
       *[other] SMTP login is turned off for this account.
    }
    .help = { $hint ->
        [m365-tenant] SMTP AUTH is off for the whole organisation. An Exchange administrator turns it on with Set-TransportConfig -SmtpClientAuthenticationDisabled $false (and for a mailbox that has it off too, Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false). OAuth2 logins need it on as well.
        [m365-mailbox] SMTP AUTH is off for this mailbox. An Exchange administrator turns it on with Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false (Microsoft 365 admin center: the user, Mail, Manage email apps, Authenticated SMTP). OAuth2 logins need it on as well.
        [m365-basic-off] Microsoft 365 refuses passwords here (security defaults, or basic authentication retired for client submission): sign in with OAuth2 instead.
        [m365-disabled] In Microsoft 365 an administrator must enable "Authenticated SMTP" for the mailbox (and allow it in the tenant), or the application must sign in with OAuth2 (XOAUTH2).
       *[other] The account or its organisation has turned off SMTP login; an administrator must turn it on, or use OAuth2.
    }

auth-rate-limited = { $case ->
        [reply] { $who ->
            [provider] { $provider } refused the login for now: too many attempts.
           *[server] The server refused the login for now: too many attempts.
        }
       *[other] Too many login attempts.
    }
    .help = Wait a few minutes before trying again.

sender-rejected = { $case ->
        [login-required] The server requires a login before it accepts a sender.
        [mail-from] The server refused this sender address ({ $reply-code }).
        [rcpt-to] The server refused to send as this address for this login.
        [data] The server refused to send as this address.
       *[other] This login may not send as this address.
    }
    .help = { $case ->
        [login-required] Give a username and password; this server does not relay for anonymous clients.
       *[other] Send from the login's own address, or add this address as an alias the account may send as.
    }

sender-smtputf8-required = { $case ->
        [address] { $address } has non-ASCII characters, and this server does not offer SMTPUTF8: it cannot accept it (nothing was sent).
       *[other] The address is not plain ASCII, and the server does not accept such addresses.
    }
    .help = The server does not offer SMTPUTF8, so it cannot take an address with non-ASCII characters. Use an ASCII address (an alias) for sending.

recipient-rejected = { $case ->
        [reply] The server refused the recipient ({ $reply-code }).
        [unreachable] Your server could not reach the recipient's mail server for { $domain }, and gave up.
        [no-domain] The recipient's domain { $domain } does not exist: it has no mail server.
       *[other] The server refused the recipient.
    }
    .help = { $case ->
        [unreachable] The recipient's domain may have no working mail server, or its server does not accept connections from yours. Check the address; if it is right, the recipient's administrator can tell why their server does not answer.
        [no-domain] Check the address for a typo in its domain.
       *[other] The server would not accept mail for this recipient.
    }

send-rejected = { $case ->
        [reply] The server refused the message ({ $reply-code }).
        [unbuildable] The test message could not be built: { $error }.
       *[other] The server refused the message.
    }
    .help = The message was refused after it was sent; the server's reply says why.

send-sender-unverified = { $case ->
        [reply] The provider refused the message: the sender address is not verified.
       *[other] The provider refused an unverified sender.
    }
    .help = Verify this sender address or domain in the provider's console, then try again.

send-too-large = { $case ->
        [announced] The server refused the message's announced size ({ $reply-code }).
        [data] The server refused the test message as too large ({ $reply-code }).
        [size-limit] The server accepts messages of at most { $limit } bytes (SIZE { $limit }); the { $size }-byte test message is larger, and so is almost any real one. Nothing was sent.
       *[other] The message is larger than the server accepts.
    }
    .help = The server's size limit (SIZE) is below the message; even small messages are refused. Its administrator must raise the limit.

send-ok = { $case ->
        [queued] The test message to { $recipient } was accepted (queue id { $queue-id }).
        [accepted] The test message to { $recipient } was accepted.
       *[other] The test message was accepted.
    }
    .help = The server queued the message for delivery.

domain-spf-missing = { $case ->
        [suggest] { $domain } publishes no SPF record, so receivers cannot tell that this server may send its mail.
       *[other] { $domain } publishes no SPF record.
    }
    .help = Gmail and Yahoo refuse or mark as spam mail that passes neither SPF nor DKIM. { $case ->
        [suggest] Publish one TXT record at { $domain }: { $record }
       *[other] Publish one SPF TXT record at { $domain } that names the servers that send its mail (your provider's documentation gives the include).
    }

domain-spf-invalid = { $case ->
        [several] { $name } publishes more than one SPF record: receivers treat that as an error and ignore both.
        [syntax] The SPF record of { $name } has a term receivers do not understand: { $term }
        [lookups] The SPF record needs { $count } DNS lookups; receivers stop at 10 and treat it as an error.
        [void] The SPF record has { $count } lookups that find nothing; receivers stop at 2 and treat it as an error.
        [mx] The SPF record's mx term points to more than 10 mail servers ({ $name }); receivers treat that as an error.
        [loop] The SPF record of { $domain } includes itself through { $name }.
        [include-missing] The SPF record includes { $name }, which has no SPF record: receivers treat that as an error.
        [redirect-missing] The SPF record redirects to { $name }, which has no SPF record: receivers treat that as an error.
       *[other] The SPF record of { $domain } cannot be used.
    }
    .help = { $case ->
        [several] Merge them into one TXT record that starts with v=spf1 and has every include once.
        [lookups] Remove includes of services you no longer use, or send some mail from a subdomain with its own record. Do not replace includes with lists of addresses ("flattening"): providers change their addresses.
        [void] Remove the terms whose names no longer exist.
        [include-missing] Remove that include, or fix its spelling from the provider's documentation.
        [redirect-missing] Point redirect= at a name that publishes an SPF record.
       *[other] Fix the record so that it is valid SPF (RFC 7208); until then receivers count SPF as failed for every message.
    }

domain-spf-excludes-relay = { $case ->
        [provider] The SPF record of { $domain } does not include { $provider } (include:{ $include }), so mail sent through it fails SPF.
        [address] The SPF record of { $domain } does not authorize { $host } ({ $address }): the result is { $result }.
       *[other] The SPF record of { $domain } does not authorize this server.
    }
    .help = { $case ->
        [provider] Change the existing TXT record (do not add a second one) to: { $record }
        [address] If this server sends your mail itself, change the existing TXT record (do not add a second one) to: { $record }
       *[other] Add this server to the domain's one SPF record.
    }

domain-dmarc-missing = { $case ->
        [several] { $at } has more than one DMARC record, so receivers ignore them all.
       *[none] { $domain } has no DMARC policy.
    }
    .help = { $case ->
        [several] Keep one TXT record at { $at }.
       *[none] Mail still arrives without one, but Gmail and Yahoo (rejecting since November 2025) and Outlook.com (550 5.7.515 since 5 May 2025) require DMARC from bulk senders. To start without changing delivery, publish a TXT record at { $name }: { $record }
    }

domain-dmarc-unaligned = { $case ->
        [provider] { $domain } asks receivers to { $policy ->
            [reject] refuse
           *[quarantine] put in spam
        } mail that fails DMARC, and mail sent through { $provider } will fail it: it is not signed for { $domain } and SPF does not cover it.
       *[other] { $domain } asks receivers to { $policy ->
            [reject] refuse
           *[quarantine] put in spam
        } mail that fails DMARC, and mail sent through this server will fail it.
    }
    .help = { $case ->
        [provider] Set up domain authentication for { $domain } in { $provider }'s settings: it gives the DKIM records to publish (such as { $name }). The policy is published at { $at }.
       *[other] Have the server sign with a DKIM key of { $domain }, or authorize it in the domain's SPF record. The policy is published at { $at }.
    } Gmail, Yahoo and Outlook.com apply DMARC policies to every sender.

domain-dkim-missing = { $case ->
        [revoked] The DKIM keys { $provider } signs with for { $domain } are revoked or unreadable (selectors { $selectors }).
       *[none] { $domain } publishes no DKIM key for { $provider } (selectors { $selectors }).
    }
    .help = Turn on DKIM for { $domain } in { $provider }'s settings and publish the records it shows (such as { $name }). Without DKIM, mail relies on SPF alone, and Gmail and Yahoo require both from bulk senders.

domain-dkim-weak-key = The DKIM key at selector { $selector } of { $domain } has only { $bits } bits.
    .help = Receivers recommend 2048-bit keys; some treat shorter ones as weak. Create a 2048-bit key in { $provider }'s settings and publish it.

domain-lookup-failed = { $case ->
        [spf] The SPF record of { $domain } could not be checked: the DNS lookups did not finish.
        [dmarc] The DMARC policy of { $domain } could not be checked: the DNS lookups did not finish.
        [dkim] The DKIM keys of { $domain } could not be checked: the DNS lookups did not finish.
       *[other] The records of { $domain } could not be checked.
    }
    .help = This says nothing about your records: the domain's DNS servers or ours did not answer in time. Try again later.

domain-ok = { $case ->
        [spf] { $domain }'s SPF record authorizes this server{ $policy ->
            [none] {"."}
           *[other] {""}, and its DMARC policy ({ $policy }) will pass.
        }
        [dkim] { $domain } publishes the DKIM key this provider signs with{ $policy ->
            [none] {"."}
           *[other] {""}, and its DMARC policy ({ $policy }) will pass.
        }
       *[records] { $domain }'s SPF and DMARC records are in order.
    }
    .help = Receivers can tell that this server may send mail for { $domain }.

arrival-ok = { $case ->
        [headers] { $receiver } checked the message and found no authentication problem for { $domain }.
       *[other] The test message arrived after { $seconds } s, From unchanged, and passed DKIM, SPF and DMARC for { $domain }.
    }
    .help = A receiver such as Gmail sees it as genuine mail from { $domain }.

arrival-not-arrived = The server accepted the test message, but it did not arrive within { $count ->
        [one] 1 second
       *[other] { $count } seconds
    }.
    .help = The server queued it and then held, dropped or bounced it. Look in the account's sent items and bounce messages, and in the provider's delivery log: a sending limit, an unverified sender or a blocked destination is the usual cause.

probe-inbox-busy = The server accepted the test message, but it did not arrive within { $count ->
        [one] 1 second
       *[other] { $count } seconds
    }, and the test service's own inbox was turning connections away meanwhile (too many at once). The message may simply have been told to come back later.
    .help = This is a problem of the test service, not of your settings: nothing needs to change on your side. Try the test again in a few minutes.

arrival-from-rewritten = { $case ->
        [none] The message arrived without a From address (configured: { $configured }).
       *[other] The message arrived with From { $seen } instead of { $configured }.
    }
    .help = The provider replaces a From address this login may not use: Gmail puts the login's own address there. Add { $configured } as an address the account may send as (Gmail: "Send mail as"), or send from the login's address.

arrival-dkim-missing = The message arrived without a DKIM signature.
    .help = Turn on DKIM signing for your domain at your email provider and publish the key it gives you. Gmail and Yahoo require SPF or DKIM from every sender, and both from bulk senders.

arrival-dkim-fail = { $case ->
        [weak-key] The DKIM signature of { $domain } (selector { $selector }) uses a { $detail }-bit key, too short to count.
        [unnamed] The DKIM signature of { $domain } does not verify: { $detail }.
       *[fail] The DKIM signature of { $domain } (selector { $selector }) does not verify: { $detail }.
    }
    .help = { $case ->
        [weak-key] Publish a 2048-bit key for the selector and sign with it.
        [unnamed] Check that the key your server signs with is the one published in the DNS of { $domain } for its selector, and that nothing changes the message after signing.
       *[fail] Check that the key published at { $selector }._domainkey.{ $domain } is the one the server signs with, and that nothing changes the message after signing.
    }

arrival-spf-fail = { $case ->
        [no-address] SPF fails for { $domain }: its SPF record does not authorize the address the message came from.
       *[other] SPF fails for { $domain }: the message came from { $address }, which its SPF record does not authorize.
    }
    .help = Add the provider's include (or this address) to the one SPF record of { $domain }.

arrival-dmarc-fail = { $case ->
        [no-policy] The message fails DMARC for { $domain }: neither SPF nor DKIM aligns with the From domain.
       *[other] The message fails DMARC for { $domain } (policy { $policy }): neither SPF nor DKIM aligns with the From domain.
    }
    .help = Receivers apply the policy at { $at } to this message. Sign with a DKIM key of { $domain }, or send with an envelope sender in { $domain } that its SPF record authorizes.

## Fix titles: the changes are the arguments ($host, $port, $security,
## $username, $from, $auth).

fix-use-port = Use port { $port }
fix-use-endpoint = Use port { $port } with { $security }
fix-use-security = Use { $security }
fix-use-host = Use { $host }
fix-use-host-port = Use { $host } and port { $port }
fix-use-host-security = Use { $host } with { $security }
fix-use-host-port-security = Use { $host } and port { $port } with { $security }
fix-use-from = Use { $from }
fix-send-from = Send from { $from }
fix-send-as = Send as { $from }
fix-quote-name = Put the name in quotes
fix-use-username = Use { $username }
fix-move-address = Put the address in Username and From
fix-auth-auto = Choose the login method automatically
fix-auth-xoauth2 = Use OAuth2 (XOAUTH2)
fix-auth-oauth2 = Sign in with OAuth2
fix-auth-password = Log in with a password

## Labels

security-tls = TLS/SSL
security-starttls = STARTTLS
security-none = no encryption

field-host = SMTP server
field-port = Port
field-security = Security
field-username = Username
field-password = Password
field-from = From address
field-auth = Login method
field-accessToken = Access token
field-general = General

step-dns = Look up the server
step-connect = Connect
step-greeting = Server greeting
step-ehlo = Introduce ourselves
step-tls = Encrypt (TLS)
step-auth = Log in
step-sender = May send as the From address
step-send = Send a test email
step-domain = Check the sending domain
step-arrival = Did the test email arrive?

## The command line

cli-server = server:
cli-fix = fix:
cli-no-problems = No problems found.
cli-works = These settings work.
cli-does-not-work = These settings do not work yet.

## The browser elements (ui-*)

ui-show = Show
ui-hide = Hide
ui-show-password = Show password
ui-hide-password = Hide password
ui-extra-checks = Extra checks
ui-check-sender = Check that I may send as the From address
ui-check-send = Send a test email to the From address
ui-check-domain = Check that mail from my domain will arrive (SPF, DKIM, DMARC)
ui-check-arrival = Send a test email to the test service's inbox and see how it arrives
ui-test = Test connection
ui-test-wait = Test connection (wait { $seconds } s)
ui-cancel = Cancel
ui-steps = Connection steps
ui-details = Technical details: certificate, server, conversation
ui-transcript = Conversation with the server (passwords removed)
ui-copy = Copy for support
ui-copied = Copied.
ui-copy-select = Selected: press Ctrl+C (⌘C) to copy.
ui-gate = Test the connection first: only settings that work can be saved.
ui-load-failed = The checker could not load: { $reason }
ui-stale = The settings changed since the last test: test again to check them.
ui-nothing-to-test = Nothing to test: bind a form with for="…" or set the config property.
ui-testing = Testing { $host }…
ui-testing-server = Testing the server…
ui-finished = Test finished. { $headline }
ui-cancelled = Test cancelled.
ui-test-failed = The test failed: { $reason }
ui-applied = Applied: { $fix }. Test again to confirm.
ui-use-suggestion = Use the settings that answer
ui-starting = Starting…
ui-finishing = Finishing…
ui-step-pass = passed
ui-step-fail = failed
ui-step-warn = passed with a warning
ui-step-skipped = skipped
ui-step-running = in progress
ui-headline-service = The test service has a problem: your settings were not tested
ui-headline-works = It works: these settings can send email
ui-headline-works-warnings = It works, with something worth a look
ui-headline-fails = These settings do not work yet
ui-headline-arrival = The connection works, but mail from this domain may not arrive: see “Will it arrive?” below.
ui-arrive = Will it arrive?
ui-arrive-publish = Publish at { $name }:
ui-arrival-seen = What our inbox saw
ui-arrival-delay = Delivered after
ui-arrival-from = From shown
ui-arrival-dkim = DKIM
ui-arrival-spf = SPF
ui-arrival-tls = Delivered to our inbox over
ui-arrival-plain = plain text (no TLS)
ui-more-problems = { $count ->
        [one] and 1 more problem below
       *[other] and { $count } more problems below
    }
ui-suggestion-found = We found settings that answer:
ui-suggestion-server = server { $host }
ui-suggestion-port = port { $port }
ui-suggestion-apply = Use these and test again
ui-allowlist-title = If your mail server only accepts known addresses:
ui-allowlist-ask = { $count ->
        [one] ask its administrator to allow this address, which this test and our mail come from:
       *[other] ask its administrator to allow these addresses, which this test and our mail come from:
    }
ui-allowlist-unknown = ask its administrator to allow the address our service sends from (the operator has not published it here).
ui-certificate = Certificate
ui-cert-covers = Covers
ui-cert-issuer = Issued by
ui-cert-valid-until = Valid until
ui-cert-in-days = { $days ->
        [one] in 1 day
       *[other] in { $days } days
    }
ui-cert-days-ago = { $days ->
        [one] 1 day ago
       *[other] { $days } days ago
    }
ui-cert-trusted = Trusted
ui-cert-protocol = Protocol
ui-yes = yes
ui-no = no
ui-server = Server
ui-login-methods = Login methods: { $methods }
ui-service-unreachable = The test service at { $origin } cannot be reached. Check your connection, or try again in a minute.
ui-service-status = The test service answered { $status }.
ui-service-rate-limited = { $seconds ->
        [one] Too many tests from your address. Try again in 1 second.
       *[other] Too many tests from your address. Try again in { $seconds } seconds.
    }
ui-service-unauthorized = This page is not allowed to use the test service (missing, expired or wrong key).
ui-service-busy = The test service is busy right now. Try again in a few seconds.
ui-service-stopped = The test stopped before it finished. Try again.
ui-token-unreachable = This page's own server did not answer (token).
ui-token-refused = This page's own server refused a test token ({ $status }).
ui-email = Email address
ui-email-example = e.g. you@example.com
ui-detect = Detect settings
ui-detect-empty = Type your email address first.
ui-detect-checking = Checking that it answers…
ui-detect-filled = { $provider }: filled in { $host }, port { $port }.
ui-detect-also = Also documented: { $endpoints }.
ui-detect-app-password = You will need an app password:
ui-detect-app-password-link = create one at { $provider }
ui-detect-looking = Looking for your provider's settings (MX, autoconfig, SRV records, usual names) and checking which answer…
ui-detect-sources = What each source said
ui-detect-not-checked = (Could not check it live: { $reason })
ui-detect-failed = We could not look up your provider: { $reason }
ui-detect-found = Found and verified: { $host }, port { $port }, { $security }.
ui-detect-unreachable = Our test service could not reach { $host } just now; "Test connection" will tell you more.
ui-detect-candidates = Settings we found, best first
ui-detect-how = { $count ->
        [one] How we found them: 1 candidate checked in { $ms } ms
       *[other] How we found them: { $count } candidates checked in { $ms } ms
    }
ui-use-these = Use these
ui-source-provider = Provider table
ui-source-mx = MX records
ui-source-autoconfig = Autoconfig file
ui-source-srv = SRV records
ui-source-guess = Guesses
ui-connect = Sign in
ui-connect-with = Sign in with { $provider }
ui-connect-again = Sign in again
ui-connect-waiting = Finish signing in in the window that opened.
ui-connect-signed-in = Signed in as { $username }. The connection uses this sign-in instead of a password.
ui-connect-popup-blocked = Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.
ui-connect-cancelled = Sign-in cancelled.
ui-connect-timeout = The sign-in took too long. Try again.
ui-connect-failed = The sign-in did not work: { $reason }
ui-connect-apply = Use the { $provider } sign-in
ui-connect-expired = Your sign-in has expired. Sign in again before you test or save.
ui-explain-label = Already sending? Paste the error your app logged
ui-explain-example = e.g. Invalid login: 535-5.7.8 Username and Password not accepted
ui-explain = Explain
ui-explain-empty = Paste an error first.
ui-explain-working = Reading the error…
ui-explain-failed = The error could not be explained: { $reason }
ui-explain-library = Worded by { $library }.
ui-explain-receiver = Verdict of the receiver { $receiver }.
ui-explain-reply = The server said: { $reply }
ui-explain-truncated = (Only the first 64 KB were read.)
ui-actor-it-admin = For your IT team
ui-actor-dns-admin = For your DNS administrator
ui-actor-provider = On your email provider's side
ui-actor-service = On our side, not yours
ui-actor-customer = For the person entering the settings
ui-handoff-title = SMTP settings tested: { $target }
ui-handoff-certificate = Certificate: { $subject } (names: { $names }), issued by { $issuer }, valid from { $from } until { $until }.
ui-share-intro = Someone connecting an application to this email server tested its settings. These are the steps only you can take; each says why, and what the server answered.
ui-share-expires = This page is deleted on { $date }.
ui-share-print = Print
ui-share-nothing = Nothing here needs an administrator: the test found no step for anyone but the person entering the settings.
ui-share-attested = The test service signed this result; the application's backend can verify it.
ui-share-server-said = The server said:
ui-share-button = Send this to your IT team
ui-share-creating = Creating a link…
ui-share-link = Anyone with this link can read what to do until { $date }.
ui-share-copy = Copy link
ui-share-copied = Link copied
ui-share-email = Email it
ui-share-open = Print
ui-share-mail-subject = Email settings for { $target }: steps for you
ui-share-mail-text = Our application cannot send email through { $target }. The settings test found steps only you can take; they are on this page:
ui-share-gone = This link has expired, was deleted, or never existed. Ask whoever sent it for a new one.
ui-share-unavailable = Share links are unavailable right now. Try again in a few minutes.
ui-share-delete = Delete the link
ui-share-deleted = Link deleted: it opens nothing any more.
ui-share-failed = The link could not be created: { $reason }

## Discovery ("Detect settings"), rendered by the service

discover-table-serves = { $provider } serves { $domain } addresses (built-in table)
discover-table-none = not in the built-in table
discover-mx-is = MX { $host } is { $provider }
discover-mx-unknown = MX { $hosts } belongs to no provider we know
discover-mx-none = { $domain } has no MX records
discover-mx-failed = MX lookup of { $domain } failed: { $error }
discover-autoconfig-lists = { $url } lists { $host }:{ $port } ({ $security })
discover-autoconfig-found = { $count ->
        [one] { $url }: 1 outgoing server
       *[other] { $url }: { $count } outgoing servers
    }
discover-srv-not-offered = { $name } says: not offered
discover-srv-detail = { $name } → { $host }:{ $port } (priority { $priority }, weight { $weight })
discover-srv-none = no _submissions._tcp / _submission._tcp records for { $domain }
discover-guess-skipped = other sources named servers
discover-guessed = guessed { $host }:{ $port } ({ $security })
discover-guess-trying = trying { $count } common names and ports
discover-works = { $login ->
        [yes] { $host }:{ $port } with { $security } works, including the login.
        [untried] { $host }:{ $port } with { $security } works (the login was not tried: the password is only sent over TLS to servers of { $domain } or of a known provider).
       *[no] { $host }:{ $port } with { $security } works.
    }
discover-none-answered = { $count ->
        [one] Found 1 possible server for { $domain }, but it did not answer as an SMTP server; see why next to it. Ask your provider for its SMTP settings.
       *[other] Found { $count } possible servers for { $domain }, but none answered as an SMTP server; see why next to each. Ask your provider for its SMTP settings.
    }
discover-nothing = No SMTP server found for { $domain }: it is not in our provider table, its MX points to no provider we know, it publishes no autoconfig file or SRV records, and no usual name (smtp., mail. or the domain) answered on 465, 587 or 25. Ask your provider for its SMTP settings.
discover-outage = The test service cannot reach its DNS resolver, so nothing could be looked up: this says nothing about your domain or settings. Try again in a few minutes.
discover-verified = verified ({ $checks })
discover-not-verified = not verified
discover-not-verified-because = not verified: { $reason } [{ $code }]
discover-not-tried = not verified: the deadline came first
discover-why = { $verification }; { $security }; from { $sources }

explain-not-recognised = { $case ->
        [library] We recognise this as { $library }'s wording, but not the cause it names.
       *[other] We do not recognise a cause in this text.
    }
    .help = Paste the whole error, including the server's reply (a line that starts with a number such as 535 or 550), or run "Test connection": the live test finds the cause itself.
explain-several-causes = { $count ->
        [one] This text fits more than one cause.
       *[other] This text fits { $count } causes, most likely first.
    }
    .help = The text alone cannot tell them apart; "Test connection" with the same settings can.
