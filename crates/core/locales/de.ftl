# smtp-doctor – Meldungen auf Deutsch.
#
# Gleiche IDs, Attribute und Parameter wie en.ftl (crates/core/tests/catalogs.rs).
# Stil: die Worte der Kundin, kurz und klar; Anrede „Sie“; Namen der
# Anbieter für ihre Einstellungen („App-Passwort“).

## Diagnosen

config-invalid = Die Einstellungen sind kein JSON-Objekt.
    .help = Senden Sie die Einstellungen als ein Objekt mit host, port, security, username, password und from.

host-missing = Kein SMTP-Server angegeben.
    .help = Tragen Sie den Postausgangsserver (SMTP) Ihres Anbieters ein, z. B. smtp.example.com.

host-invalid = { $case ->
        [reason] „{ $host }“ ist kein gültiger Servername: { $reason ->
            [empty] der Name ist leer
            [too-long] der Name ist länger als 253 Zeichen
            [empty-part] der Name hat einen leeren Teil (zwei Punkte hintereinander oder ein Punkt am Anfang)
            [part-too-long] der Teil „{ $detail }“ ist länger als 63 Zeichen
            [bad-character] „{ $detail }“ ist in Servernamen nicht erlaubt
            [underscore] der Teil „{ $detail }“ enthält „_“, das in Servernamen nicht vorkommen darf
            [hyphen] der Teil „{ $detail }“ beginnt oder endet mit einem Bindestrich
            [legacy-ip] das ist eine IP-Adresse in ungewöhnlicher Schreibweise; gemeint ist { $detail }
            [numeric-end] der letzte Teil ist eine Zahl – also weder ein Name noch eine IP-Adresse
            [bad-ipv6] das ist keine gültige IPv6-Adresse
           *[idna] das ist kein gültiger internationaler Domainname
        }.
       *[other] Der SMTP-Server ist kein gültiger Servername und keine IP-Adresse.
    }
    .help = { $reason ->
        [legacy-ip] Schreiben Sie IPv4-Adressen als vier durch Punkte getrennte Zahlen – besser noch: Verwenden Sie den Namen des Servers.
       *[other] Ein Servername besteht aus Buchstaben, Ziffern und Bindestrichen, getrennt durch Punkte, etwa smtp.example.com.
    }

host-has-scheme = { $case ->
        [web] Der SMTP-Server beginnt mit „{ $scheme }://“.
        [scheme] Der SMTP-Server beginnt mit „{ $scheme }://“.
       *[other] Der SMTP-Server enthält ein URL-Schema.
    }
    .help = { $case ->
        [web] Das ist eine Webadresse. Zum Senden brauchen Sie nur den Namen des Mailservers, meist smtp.<Ihre Domain>; sehen Sie auf der SMTP-Hilfeseite Ihres Anbieters nach.
       *[other] Tragen Sie nur den Servernamen ein; Port und Sicherheit haben eigene Felder.
    }

host-has-port = { $case ->
        [port] Der SMTP-Server endet mit dem Port „:{ $port }“.
       *[other] Der SMTP-Server enthält eine Portnummer.
    }
    .help = Tragen Sie nur den Namen ins Serverfeld ein und den Port ins Feld „Port“.

host-has-whitespace = { $case ->
        [outer] Der SMTP-Server beginnt oder endet mit einem Leerzeichen.
       *[other] Der SMTP-Server enthält Leerzeichen.
    }
    .help = { $case ->
        [outer] Hier wird das Leerzeichen ignoriert, andere Programme tun das vielleicht nicht. Entfernen Sie es.
       *[other] Servernamen enthalten nie Leerzeichen. Entfernen Sie sie – beim Kopieren rutscht leicht eines mit.
    }

host-is-email = { $case ->
        [provider] { $address } ist eine E-Mail-Adresse, kein Servername.
        [address] { $address } ist eine E-Mail-Adresse, kein Servername.
       *[other] Als SMTP-Server wurde eine E-Mail-Adresse eingetragen.
    }
    .help = { $case ->
        [provider] Adressen bei { $domain } senden über den Server { $host } von { $provider }. Ihre Adresse gehört in „Benutzername“ und „Absender“.
        [address] Tragen Sie den Postausgangsserver Ihres Anbieters ein (oft smtp.{ $domain } oder mail.{ $domain }); Ihre Adresse gehört in „Benutzername“ und „Absender“.
       *[other] Der Server ist ein Name wie smtp.example.com; Ihre Adresse gehört in „Benutzername“ oder „Absender“.
    }

host-incoming-server = { $case ->
        [provider] { $host } ist der Server von { $provider } zum Empfangen von E-Mails (IMAP/POP).
        [guess] { $host } sieht nach einem Server zum Empfangen von E-Mails aus (IMAP/POP).
       *[other] Das sieht nach einem Server zum Empfangen von E-Mails aus (IMAP/POP).
    }
    .help = { $case ->
        [provider] Zum Senden verwenden Sie { $smtp-host } auf Port { $endpoints }.
        [guess] Zum Senden brauchen Sie den Postausgangsserver (SMTP), oft { $smtp-host }. Sehen Sie in den Einstellungen Ihres Anbieters nach.
       *[other] Zum Senden brauchen Sie den Postausgangsserver (SMTP); sein Name beginnt meist mit smtp.
    }

host-ip-literal = { $case ->
        [ip] Der SMTP-Server ist die IP-Adresse { $ip }.
       *[other] Der SMTP-Server ist eine IP-Adresse.
    }
    .help = Zertifikate werden für Namen ausgestellt, daher scheitert die Prüfung des Serverzertifikats bei einer IP-Adresse meist; verwenden Sie lieber den Namen des Servers.

host-private = { $case ->
        [range] { $host } ist { $range ->
            [unspecified] eine unspezifizierte Adresse
            [loopback] eine Loopback-Adresse
            [private] eine Adresse aus einem privaten Netz
            [link-local] eine Link-Local-Adresse
            [cgnat] eine Carrier-Grade-NAT-Adresse
            [multicast] eine Multicast-Adresse
            [broadcast] die Broadcast-Adresse
            [documentation] eine Adresse für Dokumentationszwecke
            [benchmarking] eine Adresse für Benchmarks
            [local-name] ein Name im lokalen Netz
           *[reserved] eine reservierte Adresse
        } und aus dem Internet nicht erreichbar.
       *[other] Der SMTP-Server ist eine private oder lokale Adresse.
    }
    .help = Auch unser Testdienst kommt dort nicht hin. Verwenden Sie den öffentlichen Namen des Servers, es sei denn, der sendende Dienst läuft im selben Netz.

port-missing = Kein Port angegeben.
    .help = Verwenden Sie 587 mit STARTTLS oder 465 mit TLS/SSL, wie Ihr Anbieter es angibt.

port-invalid = { $case ->
        [raw] „{ $raw }“ ist keine Portnummer zwischen 1 und 65535.
       *[other] Der Port ist keine Zahl zwischen 1 und 65535.
    }
    .help = SMTP-Ports sind ganze Zahlen: meist 587 (STARTTLS) oder 465 (TLS/SSL).

port-incoming = { $case ->
        [port] Port { $port } ist der { $protocol }-Port und dient zum Empfangen von E-Mails.
       *[other] Dieser Port dient zum Empfangen von E-Mails (IMAP/POP), nicht zum Senden.
    }
    .help = Gesendet wird per SMTP: 587 mit STARTTLS oder 465 mit TLS/SSL.

port-unusual = { $case ->
        [port] Port { $port } ist kein üblicher SMTP-Port.
       *[other] Das ist kein üblicher SMTP-Port.
    }
    .help = Zum Senden dienen normalerweise 587 (STARTTLS), 465 (TLS/SSL), 2525 oder 25. Prüfen Sie, welchen Port Ihr Anbieter angibt.

port-25-blocked = Port 25 ist zum Senden oft gesperrt.
    .help = { $case ->
        [platforms] Manche Hosting-Plattformen sperren ausgehenden Port 25 ({ $blockers }): Läuft Ihre Anwendung dort, nutzen Sie einen anderen Port eines Versanddienstes: { $alternatives }. Port { $port } mit { $security } ist für den Versand aus Anwendungen gedacht.
       *[other] Viele Clouds und Internetanbieter sperren ausgehenden Port 25. Verwenden Sie lieber 587 mit STARTTLS oder 465 mit TLS/SSL.
    }

tls-port-mismatch = { $case ->
        [port] { $expected ->
            [tls] Port { $port } erwartet TLS/SSL, gewählt ist aber { $security }.
           *[other] Port { $port } erwartet STARTTLS, gewählt ist aber { $security }.
        }
       *[other] Die Sicherheitseinstellung passt nicht zum Port.
    }
    .help = { $case ->
        [port] { $expected ->
            [tls] Server auf Port { $port } verschlüsseln ab dem ersten Byte; eine unverschlüsselte Verbindung wartet daher auf einen Gruß, der nie kommt. Wählen Sie TLS/SSL oder verwenden Sie Port 587 mit STARTTLS.
           *[other] Server auf Port { $port } grüßen unverschlüsselt und schalten dann mit STARTTLS auf Verschlüsselung um; wer sofort mit TLS verbindet, scheitert mit Fehlern wie „wrong version number“. Wählen Sie STARTTLS oder verwenden Sie Port 465 mit TLS/SSL.
        }
       *[other] Port 465 verwendet TLS/SSL (von Anfang an verschlüsselt); die Ports 587, 25 und 2525 verwenden STARTTLS.
    }

tls-conflicting-modes = { $case ->
        [settings] „{ $setting }“ sagt { $security }, „{ $other-setting }“ aber { $other-security }.
       *[other] Zwei Sicherheitseinstellungen widersprechen sich.
    }
    .help = Wählen Sie eine: TLS/SSL, STARTTLS oder keine.

tls-missing = Keine Sicherheitseinstellung gewählt.
    .help = Wählen Sie TLS/SSL für Port 465 oder STARTTLS für Port 587.

tls-invalid-mode = { $case ->
        [raw] „{ $raw }“ ist keine Sicherheitseinstellung.
       *[other] Die Sicherheitseinstellung ist weder TLS/SSL noch STARTTLS noch „keine“.
    }
    .help = Wählen Sie TLS/SSL, STARTTLS oder keine.

tls-none = { $case ->
        [starttls-offered] Der Server bietet STARTTLS an, aber es ist keine Verschlüsselung gewählt.
       *[other] Die Verbindung ist nicht verschlüsselt.
    }
    .help = Ohne Verschlüsselung gehen E-Mails und Anmeldedaten im Klartext über das Netz. Verwenden Sie STARTTLS oder TLS/SSL.

auth-cleartext = Das Passwort würde unverschlüsselt gesendet.
    .help = Anmeldedaten über eine unverschlüsselte Verbindung kann man unterwegs mitlesen, und die meisten Server lehnen sie ab. Schalten Sie STARTTLS oder TLS/SSL ein.

auth-username-missing = Ein Benutzername wird benötigt.
    .help = { $case ->
        [provider] { $provider } braucht eine Anmeldung: { $username-kind ->
            [full-address] Ihre vollständige E-Mail-Adresse
            [literal] das Wort „{ $word }“
            [domain-login] den SMTP-Login Ihrer Versanddomain, z. B. postmaster@mg.example.com
            [ses-username] den von SES erzeugten SMTP-Benutzernamen (er beginnt mit AKIA)
            [postmark-server-token] das Server-API-Token
            [mailjet-api-key] den Mailjet-API-Schlüssel
           *[any] den SMTP-Login aus Ihrem Konto
        }.
       *[other] Tragen Sie den Login Ihres E-Mail-Kontos ein, meist Ihre vollständige E-Mail-Adresse.
    }

auth-password-missing = { $case ->
        [xoauth2] Ein OAuth2-Zugriffstoken wird benötigt.
       *[other] Ein Passwort wird benötigt.
    }
    .help = { $case ->
        [xoauth2] Bei XOAUTH2 steht im Passwortfeld das OAuth2-Zugriffstoken.
       *[other] Tragen Sie das Passwort (oder App-Passwort) für diesen Login ein.
    }

auth-password-whitespace = Das Passwort beginnt oder endet mit einem Leerzeichen.
    .help = Beim Kopieren eines Passworts kommt oft ein Leerzeichen oder Zeilenumbruch mit; entfernen Sie es, wenn es nicht wirklich dazugehört.

auth-mechanism-unknown = { $case ->
        [raw] „{ $raw }“ ist keine Anmeldemethode, die dieses Werkzeug kennt.
       *[other] Die Anmeldemethode ist keine von auto, plain, login, cram-md5, xoauth2 oder none.
    }
    .help = Lassen Sie sie auf „auto“, sofern Ihr Anbieter nichts anderes sagt.

auth-app-password = { $case ->
        [provider] { $provider } braucht ein App-Passwort, nicht Ihr Kontopasswort.
       *[other] Dieser Anbieter braucht ein App-Passwort.
    }
    .help = { $case ->
        [provider] Erstellen Sie eines unter { $url } (die Bestätigung in zwei Schritten muss aktiv sein) und fügen Sie es als Passwort ein.
       *[other] Erstellen Sie in den Sicherheitseinstellungen Ihres Kontos ein App-Passwort und verwenden Sie es statt Ihres normalen Passworts.
    }

auth-username-format = { $case ->
        [full-address] { $provider } erwartet Ihre vollständige E-Mail-Adresse als Benutzernamen, nicht „{ $username }“.
        [literal] { $provider } erwartet wörtlich den Benutzernamen „{ $word }“.
        [domain-login] { $provider } erwartet den SMTP-Login Ihrer Versanddomain, etwa postmaster@mg.example.com.
        [not-an-address] { $provider } verwendet keine E-Mail-Adresse als SMTP-Benutzernamen.
        [prefix] SMTP-Benutzernamen bei { $provider } beginnen mit { $prefix }.
        [unsendable] Der Benutzername kann nicht gesendet werden: { $error }.
       *[other] Dieser Anbieter erwartet eine andere Art von Benutzernamen.
    }
    .help = { $case ->
        [literal] Bei { $provider } lautet der Benutzername immer „{ $word }“; Ihr Schlüssel gehört ins Passwortfeld.
        [not-an-address] Verwenden Sie { $credential ->
            [ses-username] den von SES erzeugten SMTP-Benutzernamen (er beginnt mit AKIA)
            [postmark-server-token] das Server-API-Token
            [mailjet-api-key] den Mailjet-API-Schlüssel
           *[other] den Benutzernamen, den Ihr Anbieter angibt
        }.
        [prefix] Verwenden Sie { $credential ->
            [ses-username] den von SES erzeugten SMTP-Benutzernamen (er beginnt mit AKIA)
            [postmark-server-token] das Server-API-Token
            [mailjet-api-key] den Mailjet-API-Schlüssel
           *[other] den Benutzernamen, den Ihr Anbieter angibt
        }.
       *[other] Verwenden Sie den Benutzernamen, den Ihr Anbieter für SMTP angibt.
    }

auth-credential-type = { $case ->
        [wrong] Das ist { $wrong-credential ->
            [brevo-api-key] ein Brevo-API-Schlüssel (xkeysib-…)
           *[other] eine andere Art von Schlüssel
        }, nicht die SMTP-Zugangsdaten.
        [prefix] { $provider } braucht für SMTP { $credential ->
            [sendgrid-api-key] einen SendGrid-API-Schlüssel (SG.…) mit der Berechtigung „Mail Send“
            [brevo-smtp-key] einen Brevo-SMTP-Schlüssel (xsmtpsib-…)
            [resend-api-key] einen Resend-API-Schlüssel (re_…)
           *[other] seine SMTP-Zugangsdaten
        }; dieses Geheimnis beginnt nicht mit { $prefix }.
        [aws-secret-key] Das sieht nach einem geheimen AWS-Zugriffsschlüssel aus (40 Zeichen), nicht nach einem SES-SMTP-Passwort (44).
        [ses-length] SES-SMTP-Passwörter sind 44 Zeichen lang, dieses nicht.
        [app-password] Das sieht nicht nach einem App-Passwort von { $provider } aus (16 Buchstaben).
        [uuid] { $provider } verwendet für SMTP das Server-API-Token als Passwort; dieses Geheimnis hat nicht seine Form.
       *[other] Das Geheimnis sieht nach der falschen Art von Zugangsdaten aus.
    }
    .help = { $case ->
        [wrong] { $provider } braucht für SMTP { $credential ->
            [sendgrid-api-key] einen SendGrid-API-Schlüssel (SG.…) mit der Berechtigung „Mail Send“
            [brevo-smtp-key] einen Brevo-SMTP-Schlüssel (xsmtpsib-…)
            [resend-api-key] einen Resend-API-Schlüssel (re_…)
           *[other] die SMTP-Zugangsdaten
        }.
        [aws-secret-key] Erstellen Sie SMTP-Zugangsdaten in der SES-Konsole (SMTP-Einstellungen) oder leiten Sie das SMTP-Passwort für diese Region aus dem Schlüssel ab.
        [ses-length] Verwenden Sie das SMTP-Passwort, das beim Erstellen der SES-SMTP-Zugangsdaten angezeigt wurde.
        [app-password] Das Kontopasswort wird für SMTP abgelehnt; erstellen Sie ein App-Passwort und fügen Sie es hier ein (Leerzeichen zwischen den Vierergruppen sind in Ordnung).
       *[other] Verwenden Sie die SMTP-Zugangsdaten Ihres Anbieters, keinen API-Schlüssel und nicht das Kontopasswort.
    }

auth-oauth-required = { $case ->
        [required] { $provider } akzeptiert für SMTP keine Passwörter mehr (seit { $since }).
        [retiring] { $provider } schaltet die Anmeldung per Passwort für SMTP am { $date } standardmäßig ab.
        [retired] { $provider } hat die Anmeldung per Passwort für SMTP seit { $date } standardmäßig abgeschaltet.
       *[other] Dieser Anbieter akzeptiert für SMTP keine Passwörter mehr.
    }
    .help = { $case ->
        [required] Passwörter und App-Passwörter werden abgelehnt. Melden Sie sich stattdessen mit OAuth2 an.
        [retiring] { $oauth-note ->
            [microsoft-365] Bis dahin funktioniert die einfache SMTP-Anmeldung (SMTP AUTH), wo sie für das Postfach aktiviert ist; danach ist sie bei bestehenden Mandanten aus, solange ein Administrator sie nicht wieder einschaltet.
           *[other] {""}
        } Melden Sie sich schon jetzt mit Microsoft (OAuth2) an, dann ändert sich an diesem Tag nichts.
        [retired] { $oauth-note ->
            [microsoft-365] Eine Anmeldung per Passwort funktioniert nur noch, wo ein Administrator SMTP AUTH für Mandant und Postfach wieder eingeschaltet hat, und Microsoft entfernt sie endgültig.
           *[other] {""}
        } Melden Sie sich stattdessen mit Microsoft (OAuth2) an.
       *[other] Melden Sie sich mit OAuth2 statt mit einem Passwort an.
    }

## OAuth2-Zugriffstoken (gelesen, nicht geprüft: das prüft der Server)

auth-token-missing = { $case ->
        [provider] Melden Sie sich mit { $provider } an oder geben Sie ein Zugriffstoken an.
       *[other] OAuth2 braucht ein Zugriffstoken.
    }
    .help = Bei OAuth2 prüft der Server statt eines Passworts ein kurzlebiges Zugriffstoken. Nutzen Sie die Anmelde-Schaltfläche, oder lassen Sie das Backend Ihrer App ein frisches Zugriffstoken in das Feld „Zugriffstoken“ eintragen.

auth-token-kind = { $kind ->
        [id-token] Das ist ein ID-Token, kein Zugriffstoken.
        [refresh-token] Das ist ein Aktualisierungstoken (Refresh-Token), kein Zugriffstoken.
        [authorization-code] Das ist ein Autorisierungscode, kein Zugriffstoken.
        [client-secret] Das ist der geheime Clientschlüssel der App, kein Zugriffstoken.
       *[other] Das ist kein Zugriffstoken.
    }
    .help = { $kind ->
        [id-token] Ein ID-Token sagt Ihrer App, wer sich angemeldet hat; der Mailserver nimmt nur das Zugriffstoken derselben Anmeldung (access_token in der Token-Antwort).
        [refresh-token] Ein Aktualisierungstoken bleibt im Backend Ihrer App, das es gegen ein kurzlebiges Zugriffstoken tauscht: Geben Sie dem Test dieses Zugriffstoken.
        [authorization-code] Der Code aus der Anmelde-Weiterleitung muss erst am Token-Endpunkt eingelöst werden; das Zugriffstoken kommt aus diesem Tausch.
        [client-secret] Der geheime Clientschlüssel weist Ihre App beim Anbieter aus und gehört ins Backend; der Mailserver braucht das Zugriffstoken eines angemeldeten Kontos.
       *[other] Geben Sie das Zugriffstoken eines angemeldeten Kontos an.
    } Nur an der Form erkannt: Das letzte Wort hat der Server.

auth-token-expired = Das Zugriffstoken ist seit { $minutes } Minuten abgelaufen.
    .help = Zugriffstoken gelten etwa eine Stunde. Melden Sie sich erneut an oder lassen Sie Ihr Backend es mit dem Aktualisierungstoken erneuern, und testen Sie mit dem neuen.

auth-token-expiring = Das Zugriffstoken läuft in { $seconds } Sekunden ab, bevor der Test fertig sein kann.
    .help = Holen Sie ein frisches Zugriffstoken (Ihr Backend erneuert es mit dem Aktualisierungstoken) und testen Sie erneut.

auth-token-audience = { $case ->
        [graph] Dieses Zugriffstoken gilt für Microsoft Graph, nicht für SMTP.
        [google-for-microsoft] Das ist ein Google-Zugriffstoken; { $provider } braucht eines von Microsoft.
        [microsoft-for-google] Das ist ein Microsoft-Zugriffstoken; { $provider } braucht eines von Google.
       *[other] Dieses Zugriffstoken gilt für { $audience }, nicht für SMTP.
    }
    .help = { $case ->
        [graph] Ein Graph-Token funktioniert für die Graph-API, aber SMTP antwortet 535 5.7.3 Authentication unsuccessful. Fordern Sie bei der Anmeldung den Bereich https://outlook.office.com/SMTP.Send (mit offline_access) an.
        [google-for-microsoft] Melden Sie sich mit Microsoft an und fordern Sie https://outlook.office.com/SMTP.Send an.
        [microsoft-for-google] Melden Sie sich mit Google an und fordern Sie den Bereich https://mail.google.com/ an.
       *[other] Für Microsoft 365 und Outlook.com fordern Sie bei der Anmeldung https://outlook.office.com/SMTP.Send an.
    } Die Angaben im Token werden hier gelesen, nicht geprüft: Die Signatur prüft der Server.

auth-token-scope = Das Zugriffstoken darf keine Mail über SMTP senden: Ihm fehlt die Berechtigung SMTP.Send.
    .help = Seine Berechtigungen: { $scopes }. Fügen Sie der App-Registrierung die delegierte Berechtigung SMTP.Send (Office 365 Exchange Online) hinzu und fordern Sie bei der Anmeldung https://outlook.office.com/SMTP.Send an; eine App, die ohne Benutzer sendet, braucht SMTP.SendAsApp.

auth-token-user = Das Zugriffstoken wurde für { $token-user } ausgestellt, der Benutzername ist aber { $username }.
    .help = Die Anmeldung schickt den Benutzernamen mit dem Token, und der Server lehnt eine Abweichung ab. Verwenden Sie das angemeldete Konto, oder melden Sie sich als { $username } an.

auth-token-tenant = { $case ->
        [personal] Dieses Token gehört zu einem privaten Microsoft-Konto; Microsoft 365 braucht ein Geschäfts- oder Schulkonto.
       *[work] Dieses Token gehört zu einem Geschäfts- oder Schulkonto; Outlook.com braucht ein privates Microsoft-Konto.
    }
    .help = { $case ->
        [personal] Melden Sie sich mit dem Konto der Organisation an, oder verwenden Sie smtp-mail.outlook.com für eine Outlook.com- oder Hotmail-Adresse.
       *[work] Verwenden Sie smtp.office365.com für ein Microsoft-365-Postfach.
    }

auth-token-rejected = { $case ->
        [invalid] Der Server hat das Zugriffstoken abgelehnt: Es ist ungültig oder abgelaufen.
        [m365] Microsoft 365 hat das Zugriffstoken abgelehnt.
        [scope] Der Server hat das Zugriffstoken abgelehnt: Ihm fehlt der Bereich { $scope }.
       *[other] Der Server hat das Zugriffstoken abgelehnt.
    }
    .help = { $case ->
        [invalid] Holen Sie ein frisches Zugriffstoken (neu anmelden oder im Backend erneuern) und testen Sie erneut.
        [m365] Meist eines von dreien: Das Token gilt nicht für SMTP (fordern Sie https://outlook.office.com/SMTP.Send an, keinen Microsoft-Graph-Bereich); SMTP AUTH ist für das Postfach aus (Set-CASMailbox -Identity <Postfach> -SmtpClientAuthenticationDisabled $false); oder eine App, die ohne Benutzer sendet, hat über ihren Dienstprinzipal kein Recht am Postfach (Add-MailboxPermission).
        [scope] Melden Sie sich erneut an und fordern Sie { $scope } an.
       *[other] Melden Sie sich erneut an; schlägt es weiter fehl, darf das Konto SMTP womöglich nicht nutzen.
    }

auth-mechanism-withdrawn = Der Server bietet { $withdrawn } nicht mehr an (jetzt angeboten: { $offered }).
    .help = Fehlen PLAIN und LOGIN, wurden Anmeldungen mit Passwort abgeschaltet: Die Verwaltung des Mailkontos muss SMTP AUTH wieder einschalten, oder die Verbindung muss auf OAuth umgestellt werden (Microsoft 365: Set-CASMailbox -SmtpClientAuthenticationDisabled $false).

from-missing = { $case ->
        [sender-check] Die Absenderprüfung braucht eine gültige Absenderadresse.
       *[other] Keine Absenderadresse angegeben.
    }
    .help = Tragen Sie die Adresse ein, von der Ihre E-Mails gesendet werden, z. B. sie@example.com.

from-invalid = { $case ->
        [reason] Der Absender ist keine gültige Adresse: { $reason ->
            [empty] sie ist leer
            [no-at] sie enthält kein @
            [empty-local] vor dem @ steht nichts
            [empty-domain] nach dem @ steht nichts
            [local-too-long] der Teil vor dem @ ist länger als 64 Zeichen
            [bad-local] „{ $detail }“ ist vor dem @ nur in Anführungszeichen erlaubt
            [dots] der Teil vor dem @ beginnt oder endet mit einem Punkt oder hat zwei Punkte hintereinander
            [bad-domain] die Domain ist ungültig
            [domain-without-dot] die Domain enthält keinen Punkt
            [unclosed-angle] zum < fehlt das passende >
            [trailing-text] nach der Adresse folgt „{ $detail }“
            [unquoted-comma] der Name enthält ein Komma, das in doppelten Anführungszeichen stehen muss
            [unclosed-quote] ein doppeltes Anführungszeichen wird nicht geschlossen
            [several] sie enthält mehr als eine Adresse
           *[control] der Name enthält das Steuerzeichen „{ $detail }“
        }.
       *[other] Der Absender ist keine gültige E-Mail-Adresse.
    }
    .help = Verwenden Sie eine Adresse wie sie@example.com, wahlweise mit Namen: Ihr Name <sie@example.com>.

from-domain-mismatch = { $case ->
        [domains] Der Absender ist bei { $from-domain }, der Login aber bei { $login-domain }.
       *[other] Die Domain des Absenders weicht von der des Logins ab.
    }
    .help = Viele Server senden nur dann unter einer anderen Adresse, wenn sie ein Alias des Kontos ist. Senden Sie von der Adresse des Logins oder richten Sie diese als Alias ein.

provider-port-unsupported = { $case ->
        [provider] { $provider } nimmt auf Port { $port } keine E-Mails an.
       *[other] Dieser Anbieter nimmt auf diesem Port keine E-Mails an.
    }
    .help = { $case ->
        [provider] { $provider } ist erreichbar auf { $endpoints }.
       *[other] Verwenden Sie einen der Ports, die der Anbieter angibt.
    }

provider-known = { $case ->
        [provider] Das ist { $provider }.
       *[other] Das ist ein bekannter Anbieter.
    }
    .help = { $case ->
        [provider] Dokumentierte Einstellungen: { $endpoints }.{ $provider-notes ->
            [gmail] {" "}Google lehnt das normale Kontopasswort ab: Verwenden Sie ein App-Passwort (erfordert die Bestätigung in zwei Schritten) oder OAuth2. Auf 587 bietet Google die Anmeldung erst nach STARTTLS an.
            [google-relay] {" "}Das Relay akzeptiert entweder eine IP-Zulassungsliste, die der Workspace-Admin festlegt, oder SMTP AUTH – je nach Einstellung in der Admin-Konsole.
            [microsoft365] {" "}Microsoft 365 ist nur auf 587 mit STARTTLS erreichbar; 465 gibt es nicht.
            [icloud] {" "}App-spezifische Passwörter für iCloud erfordern die Zwei-Faktor-Authentifizierung für den Apple Account.
            [zoho] {" "}Zoho akzeptiert das Kontopasswort oder, bei aktiver Zwei-Faktor-Authentifizierung, ein App-Passwort. Zoho sendet nur von der eigenen Adresse des Kontos oder ihren Aliasen. Organisationskonten verwenden smtppro.zoho.*; nehmen Sie die Domain Ihres Rechenzentrums (zoho.eu, zoho.in, …).
            [fastmail] {" "}Fastmail empfiehlt 465 mit TLS/SSL; 587 mit STARTTLS funktioniert, wird aber nicht empfohlen.
            [ses] {" "}SES-SMTP-Zugangsdaten gelten pro Region: Verwenden Sie den Host der Region, in der sie erstellt wurden. Die Absenderidentität muss in derselben Region bestätigt sein; Sandbox-Konten senden nur an bestätigte Empfänger.
            [sendgrid] {" "}SendGrid braucht eine bestätigte Absenderidentität.
            [mailgun] {" "}Verwenden Sie das SMTP-Passwort der Domain, nicht das Kontopasswort. Konten in den USA (smtp.mailgun.org) und der EU (smtp.eu.mailgun.org) sind getrennt.
            [postmark] {" "}Postmark hat keinen Port 465: Eine Verbindung dorthin hängt.
            [brevo] {" "}Der Benutzername ist der SMTP-Login aus den Einstellungen „SMTP & API“ des Kontos.
            [mailjet] {" "}Das Passwort ist der geheime API-Schlüssel; Absenderadresse oder Domain müssen in Mailjet bestätigt sein.
           *[other] {""}
        } Quelle: { $source } (geprüft am { $checked }).
       *[other] Seine dokumentierten Einstellungen werden hier angezeigt.
    }

dns-not-found = { $case ->
        [host] { $host } existiert im DNS nicht.
       *[other] Der Servername existiert nicht.
    }
    .help = Prüfen Sie die Schreibweise des SMTP-Servers; der Name ist im DNS nicht eingetragen.

dns-no-address = { $case ->
        [host] { $host } existiert, hat aber keine IP-Adresse.
       *[other] Der Servername existiert, hat aber keine IP-Adresse.
    }
    .help = Der Name hat keinen A- oder AAAA-Eintrag. Vielleicht ist er eine Mail-Domain (MX) statt eines Servernamens; verwenden Sie den SMTP-Server, den Ihr Anbieter angibt.

dns-timeout = { $case ->
        [host] Die DNS-Abfrage von { $host } lief in eine Zeitüberschreitung, obwohl der Resolver andere Fragen beantwortet: Die Nameserver von { $host } antworten nicht.
        [deadline] Das Zeitlimit des Tests von { $seconds } s lief beim Nachschlagen des Servers ab.
       *[other] Die DNS-Abfrage wurde nicht rechtzeitig beantwortet.
    }
    .help = Der Resolver hat nicht geantwortet. Versuchen Sie es erneut; bleibt es so, sind die Nameserver der Domain nicht erreichbar.

dns-failed = { $case ->
        [rcode] Die DNS-Abfrage von { $host } ist fehlgeschlagen: Der Resolver antwortete { $rcode }.
        [error] Die DNS-Abfrage von { $host } ist fehlgeschlagen: { $error }.
       *[other] Die DNS-Abfrage ist fehlgeschlagen.
    }
    .help = Der Resolver antwortete mit einem Fehler (SERVFAIL oder REFUSED): Die Nameserver der Domain sind defekt oder verweigern die Antwort. Deren DNS-Verwaltung muss das beheben; versuchen Sie es später erneut.

dns-address-changed = { $host } löst jetzt zu { $after } auf (vorher: { $before }).
    .help = Meist hat der Anbieter den Server umgezogen; solange Mail ausgeht, ist nichts zu tun. Stehen die Adressen des Servers in einer Firewall-Freigabe, passen Sie die Liste an.

probe-dns-unavailable = { $case ->
        [host] Der Testdienst konnte { $host } nicht nachschlagen: Sein eigener DNS-Resolver antwortet nicht. Ihre Einstellungen wurden nicht getestet.
       *[other] Der Testdienst erreicht seinen DNS-Resolver nicht.
    }
    .help = Das ist ein Problem des Testdienstes, nicht Ihrer Einstellungen: Sie müssen nichts ändern. Versuchen Sie es in ein paar Minuten erneut.

policy-blocked-address = { $case ->
        [address] { $address } ist eine interne Adresse, die unser Testdienst nicht anspricht.
        [name] { $host } führt zu einer internen Adresse, die unser Testdienst nicht anspricht.
       *[other] Der Servername führt zu einer internen Adresse, die unser Testdienst nicht anspricht.
    }
    .help = Aus Sicherheitsgründen verbindet sich der Testdienst nur mit öffentlichen Adressen. Verwenden Sie den öffentlichen Namen des Servers.

policy-blocked-port = { $case ->
        [port] Unser Testdienst verbindet sich nicht mit Port { $port }.
        [host-port] Unser Testdienst verbindet sich nicht mit Port { $port } dieses Servers.
       *[other] Der Testdienst verbindet sich nicht mit diesem Port.
    }
    .help = { $case ->
        [port] Er testet nur diese Ports: { $allowed }. Verwenden Sie den SMTP-Port Ihres Anbieters.
        [host-port] Er testet nur diese Ports: { $allowed }. Verwenden Sie den SMTP-Port Ihres Anbieters.
       *[other] Er testet nur die üblichen Mail-Ports (25, 465, 587, 2525). Verwenden Sie den Port, den Ihr Anbieter angibt.
    }

policy-blocked-recipient = { $case ->
        [invalid] Der Empfänger ist nicht verwendbar: { $error }.
        [other-recipient] Der Test sendet nur an Ihre eigene Absenderadresse ({ $from }), nicht an { $recipient }.
       *[other] Der Test sendet nur an Ihre eigene Absenderadresse.
    }
    .help = Die Prüfungen von Absender und Versand verwenden die Absenderadresse als Empfänger, damit der Test nie E-Mails an Fremde zustellt. Lassen Sie den Empfänger leer oder bitten Sie den Betreiber, dessen Domain zuzulassen.

tcp-refused = { $case ->
        [addresses] { $addresses } hat die Verbindung auf Port { $port } abgelehnt.
       *[other] Der Server hat die Verbindung abgelehnt.
    }
    .help = Auf diesem Port lauscht nichts, oder eine Firewall weist die Verbindung ab. Prüfen Sie den Port.

tcp-timeout = { $case ->
        [addresses] Keine Antwort von { $addresses }: Zeitüberschreitung beim Verbindungsaufbau.
        [deadline] Das Zeitlimit des Tests von { $seconds } s lief beim Verbinden ab.
       *[other] Zeitüberschreitung beim Verbindungsaufbau.
    }
    .help = Es kam überhaupt keine Antwort: Eine Firewall verwirft die Verbindung, oder der Server nimmt nur zugelassene IP-Adressen an.{ $allowlist ->
        [yes] {" "}Dieser Test verbindet sich von { $egress }; bitten Sie die Verwaltung des Servers, diese Adressen zuzulassen.
       *[no] {""}
    }{ $blocked ->
        [yes] {" "}Manche Hosting-Plattformen sperren ausgehenden Port { $port } ({ $blockers }): Läuft Ihre Anwendung dort, nutzen Sie einen anderen Port eines Versanddienstes: { $alternatives }.
       *[no] {""}
    }

tcp-unreachable = { $case ->
        [addresses] { $addresses } ist von unserem Testdienst aus nicht erreichbar.
        [mixed] Keine Verbindung möglich ({ $failures }).
       *[other] Das Netz des Servers ist nicht erreichbar.
    }
    .help = Von unserem Testdienst führt kein Weg zu dieser Adresse.

tcp-some-addresses-failed = { $case ->
        [addresses] { $failed } schlug fehl; { $connected } funktionierte, und der Test machte damit weiter.
        [no-ipv6-route] { $failed } schlug fehl; { $connected } funktionierte, und der Test machte damit weiter.
       *[other] Einige Adressen des Servers haben nicht geantwortet.
    }
    .help = { $case ->
        [no-ipv6-route] Die IPv6-Adressen sind von unserem Testdienst aus nicht erreichbar (er hat keine IPv6-Route), IPv4 funktioniert aber: Über den Server sagt das nichts. Programme ohne IPv6 weichen wie der Test auf IPv4 aus.
       *[other] Der Servername hat mehrere Adressen, und nicht alle funktionieren. Programme, die eine tote erwischen, scheitern oder warten; die Verwaltung des Servers sollte diese DNS-Einträge reparieren oder entfernen.
    }

smtp-no-greeting = { $case ->
        [seconds] Verbunden, aber innerhalb von { $seconds } s kam kein Gruß.
        [no-tls-either] Verbunden, aber innerhalb von { $seconds } s kam kein Gruß, und der Port antwortet auch nicht verschlüsselt.
        [after-tls] Die Verbindung wurde verschlüsselt, aber es kam kein SMTP-Gruß.
       *[other] Der Server hat die Verbindung angenommen, aber nicht gegrüßt.
    }
    .help = { $case ->
        [no-tls-either] Die Sicherheitseinstellung ist nicht die Ursache: Weder unverschlüsseltes SMTP noch TLS bekam eine Antwort. Der Server ist überlastet, bremst Clients, denen er misstraut (Tarpit), oder etwas dazwischen hält die Verbindung offen. Versuchen Sie es später erneut; bleibt es so, fragen Sie die Verwaltung des Servers, ob die Adresse unseres Testdienstes zugelassen ist.
       *[other] Ein SMTP-Server grüßt sofort mit 220. Schweigen bedeutet meist, dass der Port Verschlüsselung ab dem ersten Byte erwartet: Wählen Sie TLS/SSL.
    }

smtp-greeting-rejected = { $case ->
        [reply] Der Server hat diese Verbindung schon beim Gruß abgewiesen ({ $reply-code }).
       *[other] Der Server hat diesen Client schon beim Gruß abgewiesen.
    }
    .help = Der Server lehnt Verbindungen von unserer Adresse ab (Zulassungs- oder Sperrliste). Bitten Sie die Verwaltung des Servers, die Adressen des Testdienstes zuzulassen.

smtp-ehlo-rejected = { $case ->
        [helo-works] Der Server hat unseren Gruß (EHLO, { $reply-code }) abgelehnt, das ältere HELO aber angenommen: Er bietet keine Erweiterungen an, also weder Verschlüsselung noch Anmeldung, und keine Größengrenze ist bekannt.
        [both] Der Server hat unseren Gruß (EHLO, { $reply-code }) und das ältere HELO abgelehnt: Mit unserem Testdienst beginnt er keine Mail-Sitzung.
       *[other] Der Server hat unseren Gruß (EHLO) abgelehnt.
    }
    .help = { $case ->
        [both] Ein Server, der beide Grüße ablehnt, lehnt diesen Client ab: Fragen Sie seine Verwaltung, ob die Adresse des Testdienstes zugelassen ist.
       *[other] Ohne ihn bietet ein Server weder Verschlüsselung noch Anmeldung an. Der Server ist sehr alt oder falsch eingerichtet; fragen Sie seine Verwaltung.
    }

smtp-helo-rejected = { $case ->
        [name] Der Server hat den Namen abgelehnt, mit dem sich der Testdienst vorgestellt hat ({ $name }), nicht Ihre Einstellungen ({ $reply-code }).
       *[other] Der Server hat den Namen abgelehnt, mit dem sich der Testdienst vorgestellt hat.
    }
    .help = { $case ->
        [name] Server, die den EHLO-Namen prüfen, wollen einen echten Hostnamen, der auf die Adresse des Clients verweist. Der Betreiber dieses Testdienstes muss ihn mit --helo und seinem öffentlichen Hostnamen starten (derzeit { $name }). Ihre Einstellungen sind womöglich richtig: Ihre Anwendung stellt sich mit ihrem eigenen Namen vor.
       *[other] Der Server prüft den EHLO/HELO-Namen. Das ist eine Einstellung des Testdienstes, nicht Ihre: Sein Betreiber setzt mit --helo einen echten, auflösbaren Hostnamen.
    }

smtp-temporary-failure = { $case ->
        [greylisted] Der Server hat { $command ->
            [mail-from] den Absender (MAIL FROM)
           *[rcpt-to] den Empfänger (RCPT TO)
        } zurückgestellt ({ $reply-code }), offenbar Greylisting: eine vorübergehende Ablehnung, keine endgültige.
        [deferred] Der Server hat { $command ->
            [mail-from] den Absender (MAIL FROM)
           *[rcpt-to] den Empfänger (RCPT TO)
        } zurückgestellt ({ $reply-code }): eine vorübergehende Ablehnung, keine endgültige.
       *[other] Der Server lehnt vorübergehend ab (4xx).
    }
    .help = Eine vorübergehende Ablehnung (Greylisting, volle Warteschlange, ein lokales Problem) ist kein Einstellungsfehler: E-Mail-Programme versuchen es erneut und haben meist später Erfolg. Wiederholen Sie den Test in ein paar Minuten.

smtp-busy = { $case ->
        [greeting] Der Server ist ausgelastet und hat die Verbindung sofort beendet (421).
       *[other] Der Server ist ausgelastet oder beendet die Verbindung (421).
    }
    .help = Versuchen Sie es später erneut; bleibt es so, begrenzt der Server vielleicht Verbindungen von dieser Adresse.

smtp-slow-greeting = { $case ->
        [seconds] Der Server hat erst nach { $seconds } s gegrüßt.
       *[other] Der Server hat mehrere Sekunden bis zum Gruß gebraucht.
    }
    .help = Ein langsamer Gruß deutet auf eine Bremse (Tarpit), einen überlasteten Server oder Filter hin; manche Programme geben vorher auf.

smtp-timeout = { $case ->
        [deadline] Das Zeitlimit des Tests von { $seconds } s lief ab, bevor der Server fertig geantwortet hatte.
       *[other] Der Server antwortet nicht mehr.
    }
    .help = Der Server hat einen Befehl angenommen, aber nicht rechtzeitig geantwortet. Er ist vielleicht überlastet, oder eine Firewall dazwischen trennt die Verbindung.

smtp-closed = { $case ->
        [io] Die Verbindung ist fehlgeschlagen: { $error }.
        [while-sending] Die Verbindung ist beim Senden fehlgeschlagen: { $error }.
       *[other] Der Server hat die Verbindung beendet.
    }
    .help = Der Server hat mitten in der Sitzung aufgelegt; seine letzte Antwort davor, falls es eine gab, nennt den Grund.

smtp-protocol-error = { $case ->
        [too-long] Die Antwort des Servers überschritt die Grenzen unseres Tests (Zeilenlänge, Zeilenzahl oder Größe).
        [cram-md5] Die CRAM-MD5-Herausforderung des Servers war kein gültiges Base64.
        [line-break] Unser Test hat sich geweigert, einen Befehl mit Zeilenumbruch zu senden.
        [starttls-injection] Der Server hat nach seiner STARTTLS-Antwort weitere Daten geschickt; der Test hat aufgehört (ein möglicher Einschleusungsangriff).
       *[other] Die Antwort des Servers verletzt das SMTP-Protokoll.
    }
    .help = Die Antwort war zu lang, hatte zu viele Zeilen oder war keine SMTP-Antwort; der Test hat zu seinem Schutz aufgehört zu lesen.

smtp-not-smtp = { $case ->
        [greeting] Der Server grüßte mit { $reply-code } statt mit 220.
        [peer] Dieser Port antwortet wie { $peer ->
            [http] ein Webserver (HTTP)
            [imap] ein IMAP-Server (zum Empfangen)
            [pop3] ein POP3-Server (zum Empfangen)
            [ssh] ein SSH-Server
           *[other] etwas, das kein SMTP-Server ist
        }, nicht wie ein SMTP-Server.
       *[other] Der Server spricht auf diesem Port kein SMTP.
    }
    .help = Hier antwortet etwas anderes (Web, IMAP, …). Prüfen Sie Server und Port.

tls-expected-implicit = { $case ->
        [verified] Port { $port } blieb bei einer unverschlüsselten Verbindung stumm, antwortete aber verschlüsselt: Er erwartet TLS ab dem ersten Byte.
        [cert-problem] Port { $port } blieb bei einer unverschlüsselten Verbindung stumm, antwortete aber verschlüsselt: Er erwartet TLS ab dem ersten Byte.
       *[other] Dieser Port erwartet Verschlüsselung (TLS) ab dem ersten Byte.
    }
    .help = { $case ->
        [verified] Wählen Sie TLS/SSL; geprüft: Eine verschlüsselte Verbindung zu Port { $port } funktioniert.
        [cert-problem] Wählen Sie TLS/SSL. Eine verschlüsselte Verbindung zu Port { $port } funktioniert, aber ihr Zertifikat hat ein Problem, das die nächste Prüfung zeigt.
       *[other] Wählen Sie für diesen Port TLS/SSL.
    }

tls-expected-starttls = { $case ->
        [plain-answer] Port { $port } antwortete unverschlüsselt statt mit TLS.
        [verified] Port { $port } antwortete unverschlüsselt statt mit TLS.
        [starttls-failed-too] Port { $port } antwortete unverschlüsselt statt mit TLS.
       *[other] Dieser Port beginnt unverschlüsselt und schaltet dann mit STARTTLS auf Verschlüsselung um.
    }
    .help = { $case ->
        [verified] Dieser Port spricht zuerst unverschlüsseltes SMTP und verschlüsselt dann mit STARTTLS; geprüft: STARTTLS auf Port { $port } funktioniert.
        [starttls-failed-too] Dieser Port spricht zuerst unverschlüsseltes SMTP, aber auch die Umschaltung mit STARTTLS hat nicht funktioniert; versuchen Sie Port 465 mit TLS/SSL oder fragen Sie Ihren Anbieter.
       *[other] Wählen Sie für diesen Port STARTTLS.
    }

tls-starttls-unavailable = { $case ->
        [refused] Der Server bot STARTTLS an, lehnte es aber ab ({ $reply-code }).
        [port] Der Server auf Port { $port } bietet kein STARTTLS an.
       *[other] Der Server bietet kein STARTTLS an.
    }
    .help = Der Server kann diese Verbindung nicht verschlüsseln. Versuchen Sie Port 465 mit TLS/SSL.

tls-client-cert-required = { $case ->
        [alert] Der Server verlangte ein Client-Zertifikat und beendete die Sitzung mit der Meldung „{ $alert }“, als keines kam.
        [closed] Der Server verlangte ein Client-Zertifikat und schloss die Sitzung, als keines kam ({ $error }).
        [handshake] Der Server verlangte ein Client-Zertifikat und brach den Verbindungsaufbau ab, als keines kam ({ $error }).
       *[other] Der Server verlangt ein Client-Zertifikat.
    }
    .help = Dieser Server nimmt nur Clients an, die ein ihm vertrautes Zertifikat vorlegen (gegenseitiges TLS). Verwenden Sie für Anwendungen den Einlieferungsdienst des Anbieters oder fragen Sie die Verwaltung des Servers.

tls-server-misconfigured = { $case ->
        [starttls-refused] Der Server bot STARTTLS an, lehnte es dann aber ab ({ $reply-code }): Seine Verschlüsselung ist defekt (so antwortet Postfix, wenn es sein Zertifikat oder seinen Schlüssel nicht laden kann).
        [internal-error] Der Server brach den Aufbau der Verschlüsselung mit der Meldung „internal_error“ ab: ein Fehler auf seiner Seite, egal was der Client anbietet.
       *[other] Die Verschlüsselung (TLS) des Servers ist auf seiner Seite defekt.
    }
    .help = { $other ->
        [works] Informieren Sie die Verwaltung des Servers: Zertifikat, Schlüssel oder Verschlüsselungsbibliothek sind defekt (OpenSMTPD 6.8 mit OpenSSL 3 tut das bei jeder Verbindung). Bis dahin funktioniert { $other-security } auf Port { $other-port }: auf einer zweiten Verbindung geprüft.
        [fails] Informieren Sie die Verwaltung des Servers: Zertifikat, Schlüssel oder Verschlüsselungsbibliothek sind defekt (OpenSMTPD 6.8 mit OpenSSL 3 tut das bei jeder Verbindung). { $other-security } auf Port { $other-port } wurde ebenfalls versucht und funktioniert auch nicht: Keine Einstellung hilft, bis der Server repariert ist.
        [no-answer] Informieren Sie die Verwaltung des Servers: Zertifikat, Schlüssel oder Verschlüsselungsbibliothek sind defekt (OpenSMTPD 6.8 mit OpenSSL 3 tut das bei jeder Verbindung). Port { $other-port } ({ $other-security }) antwortet unserem Testdienst nicht, daher ist keine andere Einstellung bekannt, die funktioniert.
       *[other] Der Server hat den Aufbau der Verschlüsselung wegen eines eigenen Problems abgebrochen (etwa ein Zertifikat oder Schlüssel, den er nicht verwenden kann). Keine Ihrer Einstellungen kann das beheben: Informieren Sie die Verwaltung des Servers.
    }

tls-handshake-failed = { $case ->
        [alert] Der Server brach den Aufbau der Verschlüsselung mit der Meldung „{ $alert }“ ab.
        [error] Die Verschlüsselung (TLS) konnte nicht aufgebaut werden: { $error }.
        [closed] Der Server schloss die Verbindung beim Aufbau der Verschlüsselung ({ $error }).
        [timeout] Der Server hat beim Aufbau der Verschlüsselung nicht rechtzeitig geantwortet.
        [server-name] Der Servername taugt nicht für eine verschlüsselte Verbindung.
        [setup] Die Verschlüsselung konnte nicht vorbereitet werden: { $error }.
        [plain-answer] Der Server antwortete beim Aufbau der Verschlüsselung unverschlüsselt.
       *[other] Die Verschlüsselung (TLS) konnte nicht aufgebaut werden.
    }
    .help = { $case ->
        [alert] Der Server akzeptiert keine der Protokollversionen und Verschlüsselungen, die ein aktueller Client anbietet (TLS 1.2/1.3 mit modernen Verfahren); seine Einrichtung ist veraltet oder defekt.
       *[other] Server und Test haben keine gemeinsame TLS-Version oder Verschlüsselung, oder der Server hat abgebrochen. Versuchen Sie die andere Sicherheitseinstellung oder fragen Sie die Verwaltung des Servers.
    }

tls-old-protocol = { $case ->
        [version] Der Server spricht nur { $version } (er hat es in seiner Antwort gewählt); dieser Client braucht wie jeder aktuelle TLS 1.2 oder 1.3.
        [refused] Der Server lehnte TLS 1.2 und 1.3 ab: Er spricht nur TLS 1.1 oder älter.
        [legacy-version] Der Server spricht nur { $version } (er hat es gewählt, als TLS 1.1 angeboten wurde); dieser Client braucht wie jeder aktuelle TLS 1.2 oder 1.3.
        [client-refused] Der Server hat die TLS-Version dieser Verbindung abgelehnt ({ $reply-code }): Er nimmt nur TLS 1.2 oder neuer an.
       *[other] Der Server spricht nur eine alte TLS-Version.
    }
    .help = { $case ->
        [version] TLS 1.0 und 1.1 sind in aktuellen Programmen und Bibliotheken abgeschaltet. Die Verwaltung des Servers muss TLS 1.2 oder neuer einschalten; keine Client-Einstellung kann das beheben.
        [refused] TLS 1.0 und 1.1 sind in aktuellen Programmen und Bibliotheken abgeschaltet. Die Verwaltung des Servers muss TLS 1.2 oder neuer einschalten; keine Client-Einstellung kann das beheben.
        [legacy-version] TLS 1.0 und 1.1 sind in aktuellen Programmen und Bibliotheken abgeschaltet. Die Verwaltung des Servers muss TLS 1.2 oder neuer einschalten; keine Client-Einstellung kann das beheben.
        [client-refused] Dieser Test sprach TLS 1.2 oder neuer; etwas auf dem Weg (ein TLS prüfender Proxy oder eine Firewall) hat es herabgestuft. Zeigt Ihre Anwendung diese Antwort, ist ihre TLS-Bibliothek zu alt: Schalten Sie TLS 1.2 ein (im .NET Framework: 4.7 oder neuer, oder SecurityProtocol Tls12) oder aktualisieren Sie sie.
       *[other] TLS 1.0 und 1.1 sind veraltet und werden von vielen Programmen abgelehnt.
    }

tls-cert-expired = { $case ->
        [dates] Das Zertifikat des Servers ist abgelaufen (gültig von { $not-before } bis { $not-after }).
       *[other] Das Zertifikat des Servers ist abgelaufen.
    }
    .help = Die Verwaltung des Servers muss das Zertifikat erneuern.

tls-cert-not-yet-valid = { $case ->
        [dates] Das Zertifikat des Servers ist noch nicht gültig (gültig von { $not-before } bis { $not-after }).
       *[other] Das Zertifikat des Servers ist noch nicht gültig.
    }
    .help = Das Startdatum des Zertifikats liegt in der Zukunft; die Uhr des Servers oder das Zertifikat ist falsch.

tls-cert-name-mismatch = { $case ->
        [names] Das Zertifikat gilt für { $names }, nicht für { $host }.
        [other-names] Das Zertifikat gilt für andere Namen, nicht für { $host }.
       *[other] Das Zertifikat des Servers gilt für einen anderen Namen.
    }
    .help = { $case ->
        [names] Verwenden Sie einen Servernamen, den das Zertifikat abdeckt: { $names }.
       *[other] Verwenden Sie einen Servernamen, den das Zertifikat abdeckt.
    }

tls-cert-untrusted = { $case ->
        [self-signed] Das Zertifikat des Servers ist selbst signiert.
        [unknown-issuer] Das Zertifikat des Servers stammt von einer unbekannten Stelle ({ $issuer }).
        [refused] Das Zertifikat des Servers wurde abgelehnt: { $error }.
       *[other] Dem Zertifikat des Servers wird nicht vertraut.
    }
    .help = { $case ->
        [self-signed] Programme lehnen es ab. Der Server braucht ein Zertifikat einer öffentlichen Stelle (z. B. Let's Encrypt); bei einer internen Stelle geben Sie unserem Testdienst deren Stammzertifikat mit --ca-file.
        [unknown-issuer] Programme lehnen es ab. Der Server braucht ein Zertifikat einer öffentlichen Stelle (z. B. Let's Encrypt); bei einer internen Stelle geben Sie unserem Testdienst deren Stammzertifikat mit --ca-file.
       *[other] Es ist selbst signiert oder von einer unbekannten Stelle ausgestellt.
    }

tls-cert-expiring = Das Zertifikat des Servers läuft in { $days ->
        [one] einem Tag
       *[other] { $days } Tagen
    } ab ({ $not-after }).
    .help = Die Verwaltung des Servers muss das Zertifikat vorher erneuern; ab diesem Tag verweigert jeder Client, der Zertifikate prüft, die Verbindung.

tls-cert-replaced = Der Server zeigt jetzt ein anderes Zertifikat (ausgestellt von { $issuer }, gültig bis { $not-after }).
    .help = Meist eine gewöhnliche Erneuerung: nichts zu tun. Scheitern Verbindungen ab jetzt, ist das neue Zertifikat das Erste, was zu prüfen ist.

auth-not-offered = { $case ->
        [encrypted] Anmeldedaten wurden angegeben, aber der Server bietet keine Anmeldung an: Sie wurden nicht geprüft. Vielleicht ist er ein Relay, das keine Anmeldung braucht (dann entfernen Sie die Anmeldedaten), oder er nimmt nur zugelassene IP-Adressen an.
        [plain] Anmeldedaten wurden angegeben, aber der Server bietet auf dieser unverschlüsselten Verbindung keine Anmeldung an: Sie wurden nicht geprüft. Die meisten Server bieten die Anmeldung erst nach STARTTLS an.
       *[other] Anmeldedaten wurden angegeben, aber der Server bietet keine Anmeldung an.
    }
    .help = Der Server bietet hier kein AUTH an; Ihre Anmeldedaten wurden nicht geprüft. Vielleicht bietet er AUTH erst nach STARTTLS an, oder er ist ein Relay, das keine Anmeldung braucht.

auth-mechanism-unsupported = { $case ->
        [refused] Der Server hat die Anmeldemethode abgelehnt.
        [oauth-only] Der Server nimmt nur OAuth2-Zugriffstokens an ({ $offered }), keine Passwörter.
        [password-only] Der Server bietet nur Anmeldungen per Passwort an ({ $offered }): Ein Zugriffstoken lässt sich hier nicht verwenden.
        [none-known] Der Server bietet { $offered } an, aber keine Anmeldemethode, die dieses Werkzeug spricht.
        [not-offered] Der Server bietet { $offered } an, aber nicht { $wanted }.
        [use-auto] Der Server bietet { $offered } an, aber nicht { $wanted }.
       *[other] Der Server bietet die gewählte Anmeldemethode nicht an.
    }
    .help = { $case ->
        [oauth-only] Hier funktioniert kein Passwort. Melden Sie sich mit OAuth2 an (Anmeldemethode oauth2), oder nutzen Sie den SMTP-Dienst des Anbieters, der App-Passwörter annimmt.
        [password-only] Verwenden Sie das Passwort (oder App-Passwort) des Kontos mit der Anmeldemethode password, oder einen Server des Anbieters, der OAuth2 annimmt.
        [use-auto] Der Server bietet { $usable } an; mit „auto“ verwendet der Test diese Methode.
       *[other] Wählen Sie „auto“ oder eine Methode, die der Server anbietet.
    }

auth-requires-tls = { $case ->
        [mail] Der Server verlangt Verschlüsselung, bevor er E-Mails annimmt.
       *[other] Der Server verlangt Verschlüsselung vor der Anmeldung.
    }
    .help = { $case ->
        [mail] Wählen Sie STARTTLS (oder TLS/SSL auf Port 465): Dieser Server lehnt unverschlüsselte Sitzungen ab.
       *[other] Wählen Sie STARTTLS oder TLS/SSL.
    }

auth-failed = { $case ->
        [reply] { $who ->
            [provider] { $provider } hat Benutzername oder Passwort abgelehnt ({ $reply-code }).
           *[server] Der Server hat Benutzername oder Passwort abgelehnt ({ $reply-code }).
        }
       *[other] Benutzername oder Passwort wurde abgelehnt.
    }
    .help = { $hint ->
        [m365-credentials] Laut Microsoft 365 sind die Zugangsdaten falsch oder SMTP AUTH ist für dieses Postfach aus; prüfen Sie beides oder verwenden Sie OAuth2.
        [gmail-credentials] Google lehnt normale Kontopasswörter ab: Erstellen Sie ein App-Passwort (erfordert die Bestätigung in zwei Schritten) und verwenden Sie die vollständige Adresse als Benutzernamen.
       *[other] Prüfen Sie Benutzername und Passwort; viele Anbieter verlangen für SMTP ein App-Passwort.
    }

auth-app-password-required = { $case ->
        [reply] { $who ->
            [provider] { $provider } verlangt für dieses Konto ein App-Passwort.
           *[server] Der Server verlangt für dieses Konto ein App-Passwort.
        }
        [url] { $who ->
            [provider] { $provider } verlangt für dieses Konto ein App-Passwort.
           *[server] Der Server verlangt für dieses Konto ein App-Passwort.
        }
       *[other] Der Anbieter verlangt ein App-Passwort.
    }
    .help = { $case ->
        [url] Erstellen Sie unter { $url } ein App-Passwort (die Bestätigung in zwei Schritten muss aktiv sein) und verwenden Sie es statt Ihres Kontopassworts.
       *[other] Erstellen Sie in den Sicherheitseinstellungen Ihres Kontos ein App-Passwort und verwenden Sie es hier.
    }

auth-disabled-by-provider = { $case ->
        [reply] { $who ->
            [provider] Bei { $provider } ist die SMTP-Anmeldung für dieses Konto ausgeschaltet.
           *[server] Auf dem Server ist die SMTP-Anmeldung für dieses Konto ausgeschaltet.
        }
       *[other] Die SMTP-Anmeldung ist für dieses Konto ausgeschaltet.
    }
    .help = { $hint ->
        [m365-tenant] SMTP AUTH ist für die ganze Organisation ausgeschaltet. Eine Exchange-Administratorin schaltet es mit Set-TransportConfig -SmtpClientAuthenticationDisabled $false ein (und für ein Postfach, bei dem es ebenfalls aus ist, mit Set-CASMailbox -Identity <Postfach> -SmtpClientAuthenticationDisabled $false). Auch OAuth2-Anmeldungen brauchen es.
        [m365-mailbox] SMTP AUTH ist für dieses Postfach ausgeschaltet. Eine Exchange-Administratorin schaltet es mit Set-CASMailbox -Identity <Postfach> -SmtpClientAuthenticationDisabled $false ein (Microsoft 365 Admin Center: der Benutzer, E-Mail, E-Mail-Apps verwalten, Authentifiziertes SMTP). Auch OAuth2-Anmeldungen brauchen es.
        [m365-basic-off] Microsoft 365 lehnt hier Passwörter ab (Sicherheitsstandards, oder die einfache Authentifizierung ist für die Übermittlung abgeschafft): Melden Sie sich stattdessen mit OAuth2 an.
        [m365-disabled] In Microsoft 365 muss eine Administratorin „Authentifiziertes SMTP“ für das Postfach aktivieren (und im Mandanten erlauben), oder die Anwendung meldet sich mit OAuth2 (XOAUTH2) an.
       *[other] Das Konto oder seine Organisation hat die SMTP-Anmeldung ausgeschaltet; eine Administratorin muss sie einschalten, oder verwenden Sie OAuth2.
    }

auth-rate-limited = { $case ->
        [reply] { $who ->
            [provider] { $provider } lehnt die Anmeldung vorerst ab: zu viele Versuche.
           *[server] Der Server lehnt die Anmeldung vorerst ab: zu viele Versuche.
        }
       *[other] Zu viele Anmeldeversuche.
    }
    .help = Warten Sie ein paar Minuten, bevor Sie es erneut versuchen.

sender-rejected = { $case ->
        [login-required] Der Server verlangt eine Anmeldung, bevor er einen Absender annimmt.
        [mail-from] Der Server hat diese Absenderadresse abgelehnt ({ $reply-code }).
        [rcpt-to] Der Server lässt diesen Login nicht unter dieser Adresse senden.
        [data] Der Server lässt nicht unter dieser Adresse senden.
       *[other] Dieser Login darf nicht unter dieser Adresse senden.
    }
    .help = { $case ->
        [login-required] Geben Sie Benutzername und Passwort an; dieser Server leitet für anonyme Clients nichts weiter.
       *[other] Senden Sie von der eigenen Adresse des Logins oder richten Sie diese Adresse als Alias ein, unter dem das Konto senden darf.
    }

sender-smtputf8-required = { $case ->
        [address] { $address } enthält Zeichen außerhalb von ASCII, und dieser Server bietet kein SMTPUTF8 an: Er kann sie nicht annehmen (es wurde nichts gesendet).
       *[other] Die Adresse enthält Zeichen außerhalb von ASCII, und der Server nimmt solche Adressen nicht an.
    }
    .help = Der Server bietet kein SMTPUTF8 an und kann daher keine Adresse mit Nicht-ASCII-Zeichen annehmen. Verwenden Sie zum Senden eine ASCII-Adresse (einen Alias).

recipient-rejected = { $case ->
        [reply] Der Server hat den Empfänger abgelehnt ({ $reply-code }).
        [unreachable] Ihr Server konnte den Mailserver des Empfängers für { $domain } nicht erreichen und hat aufgegeben.
        [no-domain] Die Domain des Empfängers, { $domain }, gibt es nicht: Sie hat keinen Mailserver.
       *[other] Der Server hat den Empfänger abgelehnt.
    }
    .help = { $case ->
        [unreachable] Die Domain des Empfängers hat vielleicht keinen funktionierenden Mailserver, oder dessen Server nimmt keine Verbindungen von Ihrem an. Prüfen Sie die Adresse; stimmt sie, kann der Administrator des Empfängers sagen, warum sein Server nicht antwortet.
        [no-domain] Prüfen Sie die Adresse auf einen Tippfehler in der Domain.
       *[other] Der Server nimmt keine E-Mails für diesen Empfänger an.
    }

send-rejected = { $case ->
        [reply] Der Server hat die Nachricht abgelehnt ({ $reply-code }).
        [unbuildable] Die Testnachricht konnte nicht erstellt werden: { $error }.
       *[other] Der Server hat die Nachricht abgelehnt.
    }
    .help = Die Nachricht wurde nach dem Senden abgelehnt; die Antwort des Servers nennt den Grund.

send-sender-unverified = { $case ->
        [reply] Der Anbieter hat die Nachricht abgelehnt: Die Absenderadresse ist nicht bestätigt.
       *[other] Der Anbieter hat einen nicht bestätigten Absender abgelehnt.
    }
    .help = Bestätigen Sie diese Absenderadresse oder Domain in der Konsole des Anbieters und versuchen Sie es erneut.

send-too-large = { $case ->
        [announced] Der Server hat die angekündigte Größe der Nachricht abgelehnt ({ $reply-code }).
        [data] Der Server hat die Testnachricht als zu groß abgelehnt ({ $reply-code }).
        [size-limit] Der Server nimmt Nachrichten bis höchstens { $limit } Byte an (SIZE { $limit }); die Testnachricht mit { $size } Byte ist größer, wie fast jede echte. Es wurde nichts gesendet.
       *[other] Die Nachricht ist größer, als der Server annimmt.
    }
    .help = Die Größenbeschränkung des Servers (SIZE) liegt unter der Nachricht; selbst kleine Nachrichten werden abgelehnt. Seine Verwaltung muss die Grenze anheben.

send-ok = { $case ->
        [queued] Die Testnachricht an { $recipient } wurde angenommen (Warteschlangen-ID { $queue-id }).
        [accepted] Die Testnachricht an { $recipient } wurde angenommen.
       *[other] Die Testnachricht wurde angenommen.
    }
    .help = Der Server hat die Nachricht zur Zustellung übernommen.


domain-spf-missing = { $case ->
        [suggest] { $domain } veröffentlicht keinen SPF-Eintrag; Empfänger können nicht erkennen, dass dieser Server seine E-Mails senden darf.
       *[other] { $domain } veröffentlicht keinen SPF-Eintrag.
    }
    .help = Gmail und Yahoo weisen E-Mails ab, die weder SPF noch DKIM bestehen, oder stufen sie als Spam ein. { $case ->
        [suggest] Veröffentlichen Sie einen TXT-Eintrag bei { $domain }: { $record }
       *[other] Veröffentlichen Sie einen SPF-TXT-Eintrag bei { $domain }, der die Server nennt, die seine E-Mails senden (das include steht in der Dokumentation Ihres Anbieters).
    }

domain-spf-invalid = { $case ->
        [several] { $name } veröffentlicht mehr als einen SPF-Eintrag: Empfänger werten das als Fehler und ignorieren beide.
        [syntax] Der SPF-Eintrag von { $name } enthält einen Ausdruck, den Empfänger nicht verstehen: { $term }
        [lookups] Der SPF-Eintrag braucht { $count } DNS-Abfragen; Empfänger hören bei 10 auf und werten ihn als Fehler.
        [void] Der SPF-Eintrag hat { $count } Abfragen ohne Ergebnis; Empfänger hören bei 2 auf und werten ihn als Fehler.
        [mx] Der mx-Ausdruck des SPF-Eintrags verweist auf mehr als 10 Mailserver ({ $name }); Empfänger werten das als Fehler.
        [loop] Der SPF-Eintrag von { $domain } schließt sich über { $name } selbst ein.
        [include-missing] Der SPF-Eintrag bindet { $name } ein, das keinen SPF-Eintrag hat: Empfänger werten das als Fehler.
        [redirect-missing] Der SPF-Eintrag leitet auf { $name } um, das keinen SPF-Eintrag hat: Empfänger werten das als Fehler.
       *[other] Der SPF-Eintrag von { $domain } ist nicht verwendbar.
    }
    .help = { $case ->
        [several] Führen Sie sie zu einem TXT-Eintrag zusammen, der mit v=spf1 beginnt und jedes include einmal enthält.
        [lookups] Entfernen Sie includes von Diensten, die Sie nicht mehr nutzen, oder senden Sie einen Teil der E-Mails von einer Subdomain mit eigenem Eintrag. Ersetzen Sie includes nicht durch Adresslisten („Flattening“): Anbieter ändern ihre Adressen.
        [void] Entfernen Sie die Ausdrücke, deren Namen es nicht mehr gibt.
        [include-missing] Entfernen Sie dieses include oder korrigieren Sie die Schreibweise nach der Dokumentation des Anbieters.
        [redirect-missing] Lassen Sie redirect= auf einen Namen zeigen, der einen SPF-Eintrag veröffentlicht.
       *[other] Korrigieren Sie den Eintrag zu gültigem SPF (RFC 7208); bis dahin werten Empfänger SPF bei jeder Nachricht als fehlgeschlagen.
    }

domain-spf-excludes-relay = { $case ->
        [provider] Der SPF-Eintrag von { $domain } bindet { $provider } nicht ein (include:{ $include }); darüber gesendete E-Mails bestehen SPF nicht.
        [address] Der SPF-Eintrag von { $domain } erlaubt { $host } ({ $address }) nicht: Ergebnis { $result }.
       *[other] Der SPF-Eintrag von { $domain } erlaubt diesen Server nicht.
    }
    .help = { $case ->
        [provider] Ändern Sie den vorhandenen TXT-Eintrag (fügen Sie keinen zweiten hinzu) zu: { $record }
        [address] Wenn dieser Server Ihre E-Mails selbst versendet, ändern Sie den vorhandenen TXT-Eintrag (fügen Sie keinen zweiten hinzu) zu: { $record }
       *[other] Nehmen Sie diesen Server in den einen SPF-Eintrag der Domain auf.
    }

domain-dmarc-missing = { $case ->
        [several] { $at } hat mehr als einen DMARC-Eintrag; Empfänger ignorieren daher alle.
       *[none] { $domain } hat keine DMARC-Richtlinie.
    }
    .help = { $case ->
        [several] Behalten Sie einen TXT-Eintrag bei { $at }.
       *[none] E-Mails kommen auch ohne an, aber Gmail und Yahoo (mit Abweisungen seit November 2025) und Outlook.com (550 5.7.515 seit dem 5. Mai 2025) verlangen DMARC von Massenversendern. Um zu beginnen, ohne die Zustellung zu ändern, veröffentlichen Sie einen TXT-Eintrag bei { $name }: { $record }
    }

domain-dmarc-unaligned = { $case ->
        [provider] { $domain } bittet Empfänger, E-Mails, die DMARC nicht bestehen, { $policy ->
            [reject] abzuweisen
           *[quarantine] in den Spam zu legen
        }, und über { $provider } gesendete E-Mails bestehen es nicht: Sie sind nicht für { $domain } signiert, und SPF deckt sie nicht ab.
       *[other] { $domain } bittet Empfänger, E-Mails, die DMARC nicht bestehen, { $policy ->
            [reject] abzuweisen
           *[quarantine] in den Spam zu legen
        }, und über diesen Server gesendete E-Mails bestehen es nicht.
    }
    .help = { $case ->
        [provider] Richten Sie in den Einstellungen von { $provider } die Domain-Authentifizierung für { $domain } ein: Sie nennt die DKIM-Einträge, die zu veröffentlichen sind (etwa { $name }). Die Richtlinie steht bei { $at }.
       *[other] Lassen Sie den Server mit einem DKIM-Schlüssel von { $domain } signieren, oder erlauben Sie ihn im SPF-Eintrag der Domain. Die Richtlinie steht bei { $at }.
    } Gmail, Yahoo und Outlook.com wenden DMARC-Richtlinien auf alle Absender an.

domain-dkim-missing = { $case ->
        [revoked] Die DKIM-Schlüssel, mit denen { $provider } für { $domain } signiert, sind widerrufen oder unlesbar (Selektoren { $selectors }).
       *[none] { $domain } veröffentlicht keinen DKIM-Schlüssel für { $provider } (Selektoren { $selectors }).
    }
    .help = Schalten Sie DKIM für { $domain } in den Einstellungen von { $provider } ein und veröffentlichen Sie die angezeigten Einträge (etwa { $name }). Ohne DKIM hängt alles an SPF, und Gmail und Yahoo verlangen von Massenversendern beides.

domain-dkim-weak-key = Der DKIM-Schlüssel beim Selektor { $selector } von { $domain } hat nur { $bits } Bit.
    .help = Empfänger empfehlen Schlüssel mit 2048 Bit; manche werten kürzere als schwach. Erzeugen Sie in den Einstellungen von { $provider } einen 2048-Bit-Schlüssel und veröffentlichen Sie ihn.

domain-lookup-failed = { $case ->
        [spf] Der SPF-Eintrag von { $domain } konnte nicht geprüft werden: Die DNS-Abfragen wurden nicht fertig.
        [dmarc] Die DMARC-Richtlinie von { $domain } konnte nicht geprüft werden: Die DNS-Abfragen wurden nicht fertig.
        [dkim] Die DKIM-Schlüssel von { $domain } konnten nicht geprüft werden: Die DNS-Abfragen wurden nicht fertig.
       *[other] Die Einträge von { $domain } konnten nicht geprüft werden.
    }
    .help = Das sagt nichts über Ihre Einträge: Die DNS-Server der Domain oder unsere haben nicht rechtzeitig geantwortet. Versuchen Sie es später erneut.

domain-ok = { $case ->
        [spf] Der SPF-Eintrag von { $domain } erlaubt diesen Server{ $policy ->
            [none] {"."}
           *[other] {""}, und seine DMARC-Richtlinie ({ $policy }) wird bestanden.
        }
        [dkim] { $domain } veröffentlicht den DKIM-Schlüssel, mit dem dieser Anbieter signiert{ $policy ->
            [none] {"."}
           *[other] {""}, und seine DMARC-Richtlinie ({ $policy }) wird bestanden.
        }
       *[records] Die SPF- und DMARC-Einträge von { $domain } sind in Ordnung.
    }
    .help = Empfänger können erkennen, dass dieser Server E-Mails für { $domain } senden darf.


arrival-ok = { $case ->
        [headers] { $receiver } hat die Nachricht geprüft und für { $domain } kein Authentifizierungsproblem gefunden.
       *[other] Die Testnachricht kam nach { $seconds } s an, mit unveränderter Absenderadresse, und bestand DKIM, SPF und DMARC für { $domain }.
    }
    .help = Ein Empfänger wie Gmail sieht sie als echte E-Mail von { $domain }.

arrival-not-arrived = Der Server hat die Testnachricht angenommen, aber sie kam nicht innerhalb { $count ->
        [one] 1 Sekunde
       *[other] von { $count } Sekunden
    } an.
    .help = Der Server hat sie angenommen und dann zurückgehalten, verworfen oder zurückgeschickt. Sehen Sie in den gesendeten Elementen und Unzustellbarkeitsnachrichten des Kontos und im Zustellprotokoll des Anbieters nach: Meist ist es ein Sendelimit, ein nicht bestätigter Absender oder ein gesperrtes Ziel.

probe-inbox-busy = Der Server hat die Testnachricht angenommen, aber sie kam nicht innerhalb { $count ->
        [one] 1 Sekunde
       *[other] von { $count } Sekunden
    } an, und der Posteingang des Testdienstes hat in dieser Zeit Verbindungen abgewiesen (zu viele auf einmal). Die Nachricht wurde vermutlich nur auf später verschoben.
    .help = Das ist ein Problem des Testdienstes, nicht Ihrer Einstellungen: Sie müssen nichts ändern. Wiederholen Sie den Test in ein paar Minuten.

arrival-from-rewritten = { $case ->
        [none] Die Nachricht kam ohne Absenderadresse an (eingestellt: { $configured }).
       *[other] Die Nachricht kam mit dem Absender { $seen } statt { $configured } an.
    }
    .help = Der Anbieter ersetzt eine Absenderadresse, die dieses Login nicht verwenden darf: Gmail setzt die Adresse des Logins ein. Fügen Sie { $configured } als Adresse hinzu, mit der das Konto senden darf (Gmail: „Senden als“), oder senden Sie von der Adresse des Logins.

arrival-dkim-missing = Die Nachricht kam ohne DKIM-Signatur an.
    .help = Schalten Sie beim E-Mail-Anbieter die DKIM-Signatur für Ihre Domain ein und veröffentlichen Sie den angegebenen Schlüssel. Gmail und Yahoo verlangen von jedem Absender SPF oder DKIM, von Massenversendern beides.

arrival-dkim-fail = { $case ->
        [weak-key] Die DKIM-Signatur von { $domain } (Selektor { $selector }) nutzt einen Schlüssel mit { $detail } Bit, zu kurz, um zu zählen.
        [unnamed] Die DKIM-Signatur von { $domain } ist ungültig: { $detail }.
       *[fail] Die DKIM-Signatur von { $domain } (Selektor { $selector }) ist ungültig: { $detail }.
    }
    .help = { $case ->
        [weak-key] Veröffentlichen Sie einen 2048-Bit-Schlüssel für den Selektor und signieren Sie damit.
        [unnamed] Prüfen Sie, ob der Schlüssel, mit dem der Server signiert, der im DNS von { $domain } für seinen Selektor veröffentlichte ist, und ob nichts die Nachricht nach dem Signieren ändert.
       *[fail] Prüfen Sie, ob der bei { $selector }._domainkey.{ $domain } veröffentlichte Schlüssel der ist, mit dem der Server signiert, und ob nichts die Nachricht nach dem Signieren ändert.
    }

arrival-spf-fail = { $case ->
        [no-address] SPF schlägt für { $domain } fehl: Der SPF-Eintrag erlaubt die Adresse nicht, von der die Nachricht kam.
       *[other] SPF schlägt für { $domain } fehl: Die Nachricht kam von { $address }, das der SPF-Eintrag nicht erlaubt.
    }
    .help = Nehmen Sie das include des Anbieters (oder diese Adresse) in den einen SPF-Eintrag von { $domain } auf.

arrival-dmarc-fail = { $case ->
        [no-policy] Die Nachricht besteht DMARC für { $domain } nicht: Weder SPF noch DKIM passen zur Absenderdomain.
       *[other] Die Nachricht besteht DMARC für { $domain } nicht (Richtlinie { $policy }): Weder SPF noch DKIM passen zur Absenderdomain.
    }
    .help = Empfänger wenden die Richtlinie bei { $at } auf diese Nachricht an. Signieren Sie mit einem DKIM-Schlüssel von { $domain }, oder senden Sie mit einem Umschlagabsender in { $domain }, den dessen SPF-Eintrag erlaubt.

## Titel der Korrekturen

fix-use-port = Port { $port } verwenden
fix-use-endpoint = Port { $port } mit { $security } verwenden
fix-use-security = { $security } verwenden
fix-use-host = { $host } verwenden
fix-use-host-port = { $host } und Port { $port } verwenden
fix-use-host-security = { $host } mit { $security } verwenden
fix-use-host-port-security = { $host } und Port { $port } mit { $security } verwenden
fix-use-from = { $from } verwenden
fix-send-from = Von { $from } senden
fix-send-as = Als { $from } senden
fix-quote-name = Namen in Anführungszeichen setzen
fix-use-username = { $username } verwenden
fix-move-address = Adresse in „Benutzername“ und „Absender“ übernehmen
fix-auth-auto = Anmeldemethode automatisch wählen
fix-auth-xoauth2 = OAuth2 (XOAUTH2) verwenden
fix-auth-oauth2 = Mit OAuth2 anmelden
fix-auth-password = Mit Passwort anmelden

## Bezeichnungen

security-tls = TLS/SSL
security-starttls = STARTTLS
security-none = keine Verschlüsselung

field-host = SMTP-Server
field-port = Port
field-security = Sicherheit
field-username = Benutzername
field-password = Passwort
field-from = Absenderadresse
field-auth = Anmeldemethode
field-accessToken = Zugriffstoken
field-general = Allgemein

step-dns = Server nachschlagen
step-connect = Verbinden
step-greeting = Gruß des Servers
step-ehlo = Vorstellen
step-tls = Verschlüsseln (TLS)
step-auth = Anmelden
step-sender = Darf als Absenderadresse senden
step-send = Test-E-Mail senden
step-domain = Absenderdomain prüfen
step-arrival = Ist die Test-E-Mail angekommen?

## Die Kommandozeile

cli-server = Server:
cli-fix = Korrektur:
cli-no-problems = Keine Probleme gefunden.
cli-works = Diese Einstellungen funktionieren.
cli-does-not-work = Diese Einstellungen funktionieren noch nicht.

## Die Elemente im Browser (ui-*)

ui-show = Zeigen
ui-hide = Verbergen
ui-show-password = Passwort zeigen
ui-hide-password = Passwort verbergen
ui-extra-checks = Weitere Prüfungen
ui-check-sender = Prüfen, ob ich als Absenderadresse senden darf
ui-check-send = Eine Test-E-Mail an die Absenderadresse senden
ui-check-domain = Prüfen, ob E-Mails meiner Domain ankommen (SPF, DKIM, DMARC)
ui-check-arrival = Eine Test-E-Mail an das Postfach des Testdienstes senden und sehen, wie sie ankommt
ui-test = Verbindung testen
ui-test-wait = Verbindung testen (noch { $seconds } s)
ui-cancel = Abbrechen
ui-steps = Schritte der Verbindung
ui-details = Technische Details: Zertifikat, Server, Gespräch
ui-transcript = Gespräch mit dem Server (ohne Passwörter)
ui-copy = Für den Support kopieren
ui-copied = Kopiert.
ui-copy-select = Markiert: Drücken Sie Strg+C (⌘C) zum Kopieren.
ui-gate = Testen Sie zuerst die Verbindung: Nur funktionierende Einstellungen lassen sich speichern.
ui-load-failed = Die Prüfung konnte nicht geladen werden: { $reason }
ui-stale = Die Einstellungen haben sich seit dem letzten Test geändert: Testen Sie erneut.
ui-nothing-to-test = Nichts zu testen: Binden Sie ein Formular mit for="…" an oder setzen Sie die Eigenschaft config.
ui-testing = { $host } wird getestet…
ui-testing-server = Der Server wird getestet…
ui-finished = Test beendet. { $headline }
ui-cancelled = Test abgebrochen.
ui-test-failed = Der Test ist fehlgeschlagen: { $reason }
ui-applied = Übernommen: { $fix }. Testen Sie zur Bestätigung erneut.
ui-use-suggestion = Die Einstellungen verwenden, die antworten
ui-starting = Wird gestartet…
ui-finishing = Wird abgeschlossen…
ui-step-pass = bestanden
ui-step-fail = fehlgeschlagen
ui-step-warn = bestanden, mit einer Warnung
ui-step-skipped = übersprungen
ui-step-running = läuft
ui-headline-service = Der Testdienst hat ein Problem: Ihre Einstellungen wurden nicht getestet
ui-headline-works = Es funktioniert: Mit diesen Einstellungen lassen sich E-Mails senden
ui-headline-works-warnings = Es funktioniert – mit einem Hinweis
ui-headline-fails = Diese Einstellungen funktionieren noch nicht
ui-headline-arrival = Die Verbindung funktioniert, aber E-Mails dieser Domain kommen womöglich nicht an: siehe „Kommt die E-Mail an?“ unten.
ui-arrive = Kommt die E-Mail an?
ui-arrive-publish = Veröffentlichen bei { $name }:
ui-arrival-seen = Was unser Postfach gesehen hat
ui-arrival-delay = Zugestellt nach
ui-arrival-from = Angezeigter Absender
ui-arrival-dkim = DKIM
ui-arrival-spf = SPF
ui-arrival-tls = Zustellung an unser Postfach über
ui-arrival-plain = Klartext (kein TLS)
ui-more-problems = { $count ->
        [one] und 1 weiteres Problem unten
       *[other] und { $count } weitere Probleme unten
    }
ui-suggestion-found = Wir haben Einstellungen gefunden, die antworten:
ui-suggestion-server = Server { $host }
ui-suggestion-port = Port { $port }
ui-suggestion-apply = Diese verwenden und erneut testen
ui-allowlist-title = Wenn Ihr Mailserver nur bekannte Adressen annimmt:
ui-allowlist-ask = { $count ->
        [one] Bitten Sie seine Verwaltung, diese Adresse zuzulassen, von der dieser Test und unsere E-Mails kommen:
       *[other] Bitten Sie seine Verwaltung, diese Adressen zuzulassen, von denen dieser Test und unsere E-Mails kommen:
    }
ui-allowlist-unknown = Bitten Sie seine Verwaltung, die Adresse zuzulassen, von der unser Dienst sendet (der Betreiber hat sie hier nicht angegeben).
ui-certificate = Zertifikat
ui-cert-covers = Gilt für
ui-cert-issuer = Ausgestellt von
ui-cert-valid-until = Gültig bis
ui-cert-in-days = { $days ->
        [one] in 1 Tag
       *[other] in { $days } Tagen
    }
ui-cert-days-ago = { $days ->
        [one] vor 1 Tag
       *[other] vor { $days } Tagen
    }
ui-cert-trusted = Vertrauenswürdig
ui-cert-protocol = Protokoll
ui-yes = ja
ui-no = nein
ui-server = Server
ui-login-methods = Anmeldemethoden: { $methods }
ui-service-unreachable = Der Testdienst unter { $origin } ist nicht erreichbar. Prüfen Sie Ihre Verbindung oder versuchen Sie es in einer Minute erneut.
ui-service-status = Der Testdienst antwortete mit { $status }.
ui-service-rate-limited = { $seconds ->
        [one] Zu viele Tests von Ihrer Adresse. Versuchen Sie es in 1 Sekunde erneut.
       *[other] Zu viele Tests von Ihrer Adresse. Versuchen Sie es in { $seconds } Sekunden erneut.
    }
ui-service-unauthorized = Diese Seite darf den Testdienst nicht verwenden (Schlüssel fehlt, ist abgelaufen oder falsch).
ui-service-busy = Der Testdienst ist gerade ausgelastet. Versuchen Sie es in ein paar Sekunden erneut.
ui-service-stopped = Der Test wurde vor dem Ende abgebrochen. Versuchen Sie es erneut.
ui-token-unreachable = Der Server dieser Seite hat nicht geantwortet (Token).
ui-token-refused = Der Server dieser Seite hat kein Test-Token ausgegeben ({ $status }).
ui-email = E-Mail-Adresse
ui-email-example = z. B. sie@example.com
ui-detect = Einstellungen ermitteln
ui-detect-empty = Geben Sie zuerst Ihre E-Mail-Adresse ein.
ui-detect-checking = Es wird geprüft, ob er antwortet…
ui-detect-filled = { $provider }: { $host }, Port { $port } eingetragen.
ui-detect-also = Ebenfalls dokumentiert: { $endpoints }.
ui-detect-app-password = Sie brauchen ein App-Passwort:
ui-detect-app-password-link = bei { $provider } erstellen
ui-detect-looking = Wir suchen die Einstellungen Ihres Anbieters (MX, Autoconfig, SRV-Einträge, übliche Namen) und prüfen, welche antworten…
ui-detect-sources = Was jede Quelle ergab
ui-detect-not-checked = (Konnte nicht live geprüft werden: { $reason })
ui-detect-failed = Wir konnten Ihren Anbieter nicht ermitteln: { $reason }
ui-detect-found = Gefunden und geprüft: { $host }, Port { $port }, { $security }.
ui-detect-unreachable = Unser Testdienst hat { $host } gerade nicht erreicht; „Verbindung testen“ sagt Ihnen mehr.
ui-detect-candidates = Gefundene Einstellungen, die besten zuerst
ui-detect-how = { $count ->
        [one] So haben wir sie gefunden: 1 Kandidat in { $ms } ms geprüft
       *[other] So haben wir sie gefunden: { $count } Kandidaten in { $ms } ms geprüft
    }
ui-use-these = Diese verwenden
ui-source-provider = Anbietertabelle
ui-source-mx = MX-Einträge
ui-source-autoconfig = Autoconfig-Datei
ui-source-srv = SRV-Einträge
ui-source-guess = Vermutungen
ui-connect = Anmelden
ui-connect-with = Mit { $provider } anmelden
ui-connect-again = Erneut anmelden
ui-connect-waiting = Schließen Sie die Anmeldung im geöffneten Fenster ab.
ui-connect-signed-in = Angemeldet als { $username }. Die Verbindung nutzt diese Anmeldung statt eines Passworts.
ui-connect-popup-blocked = Ihr Browser hat das Anmeldefenster blockiert. Erlauben Sie Pop-ups für diese Seite und versuchen Sie es erneut.
ui-connect-cancelled = Anmeldung abgebrochen.
ui-connect-timeout = Die Anmeldung hat zu lange gedauert. Versuchen Sie es erneut.
ui-connect-failed = Die Anmeldung hat nicht geklappt: { $reason }
ui-connect-apply = Die Anmeldung bei { $provider } verwenden
ui-connect-expired = Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an, bevor Sie testen oder speichern.
ui-explain-label = Sie senden schon? Fügen Sie den Fehler ein, den Ihre Anwendung protokolliert hat
ui-explain-example = z. B. Invalid login: 535-5.7.8 Username and Password not accepted
ui-explain = Erklären
ui-explain-empty = Fügen Sie zuerst einen Fehler ein.
ui-explain-working = Der Fehler wird gelesen…
ui-explain-failed = Der Fehler konnte nicht erklärt werden: { $reason }
ui-explain-library = Formuliert von { $library }.
ui-explain-receiver = Urteil des Empfängers { $receiver }.
ui-explain-reply = Der Server sagte: { $reply }
ui-explain-truncated = (Nur die ersten 64 KB wurden gelesen.)
ui-actor-it-admin = Für Ihr IT-Team
ui-actor-dns-admin = Für Ihre DNS-Verwaltung
ui-actor-provider = Aufseiten Ihres E-Mail-Anbieters
ui-actor-service = Auf unserer Seite, nicht Ihrer
ui-actor-customer = Für die Person, die die Einstellungen einträgt
ui-handoff-title = Geprüfte SMTP-Einstellungen: { $target }
ui-handoff-certificate = Zertifikat: { $subject } (Namen: { $names }), ausgestellt von { $issuer }, gültig von { $from } bis { $until }.
ui-share-intro = Jemand, der eine Anwendung mit diesem E-Mail-Server verbindet, hat die Einstellungen getestet. Dies sind die Schritte, die nur Sie ausführen können; jeder sagt, warum, und was der Server geantwortet hat.
ui-share-expires = Diese Seite wird am { $date } gelöscht.
ui-share-print = Drucken
ui-share-nothing = Hier ist nichts für einen Administrator: Der Test fand nur Schritte für die Person, die die Einstellungen eingibt.
ui-share-attested = Der Testdienst hat dieses Ergebnis signiert; das Backend der Anwendung kann es prüfen.
ui-share-server-said = Der Server antwortete:
ui-share-button = An Ihr IT-Team senden
ui-share-creating = Link wird erstellt…
ui-share-link = Jeder mit diesem Link kann bis { $date } lesen, was zu tun ist.
ui-share-copy = Link kopieren
ui-share-copied = Link kopiert
ui-share-email = Per E-Mail senden
ui-share-open = Drucken
ui-share-mail-subject = E-Mail-Einstellungen für { $target }: Schritte für Sie
ui-share-mail-text = Unsere Anwendung kann über { $target } keine E-Mails senden. Der Einstellungstest hat Schritte gefunden, die nur Sie ausführen können; sie stehen auf dieser Seite:
ui-share-gone = Dieser Link ist abgelaufen, wurde gelöscht oder hat nie existiert. Bitten Sie den Absender um einen neuen.
ui-share-unavailable = Geteilte Links sind gerade nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.
ui-share-delete = Link löschen
ui-share-deleted = Link gelöscht: Er öffnet nichts mehr.
ui-share-failed = Der Link konnte nicht erstellt werden: { $reason }

## Ermittlung („Einstellungen ermitteln“), vom Dienst gerendert

discover-table-serves = { $provider } bedient Adressen bei { $domain } (eingebaute Tabelle)
discover-table-none = nicht in der eingebauten Tabelle
discover-mx-is = MX { $host } gehört zu { $provider }
discover-mx-unknown = MX { $hosts } gehört zu keinem uns bekannten Anbieter
discover-mx-none = { $domain } hat keine MX-Einträge
discover-mx-failed = Die MX-Abfrage von { $domain } ist fehlgeschlagen: { $error }
discover-autoconfig-lists = { $url } nennt { $host }:{ $port } ({ $security })
discover-autoconfig-found = { $count ->
        [one] { $url }: 1 Postausgangsserver
       *[other] { $url }: { $count } Postausgangsserver
    }
discover-srv-not-offered = { $name } sagt: nicht angeboten
discover-srv-detail = { $name } → { $host }:{ $port } (Priorität { $priority }, Gewicht { $weight })
discover-srv-none = keine _submissions._tcp- oder _submission._tcp-Einträge für { $domain }
discover-guess-skipped = andere Quellen haben Server genannt
discover-guessed = vermutet: { $host }:{ $port } ({ $security })
discover-guess-trying = { $count } übliche Namen und Ports werden versucht
discover-works = { $login ->
        [yes] { $host }:{ $port } mit { $security } funktioniert, auch die Anmeldung.
        [untried] { $host }:{ $port } mit { $security } funktioniert (die Anmeldung wurde nicht versucht: Das Passwort geht nur verschlüsselt an Server von { $domain } oder eines bekannten Anbieters).
       *[no] { $host }:{ $port } mit { $security } funktioniert.
    }
discover-none-answered = { $count ->
        [one] 1 möglicher Server für { $domain } gefunden, er antwortete aber nicht als SMTP-Server; der Grund steht daneben. Fragen Sie Ihren Anbieter nach seinen SMTP-Einstellungen.
       *[other] { $count } mögliche Server für { $domain } gefunden, aber keiner antwortete als SMTP-Server; die Gründe stehen daneben. Fragen Sie Ihren Anbieter nach seinen SMTP-Einstellungen.
    }
discover-nothing = Kein SMTP-Server für { $domain } gefunden: Die Domain steht nicht in unserer Anbietertabelle, ihr MX zeigt auf keinen bekannten Anbieter, sie veröffentlicht keine Autoconfig-Datei und keine SRV-Einträge, und kein üblicher Name (smtp., mail. oder die Domain selbst) antwortete auf 465, 587 oder 25. Fragen Sie Ihren Anbieter nach seinen SMTP-Einstellungen.
discover-outage = Der Testdienst erreicht seinen DNS-Resolver nicht, daher ließ sich nichts nachschlagen: Über Ihre Domain oder Ihre Einstellungen sagt das nichts. Versuchen Sie es in ein paar Minuten erneut.
discover-verified = geprüft ({ $checks })
discover-not-verified = nicht bestätigt
discover-not-verified-because = nicht bestätigt: { $reason } [{ $code }]
discover-not-tried = nicht bestätigt: Die Frist war vorher abgelaufen
discover-why = { $verification }; { $security }; aus { $sources }

explain-not-recognised = { $case ->
        [library] Wir erkennen die Formulierung von { $library }, aber nicht die Ursache, die sie nennt.
       *[other] Wir erkennen in diesem Text keine Ursache.
    }
    .help = Fügen Sie den ganzen Fehler ein, mit der Antwort des Servers (eine Zeile, die mit einer Zahl wie 535 oder 550 beginnt), oder starten Sie „Verbindung testen“: Der Live-Test findet die Ursache selbst.
explain-several-causes = { $count ->
        [one] Dieser Text passt zu mehr als einer Ursache.
       *[other] Dieser Text passt zu { $count } Ursachen, die wahrscheinlichste zuerst.
    }
    .help = Der Text allein kann sie nicht unterscheiden; „Verbindung testen“ mit denselben Einstellungen kann es.
