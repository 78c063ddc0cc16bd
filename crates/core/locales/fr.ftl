# smtp-doctor – messages en français.
#
# Mêmes identifiants, attributs et paramètres que en.ftl
# (crates/core/tests/catalogs.rs). Style : les mots du client, courts et
# clairs, vouvoiement ; les noms que les fournisseurs donnent à leurs
# réglages (« mot de passe d'application »).

## Diagnostics

config-invalid = Les paramètres ne forment pas un objet JSON.
    .help = Envoyez les paramètres dans un seul objet avec host, port, security, username, password et from.

host-missing = Aucun serveur SMTP n'est indiqué.
    .help = Saisissez le serveur d'envoi (SMTP) de votre fournisseur, par ex. smtp.example.com.

host-invalid = { $case ->
        [reason] « { $host } » n'est pas un nom de serveur valide : { $reason ->
            [empty] le nom est vide
            [too-long] le nom dépasse 253 caractères
            [empty-part] le nom a une partie vide (deux points de suite, ou un point au début)
            [part-too-long] la partie « { $detail } » dépasse 63 caractères
            [bad-character] « { $detail } » n'est pas autorisé dans un nom de serveur
            [underscore] la partie « { $detail } » contient « _ », interdit dans les noms de serveur
            [hyphen] la partie « { $detail } » commence ou finit par un tiret
            [legacy-ip] c'est une adresse IP dans une notation inhabituelle ; elle signifie { $detail }
            [numeric-end] la dernière partie est un nombre : ce n'est ni un nom ni une adresse IP
            [bad-ipv6] ce n'est pas une adresse IPv6 valide
           *[idna] ce n'est pas un nom de domaine international valide
        }.
       *[other] Le serveur SMTP n'est ni un nom de serveur valide ni une adresse IP.
    }
    .help = { $reason ->
        [legacy-ip] Écrivez une adresse IPv4 sous forme de quatre nombres séparés par des points ; mieux encore, utilisez le nom du serveur.
       *[other] Un nom de serveur se compose de lettres, de chiffres et de tirets séparés par des points, comme smtp.example.com.
    }

host-has-scheme = { $case ->
        [web] Le serveur SMTP commence par « { $scheme }:// ».
        [scheme] Le serveur SMTP commence par « { $scheme }:// ».
       *[other] Le serveur SMTP contient un préfixe d'URL.
    }
    .help = { $case ->
        [web] C'est une adresse web. Pour envoyer, il faut seulement le nom du serveur de messagerie, en général smtp.<votre domaine> ; consultez la page des réglages SMTP de votre fournisseur.
       *[other] Saisissez seulement le nom du serveur ; le port et la sécurité ont leurs propres champs.
    }

host-has-port = { $case ->
        [port] Le serveur SMTP se termine par le port « :{ $port } ».
       *[other] Le serveur SMTP contient un numéro de port.
    }
    .help = Mettez seulement le nom dans le champ du serveur, et le port dans le champ Port.

host-has-whitespace = { $case ->
        [outer] Le serveur SMTP commence ou finit par une espace.
       *[other] Le serveur SMTP contient des espaces.
    }
    .help = { $case ->
        [outer] L'espace est ignorée ici, mais d'autres logiciels peuvent ne pas l'ignorer. Supprimez-la.
       *[other] Un nom de serveur ne contient jamais d'espace. Supprimez-les ; un nom copié en emporte souvent une.
    }

host-is-email = { $case ->
        [provider] { $address } est une adresse e-mail, pas un nom de serveur.
        [address] { $address } est une adresse e-mail, pas un nom de serveur.
       *[other] Une adresse e-mail a été saisie comme serveur SMTP.
    }
    .help = { $case ->
        [provider] Les adresses en { $domain } envoient par le serveur { $host } de { $provider }. Votre adresse va dans « Nom d'utilisateur » et « Expéditeur ».
        [address] Saisissez le serveur d'envoi de votre fournisseur (souvent smtp.{ $domain } ou mail.{ $domain }) ; votre adresse va dans « Nom d'utilisateur » et « Expéditeur ».
       *[other] Le serveur est un nom comme smtp.example.com ; votre adresse va dans « Nom d'utilisateur » ou « Expéditeur ».
    }

host-incoming-server = { $case ->
        [provider] { $host } est le serveur de réception (IMAP/POP) de { $provider }.
        [guess] { $host } ressemble à un serveur de réception (IMAP/POP).
       *[other] Cela ressemble à un serveur de réception (IMAP/POP).
    }
    .help = { $case ->
        [provider] Pour envoyer, utilisez { $smtp-host } sur le port { $endpoints }.
        [guess] Pour envoyer, il faut le serveur d'envoi (SMTP), souvent { $smtp-host }. Vérifiez les réglages de votre fournisseur.
       *[other] Pour envoyer, il faut le serveur d'envoi (SMTP), dont le nom commence en général par smtp.
    }

host-ip-literal = { $case ->
        [ip] Le serveur SMTP est l'adresse IP { $ip }.
       *[other] Le serveur SMTP est une adresse IP.
    }
    .help = Les certificats sont délivrés pour des noms : la vérification du certificat échoue donc en général avec une adresse IP. Préférez le nom du serveur.

host-private = { $case ->
        [range] { $host } est { $range ->
            [unspecified] une adresse non spécifiée
            [loopback] une adresse de bouclage
            [private] une adresse de réseau privé
            [link-local] une adresse lien-local
            [cgnat] une adresse de NAT d'opérateur (CGNAT)
            [multicast] une adresse multicast
            [broadcast] l'adresse de diffusion
            [documentation] une adresse réservée à la documentation
            [benchmarking] une adresse réservée aux tests de performance
            [local-name] un nom du réseau local
           *[reserved] une adresse réservée
        }, injoignable depuis Internet.
       *[other] Le serveur SMTP est une adresse privée ou locale.
    }
    .help = Notre service de test ne peut pas la joindre non plus. Utilisez le nom public du serveur, sauf si le service d'envoi tourne sur le même réseau.

port-missing = Aucun port n'est indiqué.
    .help = Utilisez 587 avec STARTTLS ou 465 avec TLS/SSL, comme l'indique votre fournisseur.

port-invalid = { $case ->
        [raw] « { $raw } » n'est pas un numéro de port entre 1 et 65535.
       *[other] Le port n'est pas un nombre entre 1 et 65535.
    }
    .help = Les ports SMTP sont des nombres entiers : en général 587 (STARTTLS) ou 465 (TLS/SSL).

port-incoming = { $case ->
        [port] Le port { $port } est le port { $protocol }, qui sert à recevoir les e-mails.
       *[other] Ce port sert à recevoir les e-mails (IMAP/POP), pas à les envoyer.
    }
    .help = L'envoi passe par SMTP : 587 avec STARTTLS ou 465 avec TLS/SSL.

port-unusual = { $case ->
        [port] Le port { $port } n'est pas un port SMTP habituel.
       *[other] Ce n'est pas un port SMTP habituel.
    }
    .help = L'envoi utilise normalement 587 (STARTTLS), 465 (TLS/SSL), 2525 ou 25. Vérifiez le port indiqué par votre fournisseur.

port-25-blocked = Le port 25 est souvent bloqué pour l'envoi.
    .help = { $case ->
        [platforms] Certains hébergeurs bloquent le port 25 sortant ({ $blockers }) : si votre application y tourne, utilisez un autre port d'un service d'envoi : { $alternatives }. Le port { $port } avec { $security } est prévu pour l'envoi depuis des applications.
       *[other] Beaucoup de clouds et de fournisseurs d'accès bloquent le port 25 sortant. Préférez 587 avec STARTTLS ou 465 avec TLS/SSL.
    }

tls-port-mismatch = { $case ->
        [port] { $expected ->
            [tls] Le port { $port } attend TLS/SSL, mais { $security } est sélectionné.
           *[other] Le port { $port } attend STARTTLS, mais { $security } est sélectionné.
        }
       *[other] Le réglage de sécurité ne correspond pas au port.
    }
    .help = { $case ->
        [port] { $expected ->
            [tls] Les serveurs du port { $port } chiffrent dès le premier octet : une connexion non chiffrée attend donc un accueil qui ne vient jamais. Choisissez TLS/SSL, ou utilisez le port 587 avec STARTTLS.
           *[other] Les serveurs du port { $port } accueillent en clair puis passent au chiffrement avec STARTTLS ; se connecter d'emblée en TLS échoue avec des erreurs comme « wrong version number ». Choisissez STARTTLS, ou utilisez le port 465 avec TLS/SSL.
        }
       *[other] Le port 465 utilise TLS/SSL (chiffré dès le début) ; les ports 587, 25 et 2525 utilisent STARTTLS.
    }

tls-conflicting-modes = { $case ->
        [settings] « { $setting } » indique { $security }, mais « { $other-setting } » indique { $other-security }.
       *[other] Deux réglages de sécurité se contredisent.
    }
    .help = Choisissez-en un : TLS/SSL, STARTTLS ou aucun.

tls-missing = Aucun réglage de sécurité n'est choisi.
    .help = Choisissez TLS/SSL pour le port 465 ou STARTTLS pour le port 587.

tls-invalid-mode = { $case ->
        [raw] « { $raw } » n'est pas un réglage de sécurité.
       *[other] Le réglage de sécurité n'est ni TLS/SSL, ni STARTTLS, ni « aucun ».
    }
    .help = Choisissez TLS/SSL, STARTTLS ou aucun.

tls-none = { $case ->
        [starttls-offered] Le serveur propose STARTTLS, mais aucun chiffrement n'est choisi.
       *[other] La connexion n'est pas chiffrée.
    }
    .help = Sans chiffrement, les e-mails et l'identifiant circulent en clair. Utilisez STARTTLS ou TLS/SSL.

auth-cleartext = Le mot de passe serait envoyé sans chiffrement.
    .help = Des identifiants sur une connexion non chiffrée peuvent être lus en route, et la plupart des serveurs les refusent. Activez STARTTLS ou TLS/SSL.

auth-username-missing = Un nom d'utilisateur est nécessaire.
    .help = { $case ->
        [provider] { $provider } demande un identifiant : { $username-kind ->
            [full-address] votre adresse e-mail complète
            [literal] le mot « { $word } »
            [domain-login] l'identifiant SMTP de votre domaine d'envoi, par ex. postmaster@mg.example.com
            [ses-username] le nom d'utilisateur SMTP généré par SES (il commence par AKIA)
            [postmark-server-token] le jeton d'API du serveur (Server API token)
            [mailjet-api-key] la clé d'API Mailjet
           *[any] l'identifiant SMTP affiché dans votre compte
        }.
       *[other] Saisissez l'identifiant de votre compte de messagerie, en général votre adresse e-mail complète.
    }

auth-password-missing = { $case ->
        [xoauth2] Un jeton d'accès OAuth2 est nécessaire.
       *[other] Un mot de passe est nécessaire.
    }
    .help = { $case ->
        [xoauth2] Avec XOAUTH2, le champ du mot de passe contient le jeton d'accès OAuth2.
       *[other] Saisissez le mot de passe (ou le mot de passe d'application) de cet identifiant.
    }

auth-password-whitespace = Le mot de passe commence ou finit par une espace.
    .help = Un mot de passe copié emporte souvent une espace ou un saut de ligne ; supprimez-le, sauf s'il fait vraiment partie du mot de passe.

auth-mechanism-unknown = { $case ->
        [raw] « { $raw } » n'est pas une méthode de connexion connue de cet outil.
       *[other] La méthode de connexion n'est ni auto, ni plain, ni login, ni cram-md5, ni xoauth2, ni none.
    }
    .help = Laissez « auto », sauf indication contraire de votre fournisseur.

auth-app-password = { $case ->
        [provider] { $provider } demande un mot de passe d'application, pas le mot de passe de votre compte.
       *[other] Ce fournisseur demande un mot de passe d'application.
    }
    .help = { $case ->
        [provider] Créez-en un sur { $url } (la validation en deux étapes doit être activée) et collez-le comme mot de passe.
       *[other] Créez un mot de passe d'application dans les réglages de sécurité de votre compte et utilisez-le à la place de votre mot de passe habituel.
    }

auth-username-format = { $case ->
        [full-address] { $provider } attend votre adresse e-mail complète comme nom d'utilisateur, pas « { $username } ».
        [literal] { $provider } attend littéralement le nom d'utilisateur « { $word } ».
        [domain-login] { $provider } attend l'identifiant SMTP de votre domaine d'envoi, comme postmaster@mg.example.com.
        [not-an-address] { $provider } n'utilise pas d'adresse e-mail comme nom d'utilisateur SMTP.
        [prefix] Chez { $provider }, les noms d'utilisateur SMTP commencent par { $prefix }.
        [unsendable] Le nom d'utilisateur ne peut pas être envoyé : { $error }.
       *[other] Ce fournisseur attend un autre type de nom d'utilisateur.
    }
    .help = { $case ->
        [literal] Chez { $provider }, le nom d'utilisateur est toujours « { $word } » ; votre clé va dans le champ du mot de passe.
        [not-an-address] Utilisez { $credential ->
            [ses-username] le nom d'utilisateur SMTP généré par SES (il commence par AKIA)
            [postmark-server-token] le jeton d'API du serveur (Server API token)
            [mailjet-api-key] la clé d'API Mailjet
           *[other] le nom d'utilisateur indiqué par votre fournisseur
        }.
        [prefix] Utilisez { $credential ->
            [ses-username] le nom d'utilisateur SMTP généré par SES (il commence par AKIA)
            [postmark-server-token] le jeton d'API du serveur (Server API token)
            [mailjet-api-key] la clé d'API Mailjet
           *[other] le nom d'utilisateur indiqué par votre fournisseur
        }.
       *[other] Utilisez le nom d'utilisateur que votre fournisseur indique pour SMTP.
    }

auth-credential-type = { $case ->
        [wrong] Ceci est { $wrong-credential ->
            [brevo-api-key] une clé d'API Brevo (xkeysib-…)
           *[other] un autre type de clé
        }, pas l'identifiant SMTP.
        [prefix] Le SMTP de { $provider } demande { $credential ->
            [sendgrid-api-key] une clé d'API SendGrid (SG.…) avec le droit « Mail Send »
            [brevo-smtp-key] une clé SMTP Brevo (xsmtpsib-…)
            [resend-api-key] une clé d'API Resend (re_…)
           *[other] ses identifiants SMTP
        } ; ce secret ne commence pas par { $prefix }.
        [aws-secret-key] Cela ressemble à une clé d'accès secrète AWS (40 caractères), pas à un mot de passe SMTP SES (44).
        [ses-length] Les mots de passe SMTP SES font 44 caractères ; celui-ci non.
        [app-password] Cela ne ressemble pas à un mot de passe d'application { $provider } (16 lettres).
        [uuid] Le SMTP de { $provider } utilise le jeton d'API du serveur comme mot de passe ; ce secret n'en a pas la forme.
       *[other] Le secret ressemble au mauvais type d'identifiant.
    }
    .help = { $case ->
        [wrong] Le SMTP de { $provider } demande { $credential ->
            [sendgrid-api-key] une clé d'API SendGrid (SG.…) avec le droit « Mail Send »
            [brevo-smtp-key] une clé SMTP Brevo (xsmtpsib-…)
            [resend-api-key] une clé d'API Resend (re_…)
           *[other] l'identifiant SMTP
        }.
        [aws-secret-key] Créez des identifiants SMTP dans la console SES (réglages SMTP), ou dérivez le mot de passe SMTP de la clé pour cette région.
        [ses-length] Utilisez le mot de passe SMTP affiché lors de la création des identifiants SMTP SES.
        [app-password] Le mot de passe du compte est refusé pour SMTP ; créez un mot de passe d'application et collez-le ici (les espaces entre les groupes de quatre ne gênent pas).
       *[other] Utilisez l'identifiant que votre fournisseur délivre pour SMTP, pas une clé d'API ni le mot de passe du compte.
    }

auth-oauth-required = { $case ->
        [required] { $provider } n'accepte plus de mot de passe pour SMTP (depuis le { $since }).
        [retiring] { $provider } désactive par défaut la connexion SMTP par mot de passe le { $date }.
        [retired] { $provider } a désactivé par défaut la connexion SMTP par mot de passe depuis le { $date }.
       *[other] Ce fournisseur n'accepte plus de mot de passe pour SMTP.
    }
    .help = { $case ->
        [required] Les mots de passe et mots de passe d'application sont refusés. Connectez-vous plutôt avec OAuth2.
        [retiring] { $oauth-note ->
            [microsoft-365] D'ici là, l'authentification SMTP de base (SMTP AUTH) fonctionne là où elle est activée pour la boîte aux lettres ; ensuite, elle est désactivée pour les locataires existants tant qu'un administrateur ne la réactive pas.
           *[other] {""}
        } Connectez-vous dès maintenant avec Microsoft (OAuth2) : rien ne changera ce jour-là.
        [retired] { $oauth-note ->
            [microsoft-365] La connexion par mot de passe ne fonctionne plus que là où un administrateur a réactivé SMTP AUTH pour le locataire et la boîte aux lettres, et Microsoft la supprimera définitivement.
           *[other] {""}
        } Connectez-vous plutôt avec Microsoft (OAuth2).
       *[other] Connectez-vous avec OAuth2 plutôt qu'avec un mot de passe.
    }

## Jetons d'accès OAuth2 (lus, pas vérifiés : le serveur les vérifie)

auth-token-missing = { $case ->
        [provider] Connectez-vous avec { $provider }, ou donnez un jeton d'accès.
       *[other] OAuth2 a besoin d'un jeton d'accès.
    }
    .help = Avec OAuth2, le serveur vérifie un jeton d'accès de courte durée au lieu d'un mot de passe. Utilisez le bouton de connexion, ou laissez le backend de votre application placer un jeton d'accès récent dans le champ « Jeton d'accès ».

auth-token-kind = { $kind ->
        [id-token] C'est un jeton d'identité (ID token), pas un jeton d'accès.
        [refresh-token] C'est un jeton d'actualisation (refresh token), pas un jeton d'accès.
        [authorization-code] C'est un code d'autorisation, pas un jeton d'accès.
        [client-secret] C'est le secret client de l'application, pas un jeton d'accès.
       *[other] Ce n'est pas un jeton d'accès.
    }
    .help = { $kind ->
        [id-token] Un jeton d'identité dit à votre application qui s'est connecté ; le serveur de messagerie n'accepte que le jeton d'accès de la même connexion (access_token dans la réponse du jeton).
        [refresh-token] Un jeton d'actualisation reste dans le backend de votre application, qui l'échange contre un jeton d'accès de courte durée : donnez ce jeton d'accès au test.
        [authorization-code] Le code de la redirection de connexion doit d'abord être échangé au point de terminaison des jetons ; le jeton d'accès revient de cet échange.
        [client-secret] Le secret client identifie votre application auprès du fournisseur et reste dans votre backend ; le serveur de messagerie a besoin du jeton d'accès d'un compte connecté.
       *[other] Donnez le jeton d'accès d'un compte connecté.
    } Reconnu à sa forme seulement : le serveur a le dernier mot.

auth-token-expired = Le jeton d'accès a expiré il y a { $minutes } minutes.
    .help = Les jetons d'accès durent environ une heure. Reconnectez-vous, ou laissez votre backend le renouveler avec son jeton d'actualisation, puis testez avec le nouveau.

auth-token-expiring = Le jeton d'accès expire dans { $seconds } secondes, avant la fin du test.
    .help = Obtenez un jeton d'accès récent (votre backend le renouvelle avec son jeton d'actualisation) et testez de nouveau.

auth-token-audience = { $case ->
        [graph] Ce jeton d'accès est destiné à Microsoft Graph, pas à SMTP.
        [google-for-microsoft] C'est un jeton d'accès Google ; { $provider } en demande un de Microsoft.
        [microsoft-for-google] C'est un jeton d'accès Microsoft ; { $provider } en demande un de Google.
       *[other] Ce jeton d'accès est destiné à { $audience }, pas à SMTP.
    }
    .help = { $case ->
        [graph] Un jeton Graph fonctionne pour l'API Graph, mais SMTP répond 535 5.7.3 Authentication unsuccessful. Demandez l'étendue https://outlook.office.com/SMTP.Send (avec offline_access) lors de la connexion.
        [google-for-microsoft] Connectez-vous avec Microsoft et demandez https://outlook.office.com/SMTP.Send.
        [microsoft-for-google] Connectez-vous avec Google et demandez l'étendue https://mail.google.com/.
       *[other] Pour Microsoft 365 et Outlook.com, demandez https://outlook.office.com/SMTP.Send lors de la connexion.
    } Les informations du jeton sont lues ici, pas vérifiées : le serveur vérifie sa signature.

auth-token-scope = Le jeton d'accès ne peut pas envoyer de courrier par SMTP : il n'a pas l'autorisation SMTP.Send.
    .help = Ses autorisations : { $scopes }. Ajoutez l'autorisation déléguée SMTP.Send (Office 365 Exchange Online) à l'inscription de l'application et demandez https://outlook.office.com/SMTP.Send lors de la connexion ; une application qui envoie sans utilisateur a besoin de SMTP.SendAsApp.

auth-token-user = Le jeton d'accès a été émis pour { $token-user }, mais le nom d'utilisateur est { $username }.
    .help = La connexion envoie le nom d'utilisateur avec le jeton, et le serveur refuse une différence. Utilisez le compte qui s'est connecté, ou connectez-vous en tant que { $username }.

auth-token-tenant = { $case ->
        [personal] Ce jeton est celui d'un compte Microsoft personnel ; Microsoft 365 demande un compte professionnel ou scolaire.
       *[work] Ce jeton est celui d'un compte professionnel ou scolaire ; Outlook.com demande un compte Microsoft personnel.
    }
    .help = { $case ->
        [personal] Connectez-vous avec le compte de l'organisation, ou utilisez smtp-mail.outlook.com pour une adresse Outlook.com ou Hotmail.
       *[work] Utilisez smtp.office365.com pour une boîte aux lettres Microsoft 365.
    }

auth-token-rejected = { $case ->
        [invalid] Le serveur a refusé le jeton d'accès : il est invalide ou expiré.
        [m365] Microsoft 365 a refusé le jeton d'accès.
        [scope] Le serveur a refusé le jeton d'accès : il lui manque l'étendue { $scope }.
       *[other] Le serveur a refusé le jeton d'accès.
    }
    .help = { $case ->
        [invalid] Obtenez un jeton d'accès récent (reconnectez-vous ou renouvelez-le dans votre backend) et testez de nouveau.
        [m365] En général l'une de trois causes : le jeton n'est pas destiné à SMTP (demandez https://outlook.office.com/SMTP.Send, pas une étendue Microsoft Graph) ; SMTP AUTH est désactivé pour la boîte aux lettres (Set-CASMailbox -Identity <boîte> -SmtpClientAuthenticationDisabled $false) ; ou, pour une application qui envoie sans utilisateur, son principal de service n'a pas de droit sur la boîte (Add-MailboxPermission).
        [scope] Reconnectez-vous en demandant { $scope }.
       *[other] Reconnectez-vous ; si l'échec persiste, le compte n'a peut-être pas le droit d'utiliser SMTP.
    }

auth-mechanism-withdrawn = Le serveur ne propose plus { $withdrawn } (il propose maintenant : { $offered }).
    .help = Si PLAIN et LOGIN ont disparu, les connexions par mot de passe ont été désactivées : l'administrateur du compte de messagerie doit réactiver SMTP AUTH, ou la connexion doit passer à OAuth (Microsoft 365 : Set-CASMailbox -SmtpClientAuthenticationDisabled $false).

from-missing = { $case ->
        [sender-check] La vérification de l'expéditeur demande une adresse d'expéditeur valide.
       *[other] Aucune adresse d'expéditeur n'est indiquée.
    }
    .help = Saisissez l'adresse d'où partent vos e-mails, par ex. vous@example.com.

from-invalid = { $case ->
        [reason] L'expéditeur n'est pas une adresse valide : { $reason ->
            [empty] elle est vide
            [no-at] elle n'a pas de @
            [empty-local] rien ne précède le @
            [empty-domain] rien ne suit le @
            [local-too-long] la partie avant le @ dépasse 64 caractères
            [bad-local] « { $detail } » n'est permis avant le @ qu'entre guillemets
            [dots] la partie avant le @ commence ou finit par un point, ou contient deux points de suite
            [bad-domain] le domaine n'est pas valide
            [domain-without-dot] le domaine n'a pas de point
            [unclosed-angle] le < n'a pas de > correspondant
            [trailing-text] « { $detail } » suit l'adresse
            [unquoted-comma] le nom contient une virgule, qui doit être entre guillemets doubles
            [unclosed-quote] un guillemet double n'est pas fermé
            [several] elle contient plus d'une adresse
           *[control] le nom contient le caractère de contrôle « { $detail } »
        }.
       *[other] L'expéditeur n'est pas une adresse e-mail valide.
    }
    .help = Utilisez une adresse comme vous@example.com, avec un nom si vous voulez : Votre Nom <vous@example.com>.

from-domain-mismatch = { $case ->
        [domains] L'expéditeur est en { $from-domain }, mais l'identifiant est en { $login-domain }.
       *[other] Le domaine de l'expéditeur diffère de celui de l'identifiant.
    }
    .help = Beaucoup de serveurs refusent d'envoyer au nom d'une autre adresse, sauf si c'est un alias du compte. Envoyez depuis l'adresse de l'identifiant ou ajoutez celle-ci comme alias.

provider-port-unsupported = { $case ->
        [provider] { $provider } n'accepte pas d'e-mails sur le port { $port }.
       *[other] Ce fournisseur n'accepte pas d'e-mails sur ce port.
    }
    .help = { $case ->
        [provider] { $provider } écoute sur { $endpoints }.
       *[other] Utilisez l'un des ports indiqués par le fournisseur.
    }

provider-known = { $case ->
        [provider] C'est { $provider }.
       *[other] C'est un fournisseur connu.
    }
    .help = { $case ->
        [provider] Réglages documentés : { $endpoints }.{ $provider-notes ->
            [gmail] {" "}Google refuse le mot de passe habituel du compte : utilisez un mot de passe d'application (validation en deux étapes requise) ou OAuth2. Sur 587, Google ne propose la connexion qu'après STARTTLS.
            [google-relay] {" "}Le relais accepte soit une liste d'adresses IP autorisées définie par l'administrateur Workspace, soit SMTP AUTH, selon la console d'administration.
            [microsoft365] {" "}Microsoft 365 écoute uniquement sur 587 avec STARTTLS ; il n'y a pas de 465.
            [icloud] {" "}Les mots de passe pour application d'iCloud exigent l'identification à deux facteurs sur le compte Apple.
            [zoho] {" "}Zoho accepte le mot de passe du compte, ou un mot de passe d'application si l'authentification à deux facteurs est active. Zoho n'envoie que depuis l'adresse du compte ou ses alias. Les comptes d'organisation utilisent smtppro.zoho.* ; prenez le domaine de votre centre de données (zoho.eu, zoho.in, …).
            [fastmail] {" "}Fastmail recommande 465 avec TLS/SSL ; 587 avec STARTTLS fonctionne mais est déconseillé.
            [ses] {" "}Les identifiants SMTP SES valent par région : utilisez le serveur de la région où ils ont été créés. L'identité d'expéditeur doit être vérifiée dans la même région ; les comptes en sandbox n'envoient qu'à des destinataires vérifiés.
            [sendgrid] {" "}SendGrid exige une identité d'expéditeur vérifiée.
            [mailgun] {" "}Utilisez le mot de passe SMTP du domaine, pas celui du compte. Les comptes US (smtp.mailgun.org) et UE (smtp.eu.mailgun.org) sont distincts.
            [postmark] {" "}Postmark n'a pas de port 465 : une connexion y reste bloquée.
            [brevo] {" "}Le nom d'utilisateur est l'identifiant SMTP affiché dans les réglages « SMTP & API » du compte.
            [mailjet] {" "}Le mot de passe est la clé secrète d'API ; l'adresse ou le domaine d'expédition doit être validé dans Mailjet.
           *[other] {""}
        } Source : { $source } (vérifié le { $checked }).
       *[other] Ses réglages documentés sont affichés ici.
    }

dns-not-found = { $case ->
        [host] { $host } n'existe pas dans le DNS.
       *[other] Le nom du serveur n'existe pas.
    }
    .help = Vérifiez l'orthographe du serveur SMTP ; ce nom n'est pas dans le DNS.

dns-no-address = { $case ->
        [host] { $host } existe mais n'a pas d'adresse IP.
       *[other] Le nom du serveur existe mais n'a pas d'adresse IP.
    }
    .help = Le nom n'a pas d'enregistrement A ni AAAA. C'est peut-être un domaine de messagerie (MX) plutôt qu'un nom de serveur ; utilisez le serveur SMTP indiqué par votre fournisseur.

dns-timeout = { $case ->
        [host] La recherche DNS de { $host } a expiré, alors que le résolveur répond à d'autres questions : les serveurs de noms de { $host } ne répondent pas.
        [deadline] Le délai du test ({ $seconds } s) a expiré pendant la recherche du serveur.
       *[other] La recherche DNS n'a pas répondu à temps.
    }
    .help = Le résolveur n'a pas répondu. Réessayez ; si cela persiste, les serveurs de noms du domaine sont injoignables.

dns-failed = { $case ->
        [rcode] La recherche DNS de { $host } a échoué : le résolveur a répondu { $rcode }.
        [error] La recherche DNS de { $host } a échoué : { $error }.
       *[other] La recherche DNS a échoué.
    }
    .help = Le résolveur a répondu par une erreur (SERVFAIL ou REFUSED) : les serveurs de noms du domaine sont en panne ou refusent de répondre. Son administrateur DNS doit les réparer ; réessayez plus tard.

dns-address-changed = { $host } pointe maintenant vers { $after } (avant : { $before }).
    .help = En général le fournisseur a déplacé le serveur ; rien à faire tant que les e-mails partent. Si un pare-feu autorise les adresses du serveur, mettez la liste à jour.

probe-dns-unavailable = { $case ->
        [host] Le service de test n'a pas pu rechercher { $host } : son propre résolveur DNS ne répond pas. Vos paramètres n'ont pas été testés.
       *[other] Le service de test n'arrive pas à joindre son résolveur DNS.
    }
    .help = C'est un problème du service de test, pas de vos paramètres : vous n'avez rien à changer. Réessayez dans quelques minutes.

policy-blocked-address = { $case ->
        [address] { $address } est une adresse interne, que notre service de test ne contacte pas.
        [name] { $host } mène à une adresse interne, que notre service de test ne contacte pas.
       *[other] Le nom du serveur mène à une adresse interne, que notre service de test ne contacte pas.
    }
    .help = Par sécurité, le service de test ne se connecte qu'à des adresses publiques. Utilisez le nom public du serveur.

policy-blocked-port = { $case ->
        [port] Notre service de test ne se connecte pas au port { $port }.
        [host-port] Notre service de test ne se connecte pas au port { $port } de ce serveur.
       *[other] Le service de test ne se connecte pas à ce port.
    }
    .help = { $case ->
        [port] Il ne teste que ces ports : { $allowed }. Utilisez le port SMTP de votre fournisseur.
        [host-port] Il ne teste que ces ports : { $allowed }. Utilisez le port SMTP de votre fournisseur.
       *[other] Il ne teste que les ports de messagerie habituels (25, 465, 587, 2525). Utilisez le port indiqué par votre fournisseur.
    }

policy-blocked-recipient = { $case ->
        [invalid] Le destinataire n'est pas utilisable : { $error }.
        [other-recipient] Le test n'envoie qu'à votre propre adresse d'expéditeur ({ $from }), pas à { $recipient }.
       *[other] Le test n'envoie qu'à votre propre adresse d'expéditeur.
    }
    .help = Les vérifications d'expéditeur et d'envoi utilisent l'adresse d'expéditeur comme destinataire : le test ne peut jamais remettre d'e-mail à des inconnus. Laissez le destinataire vide, ou demandez à l'opérateur d'autoriser son domaine.

tcp-refused = { $case ->
        [addresses] { $addresses } a refusé la connexion sur le port { $port }.
       *[other] Le serveur a refusé la connexion.
    }
    .help = Rien n'écoute sur ce port, ou un pare-feu rejette la connexion. Vérifiez le port.

tcp-timeout = { $case ->
        [addresses] Pas de réponse de { $addresses } : la connexion a expiré.
        [deadline] Le délai du test ({ $seconds } s) a expiré pendant la connexion.
       *[other] La connexion a expiré.
    }
    .help = Aucune réponse du tout : un pare-feu bloque le trafic, ou le serveur n'accepte que des adresses IP autorisées.{ $allowlist ->
        [yes] {" "}Ce test se connecte depuis { $egress } ; demandez à l'administrateur du serveur d'autoriser ces adresses.
       *[no] {""}
    }{ $blocked ->
        [yes] {" "}Certains hébergeurs bloquent le port { $port } sortant ({ $blockers }) : si votre application y tourne, utilisez un autre port d'un service d'envoi : { $alternatives }.
       *[no] {""}
    }

tcp-unreachable = { $case ->
        [addresses] { $addresses } est injoignable depuis notre service de test.
        [mixed] Connexion impossible ({ $failures }).
       *[other] Le réseau du serveur est injoignable.
    }
    .help = Aucune route ne mène à cette adresse depuis notre service de test.

tcp-some-addresses-failed = { $case ->
        [addresses] { $failed } a échoué ; { $connected } a fonctionné, et le test a continué avec.
        [no-ipv6-route] { $failed } a échoué ; { $connected } a fonctionné, et le test a continué avec.
       *[other] Certaines adresses du serveur n'ont pas répondu.
    }
    .help = { $case ->
        [no-ipv6-route] Les adresses IPv6 sont injoignables depuis notre service de test (il n'a pas de route IPv6), alors qu'IPv4 fonctionne : cela ne dit rien du serveur. Les clients sans IPv6 se replient sur IPv4, comme le test.
       *[other] Le nom du serveur a plusieurs adresses et toutes ne fonctionnent pas. Les clients qui tombent sur une adresse morte échouent ou attendent ; l'administrateur du serveur devrait corriger ou supprimer ces enregistrements DNS.
    }

smtp-no-greeting = { $case ->
        [seconds] Connecté, mais aucun accueil en { $seconds } s.
        [no-tls-either] Connecté, mais aucun accueil en { $seconds } s, et le port ne répond pas non plus en TLS.
        [after-tls] La connexion a été chiffrée, mais aucun accueil SMTP n'est venu.
       *[other] Le serveur a accepté la connexion mais n'a envoyé aucun accueil.
    }
    .help = { $case ->
        [no-tls-either] Le réglage de sécurité n'est pas en cause : ni SMTP en clair ni TLS n'ont obtenu de réponse. Le serveur est surchargé, ralentit les clients dont il se méfie (tarpit), ou quelque chose entre les deux garde la connexion ouverte. Réessayez plus tard ; si cela persiste, demandez à l'administrateur du serveur si l'adresse de notre service de test est autorisée.
       *[other] Un serveur SMTP accueille aussitôt avec 220. Le silence signifie en général que le port attend le chiffrement dès le premier octet : choisissez TLS/SSL.
    }

smtp-greeting-rejected = { $case ->
        [reply] Le serveur a refusé cette connexion dès son accueil ({ $reply-code }).
       *[other] Le serveur a refusé ce client dès son accueil.
    }
    .help = Le serveur rejette les connexions venant de notre adresse (liste d'autorisation ou liste noire). Demandez à son administrateur d'autoriser les adresses du service de test.

smtp-ehlo-rejected = { $case ->
        [helo-works] Le serveur a refusé notre salutation (EHLO, { $reply-code }) mais a accepté l'ancienne commande HELO : il ne propose aucune extension, donc ni chiffrement, ni connexion, ni limite de taille connue.
        [both] Le serveur a refusé notre salutation (EHLO, { $reply-code }) et l'ancienne commande HELO : il n'ouvrira pas de session avec notre service de test.
       *[other] Le serveur a refusé notre salutation (EHLO).
    }
    .help = { $case ->
        [both] Un serveur qui refuse les deux salutations refuse ce client : demandez à son administrateur si l'adresse du service de test est autorisée.
       *[other] Sans elle, un serveur ne propose ni chiffrement ni connexion. Le serveur est très ancien ou mal configuré ; demandez à son administrateur.
    }

smtp-helo-rejected = { $case ->
        [name] Le serveur a refusé le nom sous lequel ce service de test s'est présenté ({ $name }), pas vos paramètres ({ $reply-code }).
       *[other] Le serveur a refusé le nom sous lequel ce service de test s'est présenté.
    }
    .help = { $case ->
        [name] Les serveurs qui vérifient le nom EHLO veulent un vrai nom d'hôte qui pointe vers l'adresse du client. L'opérateur de ce service de test doit le démarrer avec --helo réglé sur son nom d'hôte public (actuellement { $name }). Vos paramètres sont peut-être bons : votre application se présente sous son propre nom.
       *[other] Le serveur vérifie le nom EHLO/HELO. C'est un réglage du service de test, pas le vôtre : son opérateur définit un vrai nom d'hôte résolvable avec --helo.
    }

smtp-temporary-failure = { $case ->
        [greylisted] Le serveur a différé { $command ->
            [mail-from] l'expéditeur (MAIL FROM)
           *[rcpt-to] le destinataire (RCPT TO)
        } ({ $reply-code }), ce qui ressemble à du greylisting : un refus temporaire, pas un rejet.
        [deferred] Le serveur a différé { $command ->
            [mail-from] l'expéditeur (MAIL FROM)
           *[rcpt-to] le destinataire (RCPT TO)
        } ({ $reply-code }) : un refus temporaire, pas un rejet.
       *[other] Le serveur refuse pour l'instant (4xx).
    }
    .help = Un refus temporaire (greylisting, file d'attente pleine, problème local) n'est pas une erreur de réglage : les logiciels de messagerie réessaient et réussissent en général plus tard. Relancez le test dans quelques minutes.

smtp-busy = { $case ->
        [greeting] Le serveur est occupé et a fermé la connexion aussitôt (421).
       *[other] Le serveur est occupé ou ferme la connexion (421).
    }
    .help = Réessayez plus tard ; si cela persiste, le serveur limite peut-être les connexions venant de cette adresse.

smtp-slow-greeting = { $case ->
        [seconds] Le serveur n'a accueilli qu'au bout de { $seconds } s.
       *[other] Le serveur a mis plusieurs secondes à accueillir.
    }
    .help = Un accueil lent signale un ralentisseur (tarpit), un serveur surchargé ou un filtrage ; certains clients abandonnent avant.

smtp-timeout = { $case ->
        [deadline] Le délai du test ({ $seconds } s) a expiré avant que le serveur ait fini de répondre.
       *[other] Le serveur ne répond plus.
    }
    .help = Le serveur a accepté une commande mais n'a pas répondu à temps. Il est peut-être surchargé, ou un pare-feu intermédiaire coupe la connexion.

smtp-closed = { $case ->
        [io] La connexion a échoué : { $error }.
        [while-sending] La connexion a échoué pendant l'envoi : { $error }.
       *[other] Le serveur a fermé la connexion.
    }
    .help = Le serveur a raccroché en pleine session ; sa réponse précédente, s'il y en a une, dit pourquoi.

smtp-protocol-error = { $case ->
        [too-long] La réponse du serveur dépasse les limites de notre test (longueur de ligne, nombre de lignes ou taille).
        [cram-md5] Le défi CRAM-MD5 du serveur n'était pas du base64 valide.
        [line-break] Notre test a refusé d'envoyer une commande contenant un saut de ligne.
        [starttls-injection] Le serveur a envoyé des données après sa réponse à STARTTLS ; le test s'est arrêté (tentative d'injection possible).
       *[other] La réponse du serveur ne respecte pas le protocole SMTP.
    }
    .help = La réponse était trop longue, avait trop de lignes ou n'était pas une réponse SMTP ; le test a cessé de lire pour se protéger.

smtp-not-smtp = { $case ->
        [greeting] Le serveur a accueilli avec { $reply-code } au lieu de 220.
        [peer] Ce port répond comme { $peer ->
            [http] un serveur web (HTTP)
            [imap] un serveur IMAP (réception)
            [pop3] un serveur POP3 (réception)
            [ssh] un serveur SSH
           *[other] quelque chose qui n'est pas un serveur SMTP
        }, pas comme un serveur SMTP.
       *[other] Le serveur ne parle pas SMTP sur ce port.
    }
    .help = Autre chose (web, IMAP, …) répond ici. Vérifiez le serveur et le port.

tls-expected-implicit = { $case ->
        [verified] Le port { $port } est resté muet pour une connexion en clair mais a répondu à une connexion chiffrée : il attend TLS dès le premier octet.
        [cert-problem] Le port { $port } est resté muet pour une connexion en clair mais a répondu à une connexion chiffrée : il attend TLS dès le premier octet.
       *[other] Ce port attend le chiffrement (TLS) dès le premier octet.
    }
    .help = { $case ->
        [verified] Choisissez TLS/SSL ; vérifié : une connexion chiffrée au port { $port } fonctionne.
        [cert-problem] Choisissez TLS/SSL. Une connexion chiffrée au port { $port } fonctionne, mais son certificat a un problème que la vérification suivante montrera.
       *[other] Choisissez TLS/SSL pour ce port.
    }

tls-expected-starttls = { $case ->
        [plain-answer] Le port { $port } a répondu en clair au lieu de TLS.
        [verified] Le port { $port } a répondu en clair au lieu de TLS.
        [starttls-failed-too] Le port { $port } a répondu en clair au lieu de TLS.
       *[other] Ce port parle d'abord SMTP en clair, puis passe au chiffrement avec STARTTLS.
    }
    .help = { $case ->
        [verified] Ce port parle SMTP en clair puis chiffre avec STARTTLS ; vérifié : STARTTLS sur le port { $port } fonctionne.
        [starttls-failed-too] Ce port parle d'abord SMTP en clair, mais le passage au chiffrement avec STARTTLS n'a pas fonctionné non plus ; essayez le port 465 avec TLS/SSL ou demandez à votre fournisseur.
       *[other] Choisissez STARTTLS pour ce port.
    }

tls-starttls-unavailable = { $case ->
        [refused] Le serveur a proposé STARTTLS mais l'a refusé ({ $reply-code }).
        [port] Le serveur du port { $port } ne propose pas STARTTLS.
       *[other] Le serveur ne propose pas STARTTLS.
    }
    .help = Le serveur ne peut pas chiffrer cette connexion. Essayez le port 465 avec TLS/SSL.

tls-client-cert-required = { $case ->
        [alert] Le serveur a demandé un certificat client et a mis fin à la session avec l'alerte « { $alert } » faute d'en recevoir un.
        [closed] Le serveur a demandé un certificat client et a fermé la session faute d'en recevoir un ({ $error }).
        [handshake] Le serveur a demandé un certificat client et a interrompu l'établissement du chiffrement faute d'en recevoir un ({ $error }).
       *[other] Le serveur exige un certificat client.
    }
    .help = Ce serveur n'accepte que les clients qui présentent un certificat en qui il a confiance (TLS mutuel). Utilisez le service de soumission du fournisseur pour les applications, ou demandez à son administrateur.

tls-server-misconfigured = { $case ->
        [starttls-refused] Le serveur a proposé STARTTLS puis l'a refusé ({ $reply-code }) : son chiffrement est cassé (Postfix répond ainsi quand il ne peut pas charger son certificat ou sa clé).
        [internal-error] Le serveur a interrompu l'établissement du chiffrement avec l'alerte « internal_error » : une panne de son côté, quoi que propose le client.
       *[other] Le chiffrement (TLS) du serveur est cassé de son côté.
    }
    .help = { $other ->
        [works] Prévenez l'administrateur du serveur : son certificat, sa clé ou sa bibliothèque de chiffrement est défaillant (OpenSMTPD 6.8 compilé avec OpenSSL 3 fait cela à chaque connexion). En attendant, { $other-security } sur le port { $other-port } fonctionne : vérifié sur une seconde connexion.
        [fails] Prévenez l'administrateur du serveur : son certificat, sa clé ou sa bibliothèque de chiffrement est défaillant (OpenSMTPD 6.8 compilé avec OpenSSL 3 fait cela à chaque connexion). { $other-security } sur le port { $other-port } a aussi été essayé et ne fonctionne pas non plus : aucun réglage n'aidera tant que le serveur n'est pas réparé.
        [no-answer] Prévenez l'administrateur du serveur : son certificat, sa clé ou sa bibliothèque de chiffrement est défaillant (OpenSMTPD 6.8 compilé avec OpenSSL 3 fait cela à chaque connexion). Le port { $other-port } ({ $other-security }) ne répond pas à notre service de test : aucun autre réglage n'est connu pour fonctionner.
       *[other] Le serveur a interrompu l'établissement du chiffrement à cause d'un problème de son côté (par exemple un certificat ou une clé inutilisable). Aucun de vos réglages ne peut y remédier : prévenez l'administrateur du serveur.
    }

tls-handshake-failed = { $case ->
        [alert] Le serveur a interrompu l'établissement du chiffrement avec l'alerte « { $alert } ».
        [error] L'établissement du chiffrement (TLS) a échoué : { $error }.
        [closed] Le serveur a fermé la connexion pendant l'établissement du chiffrement ({ $error }).
        [timeout] Le serveur n'a pas répondu à temps pendant l'établissement du chiffrement.
        [server-name] Le nom du serveur ne peut pas servir pour une connexion chiffrée.
        [setup] Le chiffrement n'a pas pu être préparé : { $error }.
        [plain-answer] Le serveur a répondu en clair pendant l'établissement du chiffrement.
       *[other] L'établissement du chiffrement (TLS) a échoué.
    }
    .help = { $case ->
        [alert] Le serveur n'accepte aucune des versions ni aucun des algorithmes qu'un client actuel propose (TLS 1.2/1.3 avec des algorithmes modernes) ; sa configuration est obsolète ou cassée.
       *[other] Le serveur et notre test n'ont aucune version TLS ni aucun algorithme en commun, ou le serveur a coupé. Essayez l'autre réglage de sécurité, ou demandez à l'administrateur du serveur.
    }

tls-old-protocol = { $case ->
        [version] Le serveur ne parle que { $version } (il l'a choisi dans sa réponse) ; ce client, comme tous les clients actuels, exige TLS 1.2 ou 1.3.
        [refused] Le serveur a refusé TLS 1.2 et 1.3 : il ne parle que TLS 1.1 ou plus ancien.
        [legacy-version] Le serveur ne parle que { $version } (il l'a choisi quand TLS 1.1 lui a été proposé) ; ce client, comme tous les clients actuels, exige TLS 1.2 ou 1.3.
        [client-refused] Le serveur a refusé la version TLS de cette connexion ({ $reply-code }) : il n'accepte que TLS 1.2 ou plus récent.
       *[other] Le serveur ne parle qu'une ancienne version de TLS.
    }
    .help = { $case ->
        [version] TLS 1.0 et 1.1 sont désactivés dans les clients et bibliothèques actuels. L'administrateur du serveur doit activer TLS 1.2 ou plus récent ; aucun réglage côté client n'y peut rien.
        [refused] TLS 1.0 et 1.1 sont désactivés dans les clients et bibliothèques actuels. L'administrateur du serveur doit activer TLS 1.2 ou plus récent ; aucun réglage côté client n'y peut rien.
        [legacy-version] TLS 1.0 et 1.1 sont désactivés dans les clients et bibliothèques actuels. L'administrateur du serveur doit activer TLS 1.2 ou plus récent ; aucun réglage côté client n'y peut rien.
        [client-refused] Ce test a parlé TLS 1.2 ou plus récent : quelque chose sur le chemin (un proxy ou pare-feu qui inspecte TLS) l'a rétrogradé. Si votre application affiche cette réponse, sa bibliothèque TLS est trop ancienne : activez TLS 1.2 (sous .NET Framework : 4.7 ou plus récent, ou SecurityProtocol Tls12) ou mettez-la à jour.
       *[other] TLS 1.0 et 1.1 sont obsolètes et refusés par beaucoup de clients.
    }

tls-cert-expired = { $case ->
        [dates] Le certificat du serveur a expiré (valable du { $not-before } au { $not-after }).
       *[other] Le certificat du serveur a expiré.
    }
    .help = L'administrateur du serveur doit renouveler le certificat.

tls-cert-not-yet-valid = { $case ->
        [dates] Le certificat du serveur n'est pas encore valable (valable du { $not-before } au { $not-after }).
       *[other] Le certificat du serveur n'est pas encore valable.
    }
    .help = La date de début du certificat est dans le futur ; l'horloge du serveur ou le certificat est faux.

tls-cert-name-mismatch = { $case ->
        [names] Le certificat est établi pour { $names }, pas pour { $host }.
        [other-names] Le certificat est établi pour d'autres noms, pas pour { $host }.
       *[other] Le certificat du serveur est établi pour un autre nom.
    }
    .help = { $case ->
        [names] Utilisez un nom de serveur couvert par le certificat : { $names }.
       *[other] Utilisez un nom de serveur couvert par le certificat.
    }

tls-cert-untrusted = { $case ->
        [self-signed] Le certificat du serveur est auto-signé.
        [unknown-issuer] Le certificat du serveur est délivré par une autorité inconnue ({ $issuer }).
        [refused] Le certificat du serveur a été refusé : { $error }.
       *[other] Le certificat du serveur n'est pas reconnu comme fiable.
    }
    .help = { $case ->
        [self-signed] Les clients le refusent. Le serveur a besoin d'un certificat d'une autorité publique (par ex. Let's Encrypt) ; pour une autorité interne, donnez sa racine à notre service de test avec --ca-file.
        [unknown-issuer] Les clients le refusent. Le serveur a besoin d'un certificat d'une autorité publique (par ex. Let's Encrypt) ; pour une autorité interne, donnez sa racine à notre service de test avec --ca-file.
       *[other] Il est auto-signé ou délivré par une autorité inconnue.
    }

tls-cert-expiring = Le certificat du serveur expire dans { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } ({ $not-after }).
    .help = L'administrateur du serveur doit renouveler le certificat d'ici là ; à partir de ce jour, tout client qui vérifie les certificats refusera de se connecter.

tls-cert-replaced = Le serveur présente maintenant un autre certificat (émis par { $issuer }, valable jusqu'au { $not-after }).
    .help = En général un renouvellement de routine : rien à faire. Si les connexions échouent désormais, vérifiez d'abord ce nouveau certificat.

auth-not-offered = { $case ->
        [encrypted] Des identifiants ont été donnés, mais le serveur ne propose pas de connexion : ils n'ont pas été vérifiés. C'est peut-être un relais qui n'exige pas de connexion (retirez alors les identifiants) ou qui n'accepte que des adresses IP autorisées.
        [plain] Des identifiants ont été donnés, mais le serveur ne propose pas de connexion sur cette liaison non chiffrée : ils n'ont pas été vérifiés. La plupart des serveurs ne proposent la connexion qu'après STARTTLS.
       *[other] Des identifiants ont été donnés, mais le serveur ne propose pas de connexion.
    }
    .help = Le serveur n'annonce pas AUTH ici ; vos identifiants n'ont pas été vérifiés. Il ne propose peut-être AUTH qu'après STARTTLS, ou c'est un relais qui n'exige pas de connexion.

auth-mechanism-unsupported = { $case ->
        [refused] Le serveur a refusé la méthode de connexion.
        [oauth-only] Le serveur n'accepte que des jetons d'accès OAuth2 ({ $offered }), pas de mot de passe.
        [password-only] Le serveur ne propose que des connexions par mot de passe ({ $offered }) : un jeton d'accès n'est pas utilisable ici.
        [none-known] Le serveur propose { $offered }, mais aucune méthode de connexion que cet outil connaît.
        [not-offered] Le serveur propose { $offered }, mais pas { $wanted }.
        [use-auto] Le serveur propose { $offered }, mais pas { $wanted }.
       *[other] Le serveur ne propose pas la méthode de connexion choisie.
    }
    .help = { $case ->
        [oauth-only] Aucun mot de passe ne fonctionne ici. Connectez-vous avec OAuth2 (la méthode oauth2), ou utilisez le service SMTP du fournisseur qui accepte les mots de passe d'application.
        [password-only] Utilisez le mot de passe (ou mot de passe d'application) du compte avec la méthode password, ou un serveur du fournisseur qui accepte OAuth2.
        [use-auto] Le serveur propose { $usable } ; avec « auto », le test l'utilise.
       *[other] Choisissez « auto », ou une méthode que le serveur propose.
    }

auth-requires-tls = { $case ->
        [mail] Le serveur exige le chiffrement avant d'accepter des e-mails.
       *[other] Le serveur exige le chiffrement avant la connexion.
    }
    .help = { $case ->
        [mail] Choisissez STARTTLS (ou TLS/SSL sur le port 465) : ce serveur refuse les sessions non chiffrées.
       *[other] Choisissez STARTTLS ou TLS/SSL.
    }

auth-failed = { $case ->
        [reply] { $who ->
            [provider] { $provider } a refusé le nom d'utilisateur ou le mot de passe ({ $reply-code }).
           *[server] Le serveur a refusé le nom d'utilisateur ou le mot de passe ({ $reply-code }).
        }
       *[other] Le nom d'utilisateur ou le mot de passe a été refusé.
    }
    .help = { $hint ->
        [m365-credentials] Selon Microsoft 365, les identifiants sont faux ou SMTP AUTH est désactivé pour cette boîte aux lettres ; vérifiez les deux, ou utilisez OAuth2.
        [gmail-credentials] Google refuse les mots de passe habituels des comptes : créez un mot de passe d'application (validation en deux étapes requise) et utilisez l'adresse complète comme nom d'utilisateur.
       *[other] Vérifiez le nom d'utilisateur et le mot de passe ; beaucoup de fournisseurs exigent un mot de passe d'application pour SMTP.
    }

auth-app-password-required = { $case ->
        [reply] { $who ->
            [provider] { $provider } exige un mot de passe d'application pour ce compte.
           *[server] Le serveur exige un mot de passe d'application pour ce compte.
        }
        [url] { $who ->
            [provider] { $provider } exige un mot de passe d'application pour ce compte.
           *[server] Le serveur exige un mot de passe d'application pour ce compte.
        }
       *[other] Le fournisseur exige un mot de passe d'application.
    }
    .help = { $case ->
        [url] Créez un mot de passe d'application sur { $url } (la validation en deux étapes doit être activée) et utilisez-le à la place du mot de passe de votre compte.
       *[other] Créez un mot de passe d'application dans les réglages de sécurité de votre compte et utilisez-le ici.
    }

auth-disabled-by-provider = { $case ->
        [reply] { $who ->
            [provider] Chez { $provider }, la connexion SMTP est désactivée pour ce compte.
           *[server] Sur ce serveur, la connexion SMTP est désactivée pour ce compte.
        }
       *[other] La connexion SMTP est désactivée pour ce compte.
    }
    .help = { $hint ->
        [m365-tenant] SMTP AUTH est désactivé pour toute l'organisation. Un administrateur Exchange l'active avec Set-TransportConfig -SmtpClientAuthenticationDisabled $false (et, pour une boîte aux lettres où il est aussi désactivé, Set-CASMailbox -Identity <boîte> -SmtpClientAuthenticationDisabled $false). Les connexions OAuth2 en ont besoin aussi.
        [m365-mailbox] SMTP AUTH est désactivé pour cette boîte aux lettres. Un administrateur Exchange l'active avec Set-CASMailbox -Identity <boîte> -SmtpClientAuthenticationDisabled $false (centre d'administration Microsoft 365 : l'utilisateur, Courrier, Gérer les applications de messagerie, SMTP authentifié). Les connexions OAuth2 en ont besoin aussi.
        [m365-basic-off] Microsoft 365 refuse ici les mots de passe (paramètres de sécurité par défaut, ou authentification de base retirée pour l'envoi) : connectez-vous plutôt avec OAuth2.
        [m365-disabled] Dans Microsoft 365, un administrateur doit activer « SMTP authentifié » pour la boîte aux lettres (et l'autoriser dans le locataire), ou l'application doit se connecter avec OAuth2 (XOAUTH2).
       *[other] Le compte ou son organisation a désactivé la connexion SMTP ; un administrateur doit la réactiver, ou utilisez OAuth2.
    }

auth-rate-limited = { $case ->
        [reply] { $who ->
            [provider] { $provider } refuse la connexion pour l'instant : trop de tentatives.
           *[server] Le serveur refuse la connexion pour l'instant : trop de tentatives.
        }
       *[other] Trop de tentatives de connexion.
    }
    .help = Attendez quelques minutes avant de réessayer.

sender-rejected = { $case ->
        [login-required] Le serveur exige une connexion avant d'accepter un expéditeur.
        [mail-from] Le serveur a refusé cette adresse d'expéditeur ({ $reply-code }).
        [rcpt-to] Le serveur refuse que cet identifiant envoie au nom de cette adresse.
        [data] Le serveur refuse d'envoyer au nom de cette adresse.
       *[other] Cet identifiant n'a pas le droit d'envoyer au nom de cette adresse.
    }
    .help = { $case ->
        [login-required] Indiquez un nom d'utilisateur et un mot de passe ; ce serveur ne relaie pas pour les clients anonymes.
       *[other] Envoyez depuis l'adresse propre à l'identifiant, ou ajoutez cette adresse comme alias au nom duquel le compte peut envoyer.
    }

sender-smtputf8-required = { $case ->
        [address] { $address } contient des caractères non ASCII, et ce serveur ne propose pas SMTPUTF8 : il ne peut pas l'accepter (rien n'a été envoyé).
       *[other] L'adresse n'est pas en ASCII pur, et le serveur n'accepte pas de telles adresses.
    }
    .help = Le serveur ne propose pas SMTPUTF8 et ne peut donc pas prendre d'adresse avec des caractères non ASCII. Utilisez une adresse ASCII (un alias) pour l'envoi.

recipient-rejected = { $case ->
        [reply] Le serveur a refusé le destinataire ({ $reply-code }).
        [unreachable] Votre serveur n'a pas pu joindre le serveur de messagerie du destinataire pour { $domain } et a abandonné.
        [no-domain] Le domaine du destinataire, { $domain }, n'existe pas : il n'a pas de serveur de messagerie.
       *[other] Le serveur a refusé le destinataire.
    }
    .help = { $case ->
        [unreachable] Le domaine du destinataire n'a peut-être pas de serveur de messagerie en service, ou son serveur refuse les connexions du vôtre. Vérifiez l'adresse ; si elle est juste, l'administrateur du destinataire peut dire pourquoi son serveur ne répond pas.
        [no-domain] Vérifiez que le domaine de l'adresse ne contient pas de faute de frappe.
       *[other] Le serveur n'accepte pas d'e-mails pour ce destinataire.
    }

send-rejected = { $case ->
        [reply] Le serveur a refusé le message ({ $reply-code }).
        [unbuildable] Le message de test n'a pas pu être construit : { $error }.
       *[other] Le serveur a refusé le message.
    }
    .help = Le message a été refusé après l'envoi ; la réponse du serveur dit pourquoi.

send-sender-unverified = { $case ->
        [reply] Le fournisseur a refusé le message : l'adresse d'expéditeur n'est pas vérifiée.
       *[other] Le fournisseur a refusé un expéditeur non vérifié.
    }
    .help = Vérifiez cette adresse d'expéditeur ou ce domaine dans la console du fournisseur, puis réessayez.

send-too-large = { $case ->
        [announced] Le serveur a refusé la taille annoncée du message ({ $reply-code }).
        [data] Le serveur a refusé le message de test, trop gros ({ $reply-code }).
        [size-limit] Le serveur accepte des messages de { $limit } octets au plus (SIZE { $limit }) ; le message de test de { $size } octets est plus gros, comme presque tout vrai message. Rien n'a été envoyé.
       *[other] Le message dépasse la taille acceptée par le serveur.
    }
    .help = La limite de taille du serveur (SIZE) est inférieure au message ; même de petits messages sont refusés. Son administrateur doit relever la limite.

send-ok = { $case ->
        [queued] Le message de test à { $recipient } a été accepté (identifiant de file { $queue-id }).
        [accepted] Le message de test à { $recipient } a été accepté.
       *[other] Le message de test a été accepté.
    }
    .help = Le serveur a mis le message en file d'attente pour la remise.


domain-spf-missing = { $case ->
        [suggest] { $domain } ne publie pas d'enregistrement SPF : les destinataires ne peuvent pas savoir que ce serveur peut envoyer ses e-mails.
       *[other] { $domain } ne publie pas d'enregistrement SPF.
    }
    .help = Gmail et Yahoo refusent ou classent en spam les e-mails qui ne passent ni SPF ni DKIM. { $case ->
        [suggest] Publiez un enregistrement TXT sur { $domain } : { $record }
       *[other] Publiez sur { $domain } un enregistrement TXT SPF qui nomme les serveurs qui envoient ses e-mails (la documentation de votre fournisseur donne l'include).
    }

domain-spf-invalid = { $case ->
        [several] { $name } publie plus d'un enregistrement SPF : les destinataires y voient une erreur et les ignorent tous.
        [syntax] L'enregistrement SPF de { $name } contient un terme que les destinataires ne comprennent pas : { $term }
        [lookups] L'enregistrement SPF demande { $count } requêtes DNS ; les destinataires s'arrêtent à 10 et y voient une erreur.
        [void] L'enregistrement SPF a { $count } requêtes sans résultat ; les destinataires s'arrêtent à 2 et y voient une erreur.
        [mx] Le terme mx de l'enregistrement SPF désigne plus de 10 serveurs de messagerie ({ $name }) ; les destinataires y voient une erreur.
        [loop] L'enregistrement SPF de { $domain } s'inclut lui-même via { $name }.
        [include-missing] L'enregistrement SPF inclut { $name }, qui n'a pas d'enregistrement SPF : les destinataires y voient une erreur.
        [redirect-missing] L'enregistrement SPF redirige vers { $name }, qui n'a pas d'enregistrement SPF : les destinataires y voient une erreur.
       *[other] L'enregistrement SPF de { $domain } est inutilisable.
    }
    .help = { $case ->
        [several] Fusionnez-les en un seul enregistrement TXT qui commence par v=spf1 et contient chaque include une fois.
        [lookups] Retirez les includes des services que vous n'utilisez plus, ou envoyez une partie des e-mails depuis un sous-domaine avec son propre enregistrement. Ne remplacez pas les includes par des listes d'adresses (« flattening ») : les fournisseurs changent leurs adresses.
        [void] Retirez les termes dont les noms n'existent plus.
        [include-missing] Retirez cet include, ou corrigez son orthographe d'après la documentation du fournisseur.
        [redirect-missing] Faites pointer redirect= vers un nom qui publie un enregistrement SPF.
       *[other] Corrigez l'enregistrement pour qu'il soit du SPF valide (RFC 7208) ; d'ici là, les destinataires comptent SPF comme échoué pour chaque message.
    }

domain-spf-excludes-relay = { $case ->
        [provider] L'enregistrement SPF de { $domain } n'inclut pas { $provider } (include:{ $include }) : les e-mails envoyés par ce biais échouent à SPF.
        [address] L'enregistrement SPF de { $domain } n'autorise pas { $host } ({ $address }) : le résultat est { $result }.
       *[other] L'enregistrement SPF de { $domain } n'autorise pas ce serveur.
    }
    .help = { $case ->
        [provider] Modifiez l'enregistrement TXT existant (n'en ajoutez pas un second) en : { $record }
        [address] Si ce serveur envoie lui-même vos e-mails, modifiez l'enregistrement TXT existant (n'en ajoutez pas un second) en : { $record }
       *[other] Ajoutez ce serveur à l'unique enregistrement SPF du domaine.
    }

domain-dmarc-missing = { $case ->
        [several] { $at } a plus d'un enregistrement DMARC : les destinataires les ignorent tous.
       *[none] { $domain } n'a pas de politique DMARC.
    }
    .help = { $case ->
        [several] Gardez un seul enregistrement TXT sur { $at }.
       *[none] Les e-mails arrivent quand même, mais Gmail et Yahoo (qui refusent depuis novembre 2025) et Outlook.com (550 5.7.515 depuis le 5 mai 2025) exigent DMARC des expéditeurs en masse. Pour commencer sans rien changer à la distribution, publiez un enregistrement TXT sur { $name } : { $record }
    }

domain-dmarc-unaligned = { $case ->
        [provider] { $domain } demande aux destinataires de { $policy ->
            [reject] refuser
           *[quarantine] classer en spam
        } les e-mails qui échouent à DMARC, et ceux envoyés par { $provider } y échoueront : ils ne sont pas signés pour { $domain } et SPF ne les couvre pas.
       *[other] { $domain } demande aux destinataires de { $policy ->
            [reject] refuser
           *[quarantine] classer en spam
        } les e-mails qui échouent à DMARC, et ceux envoyés par ce serveur y échoueront.
    }
    .help = { $case ->
        [provider] Configurez l'authentification du domaine { $domain } dans les réglages de { $provider } : elle donne les enregistrements DKIM à publier (comme { $name }). La politique est publiée sur { $at }.
       *[other] Faites signer le serveur avec une clé DKIM de { $domain }, ou autorisez-le dans l'enregistrement SPF du domaine. La politique est publiée sur { $at }.
    } Gmail, Yahoo et Outlook.com appliquent les politiques DMARC à tous les expéditeurs.

domain-dkim-missing = { $case ->
        [revoked] Les clés DKIM avec lesquelles { $provider } signe pour { $domain } sont révoquées ou illisibles (sélecteurs { $selectors }).
       *[none] { $domain } ne publie aucune clé DKIM pour { $provider } (sélecteurs { $selectors }).
    }
    .help = Activez DKIM pour { $domain } dans les réglages de { $provider } et publiez les enregistrements indiqués (comme { $name }). Sans DKIM, tout repose sur SPF, et Gmail et Yahoo exigent les deux des expéditeurs en masse.

domain-dkim-weak-key = La clé DKIM du sélecteur { $selector } de { $domain } n'a que { $bits } bits.
    .help = Les destinataires recommandent des clés de 2048 bits ; certains jugent les plus courtes faibles. Créez une clé de 2048 bits dans les réglages de { $provider } et publiez-la.

domain-lookup-failed = { $case ->
        [spf] L'enregistrement SPF de { $domain } n'a pas pu être vérifié : les requêtes DNS n'ont pas abouti.
        [dmarc] La politique DMARC de { $domain } n'a pas pu être vérifiée : les requêtes DNS n'ont pas abouti.
        [dkim] Les clés DKIM de { $domain } n'ont pas pu être vérifiées : les requêtes DNS n'ont pas abouti.
       *[other] Les enregistrements de { $domain } n'ont pas pu être vérifiés.
    }
    .help = Cela ne dit rien de vos enregistrements : les serveurs DNS du domaine ou les nôtres n'ont pas répondu à temps. Réessayez plus tard.

domain-ok = { $case ->
        [spf] L'enregistrement SPF de { $domain } autorise ce serveur{ $policy ->
            [none] {"."}
           *[other] {""}, et sa politique DMARC ({ $policy }) sera satisfaite.
        }
        [dkim] { $domain } publie la clé DKIM avec laquelle ce fournisseur signe{ $policy ->
            [none] {"."}
           *[other] {""}, et sa politique DMARC ({ $policy }) sera satisfaite.
        }
       *[records] Les enregistrements SPF et DMARC de { $domain } sont en ordre.
    }
    .help = Les destinataires peuvent vérifier que ce serveur peut envoyer des e-mails pour { $domain }.


arrival-ok = { $case ->
        [headers] { $receiver } a vérifié le message et n'a trouvé aucun problème d'authentification pour { $domain }.
       *[other] Le message de test est arrivé après { $seconds } s, expéditeur inchangé, et a passé DKIM, SPF et DMARC pour { $domain }.
    }
    .help = Un destinataire comme Gmail le voit comme un vrai e-mail de { $domain }.

arrival-not-arrived = Le serveur a accepté le message de test, mais il n'est pas arrivé en { $count ->
        [one] 1 seconde
       *[other] { $count } secondes
    }.
    .help = Le serveur l'a mis en file puis retenu, supprimé ou renvoyé. Regardez les éléments envoyés et les avis de non-remise du compte, et le journal de distribution du fournisseur : une limite d'envoi, un expéditeur non vérifié ou une destination bloquée en sont la cause habituelle.

probe-inbox-busy = Le serveur a accepté le message de test, mais il n'est pas arrivé en { $count ->
        [one] 1 seconde
       *[other] { $count } secondes
    }, et la boîte de réception du service de test refusait des connexions pendant ce temps (trop à la fois). Le message a peut-être seulement été prié de revenir plus tard.
    .help = C'est un problème du service de test, pas de vos paramètres : vous n'avez rien à changer. Relancez le test dans quelques minutes.

arrival-from-rewritten = { $case ->
        [none] Le message est arrivé sans adresse d'expéditeur (configurée : { $configured }).
       *[other] Le message est arrivé avec l'expéditeur { $seen } au lieu de { $configured }.
    }
    .help = Le fournisseur remplace une adresse d'expéditeur que cet identifiant ne peut pas utiliser : Gmail y met l'adresse de l'identifiant. Ajoutez { $configured } comme adresse d'envoi du compte (Gmail : « Envoyer des e-mails en tant que »), ou envoyez depuis l'adresse de l'identifiant.

arrival-dkim-missing = Le message est arrivé sans signature DKIM.
    .help = Activez la signature DKIM de votre domaine chez votre fournisseur et publiez la clé qu'il vous donne. Gmail et Yahoo exigent SPF ou DKIM de tout expéditeur, et les deux des expéditeurs en masse.

arrival-dkim-fail = { $case ->
        [weak-key] La signature DKIM de { $domain } (sélecteur { $selector }) utilise une clé de { $detail } bits, trop courte pour compter.
        [unnamed] La signature DKIM de { $domain } n'est pas valide : { $detail }.
       *[fail] La signature DKIM de { $domain } (sélecteur { $selector }) n'est pas valide : { $detail }.
    }
    .help = { $case ->
        [weak-key] Publiez une clé de 2048 bits pour ce sélecteur et signez avec.
        [unnamed] Vérifiez que la clé avec laquelle le serveur signe est celle publiée dans le DNS de { $domain } pour son sélecteur, et que rien ne modifie le message après la signature.
       *[fail] Vérifiez que la clé publiée sur { $selector }._domainkey.{ $domain } est celle avec laquelle le serveur signe, et que rien ne modifie le message après la signature.
    }

arrival-spf-fail = { $case ->
        [no-address] SPF échoue pour { $domain } : son enregistrement SPF n'autorise pas l'adresse d'où vient le message.
       *[other] SPF échoue pour { $domain } : le message vient de { $address }, que son enregistrement SPF n'autorise pas.
    }
    .help = Ajoutez l'include du fournisseur (ou cette adresse) à l'unique enregistrement SPF de { $domain }.

arrival-dmarc-fail = { $case ->
        [no-policy] Le message échoue à DMARC pour { $domain } : ni SPF ni DKIM ne s'alignent sur le domaine de l'expéditeur.
       *[other] Le message échoue à DMARC pour { $domain } (politique { $policy }) : ni SPF ni DKIM ne s'alignent sur le domaine de l'expéditeur.
    }
    .help = Les destinataires appliquent à ce message la politique publiée sur { $at }. Signez avec une clé DKIM de { $domain }, ou envoyez avec un expéditeur d'enveloppe dans { $domain } que son enregistrement SPF autorise.

## Titres des corrections

fix-use-port = Utiliser le port { $port }
fix-use-endpoint = Utiliser le port { $port } avec { $security }
fix-use-security = Utiliser { $security }
fix-use-host = Utiliser { $host }
fix-use-host-port = Utiliser { $host } et le port { $port }
fix-use-host-security = Utiliser { $host } avec { $security }
fix-use-host-port-security = Utiliser { $host } et le port { $port } avec { $security }
fix-use-from = Utiliser { $from }
fix-send-from = Envoyer depuis { $from }
fix-send-as = Envoyer en tant que { $from }
fix-quote-name = Mettre le nom entre guillemets
fix-use-username = Utiliser { $username }
fix-move-address = Mettre l'adresse dans « Nom d'utilisateur » et « Expéditeur »
fix-auth-auto = Choisir la méthode de connexion automatiquement
fix-auth-xoauth2 = Utiliser OAuth2 (XOAUTH2)
fix-auth-oauth2 = Se connecter avec OAuth2
fix-auth-password = Se connecter avec un mot de passe

## Libellés

security-tls = TLS/SSL
security-starttls = STARTTLS
security-none = aucun chiffrement

field-host = Serveur SMTP
field-port = Port
field-security = Sécurité
field-username = Nom d'utilisateur
field-password = Mot de passe
field-from = Adresse d'expéditeur
field-auth = Méthode de connexion
field-accessToken = Jeton d'accès
field-general = Général

step-dns = Trouver le serveur
step-connect = Se connecter
step-greeting = Accueil du serveur
step-ehlo = Se présenter
step-tls = Chiffrer (TLS)
step-auth = Se connecter au compte
step-sender = Droit d'envoyer avec l'adresse d'expéditeur
step-send = Envoyer un e-mail de test
step-domain = Vérifier le domaine d'envoi
step-arrival = L'e-mail de test est-il arrivé ?

## La ligne de commande

cli-server = serveur :
cli-fix = correction :
cli-no-problems = Aucun problème trouvé.
cli-works = Ces paramètres fonctionnent.
cli-does-not-work = Ces paramètres ne fonctionnent pas encore.

## Les éléments du navigateur (ui-*)

ui-show = Afficher
ui-hide = Masquer
ui-show-password = Afficher le mot de passe
ui-hide-password = Masquer le mot de passe
ui-extra-checks = Vérifications supplémentaires
ui-check-sender = Vérifier que je peux envoyer avec l'adresse d'expéditeur
ui-check-send = Envoyer un e-mail de test à l'adresse d'expéditeur
ui-check-domain = Vérifier que les e-mails de mon domaine arriveront (SPF, DKIM, DMARC)
ui-check-arrival = Envoyer un e-mail de test à la boîte du service de test et voir comment il arrive
ui-test = Tester la connexion
ui-test-wait = Tester la connexion (attendre { $seconds } s)
ui-cancel = Annuler
ui-steps = Étapes de la connexion
ui-details = Détails techniques : certificat, serveur, échange
ui-transcript = Échange avec le serveur (mots de passe masqués)
ui-copy = Copier pour le support
ui-copied = Copié.
ui-copy-select = Sélectionné : appuyez sur Ctrl+C (⌘C) pour copier.
ui-gate = Testez d'abord la connexion : seuls des paramètres qui fonctionnent peuvent être enregistrés.
ui-load-failed = Le vérificateur n'a pas pu se charger : { $reason }
ui-stale = Les paramètres ont changé depuis le dernier test : testez à nouveau.
ui-nothing-to-test = Rien à tester : liez un formulaire avec for="…" ou définissez la propriété config.
ui-testing = Test de { $host }…
ui-testing-server = Test du serveur…
ui-finished = Test terminé. { $headline }
ui-cancelled = Test annulé.
ui-test-failed = Le test a échoué : { $reason }
ui-applied = Appliqué : { $fix }. Testez à nouveau pour confirmer.
ui-use-suggestion = Utiliser les paramètres qui répondent
ui-starting = Démarrage…
ui-finishing = Finalisation…
ui-step-pass = réussi
ui-step-fail = échoué
ui-step-warn = réussi, avec un avertissement
ui-step-skipped = ignoré
ui-step-running = en cours
ui-headline-service = Le service de test a un problème : vos paramètres n'ont pas été testés
ui-headline-works = Ça fonctionne : ces paramètres permettent d'envoyer des e-mails
ui-headline-works-warnings = Ça fonctionne, avec un point à regarder
ui-headline-fails = Ces paramètres ne fonctionnent pas encore
ui-headline-arrival = La connexion fonctionne, mais les e-mails de ce domaine risquent de ne pas arriver : voir « Vos e-mails arriveront-ils ? » ci-dessous.
ui-arrive = Vos e-mails arriveront-ils ?
ui-arrive-publish = À publier sur { $name } :
ui-arrival-seen = Ce que notre boîte a vu
ui-arrival-delay = Distribué après
ui-arrival-from = Expéditeur affiché
ui-arrival-dkim = DKIM
ui-arrival-spf = SPF
ui-arrival-tls = Remis à notre boîte via
ui-arrival-plain = texte en clair (sans TLS)
ui-more-problems = { $count ->
        [one] et 1 autre problème ci-dessous
       *[other] et { $count } autres problèmes ci-dessous
    }
ui-suggestion-found = Nous avons trouvé des paramètres qui répondent :
ui-suggestion-server = serveur { $host }
ui-suggestion-port = port { $port }
ui-suggestion-apply = Utiliser ceux-ci et tester à nouveau
ui-allowlist-title = Si votre serveur de messagerie n'accepte que des adresses connues :
ui-allowlist-ask = { $count ->
        [one] demandez à son administrateur d'autoriser cette adresse, d'où viennent ce test et nos e-mails :
       *[other] demandez à son administrateur d'autoriser ces adresses, d'où viennent ce test et nos e-mails :
    }
ui-allowlist-unknown = demandez à son administrateur d'autoriser l'adresse d'où notre service envoie (l'opérateur ne l'a pas publiée ici).
ui-certificate = Certificat
ui-cert-covers = Couvre
ui-cert-issuer = Délivré par
ui-cert-valid-until = Valable jusqu'au
ui-cert-in-days = { $days ->
        [one] dans 1 jour
       *[other] dans { $days } jours
    }
ui-cert-days-ago = { $days ->
        [one] il y a 1 jour
       *[other] il y a { $days } jours
    }
ui-cert-trusted = Fiable
ui-cert-protocol = Protocole
ui-yes = oui
ui-no = non
ui-server = Serveur
ui-login-methods = Méthodes de connexion : { $methods }
ui-service-unreachable = Le service de test à { $origin } est injoignable. Vérifiez votre connexion ou réessayez dans une minute.
ui-service-status = Le service de test a répondu { $status }.
ui-service-rate-limited = { $seconds ->
        [one] Trop de tests depuis votre adresse. Réessayez dans 1 seconde.
       *[other] Trop de tests depuis votre adresse. Réessayez dans { $seconds } secondes.
    }
ui-service-unauthorized = Cette page n'a pas le droit d'utiliser le service de test (clé absente, expirée ou incorrecte).
ui-service-busy = Le service de test est occupé. Réessayez dans quelques secondes.
ui-service-stopped = Le test s'est arrêté avant la fin. Réessayez.
ui-token-unreachable = Le serveur de cette page n'a pas répondu (jeton).
ui-token-refused = Le serveur de cette page a refusé un jeton de test ({ $status }).
ui-email = Adresse e-mail
ui-email-example = par ex. vous@example.com
ui-detect = Détecter les paramètres
ui-detect-empty = Saisissez d'abord votre adresse e-mail.
ui-detect-checking = Vérification de la réponse…
ui-detect-filled = { $provider } : { $host }, port { $port } renseignés.
ui-detect-also = Également documenté : { $endpoints }.
ui-detect-app-password = Il vous faudra un mot de passe d'application :
ui-detect-app-password-link = en créer un chez { $provider }
ui-detect-looking = Recherche des paramètres de votre fournisseur (MX, autoconfig, enregistrements SRV, noms habituels) et vérification de ceux qui répondent…
ui-detect-sources = Ce que chaque source a donné
ui-detect-not-checked = (Vérification en direct impossible : { $reason })
ui-detect-failed = Nous n'avons pas pu trouver votre fournisseur : { $reason }
ui-detect-found = Trouvé et vérifié : { $host }, port { $port }, { $security }.
ui-detect-unreachable = Notre service de test n'a pas pu joindre { $host } pour l'instant ; « Tester la connexion » vous en dira plus.
ui-detect-candidates = Paramètres trouvés, les meilleurs d'abord
ui-detect-how = { $count ->
        [one] Comment nous les avons trouvés : 1 candidat vérifié en { $ms } ms
       *[other] Comment nous les avons trouvés : { $count } candidats vérifiés en { $ms } ms
    }
ui-use-these = Utiliser ceux-ci
ui-source-provider = Table des fournisseurs
ui-source-mx = Enregistrements MX
ui-source-autoconfig = Fichier autoconfig
ui-source-srv = Enregistrements SRV
ui-source-guess = Suppositions
ui-connect = Se connecter
ui-connect-with = Se connecter avec { $provider }
ui-connect-again = Se reconnecter
ui-connect-waiting = Terminez la connexion dans la fenêtre qui s’est ouverte.
ui-connect-signed-in = Connecté en tant que { $username }. La connexion SMTP utilise cette identification au lieu d’un mot de passe.
ui-connect-popup-blocked = Votre navigateur a bloqué la fenêtre de connexion. Autorisez les fenêtres pop-up pour ce site, puis réessayez.
ui-connect-cancelled = Connexion annulée.
ui-connect-timeout = La connexion a pris trop de temps. Réessayez.
ui-connect-failed = La connexion n’a pas abouti : { $reason }
ui-connect-apply = Utiliser la connexion { $provider }
ui-connect-expired = Votre connexion a expiré. Reconnectez-vous avant de tester ou d’enregistrer.
ui-explain-label = Vous envoyez déjà ? Collez l'erreur que votre application a journalisée
ui-explain-example = p. ex. Invalid login: 535-5.7.8 Username and Password not accepted
ui-explain = Expliquer
ui-explain-empty = Collez d'abord une erreur.
ui-explain-working = Lecture de l'erreur…
ui-explain-failed = L'erreur n'a pas pu être expliquée : { $reason }
ui-explain-library = Formulé par { $library }.
ui-explain-receiver = Verdict du destinataire { $receiver }.
ui-explain-reply = Le serveur a dit : { $reply }
ui-explain-truncated = (Seuls les 64 premiers Ko ont été lus.)
ui-actor-it-admin = Pour votre équipe informatique
ui-actor-dns-admin = Pour l'administrateur de votre DNS
ui-actor-provider = Du côté de votre fournisseur de messagerie
ui-actor-service = De notre côté, pas du vôtre
ui-actor-customer = Pour la personne qui saisit les paramètres
ui-handoff-title = Paramètres SMTP testés : { $target }
ui-handoff-certificate = Certificat : { $subject } (noms : { $names }), émis par { $issuer }, valide du { $from } au { $until }.
ui-share-intro = Quelqu'un qui connecte une application à ce serveur de messagerie a testé ses paramètres. Voici les étapes que vous seul pouvez effectuer ; chacune dit pourquoi, et ce que le serveur a répondu.
ui-share-expires = Cette page sera supprimée le { $date }.
ui-share-print = Imprimer
ui-share-nothing = Rien ici ne demande un administrateur : le test n'a trouvé d'étapes que pour la personne qui saisit les paramètres.
ui-share-attested = Le service de test a signé ce résultat ; le backend de l'application peut le vérifier.
ui-share-server-said = Le serveur a répondu :
ui-share-button = Envoyer à votre équipe informatique
ui-share-creating = Création du lien…
ui-share-link = Toute personne ayant ce lien peut lire quoi faire jusqu'au { $date }.
ui-share-copy = Copier le lien
ui-share-copied = Lien copié
ui-share-email = Envoyer par e-mail
ui-share-open = Imprimer
ui-share-mail-subject = Paramètres de messagerie pour { $target } : étapes pour vous
ui-share-mail-text = Notre application ne peut pas envoyer d'e-mails via { $target }. Le test des paramètres a trouvé des étapes que vous seul pouvez effectuer ; elles sont sur cette page :
ui-share-gone = Ce lien a expiré, a été supprimé ou n'a jamais existé. Demandez-en un nouveau à la personne qui vous l'a envoyé.
ui-share-unavailable = Les liens partagés sont indisponibles pour le moment. Réessayez dans quelques minutes.
ui-share-delete = Supprimer le lien
ui-share-deleted = Lien supprimé : il n'ouvre plus rien.
ui-share-failed = Le lien n'a pas pu être créé : { $reason }

## Détection (« Détecter les paramètres »), rendue par le service

discover-table-serves = { $provider } gère les adresses en { $domain } (table intégrée)
discover-table-none = absent de la table intégrée
discover-mx-is = le MX { $host } est { $provider }
discover-mx-unknown = le MX { $hosts } n'appartient à aucun fournisseur connu
discover-mx-none = { $domain } n'a pas d'enregistrement MX
discover-mx-failed = la recherche MX de { $domain } a échoué : { $error }
discover-autoconfig-lists = { $url } indique { $host }:{ $port } ({ $security })
discover-autoconfig-found = { $count ->
        [one] { $url } : 1 serveur d'envoi
       *[other] { $url } : { $count } serveurs d'envoi
    }
discover-srv-not-offered = { $name } indique : non proposé
discover-srv-detail = { $name } → { $host }:{ $port } (priorité { $priority }, poids { $weight })
discover-srv-none = aucun enregistrement _submissions._tcp / _submission._tcp pour { $domain }
discover-guess-skipped = d'autres sources ont donné des serveurs
discover-guessed = supposé : { $host }:{ $port } ({ $security })
discover-guess-trying = essai de { $count } noms et ports courants
discover-works = { $login ->
        [yes] { $host }:{ $port } avec { $security } fonctionne, connexion comprise.
        [untried] { $host }:{ $port } avec { $security } fonctionne (la connexion n'a pas été essayée : le mot de passe n'est envoyé, chiffré, qu'aux serveurs de { $domain } ou d'un fournisseur connu).
       *[no] { $host }:{ $port } avec { $security } fonctionne.
    }
discover-none-answered = { $count ->
        [one] 1 serveur possible trouvé pour { $domain }, mais il n'a pas répondu comme un serveur SMTP ; la raison est indiquée à côté. Demandez ses réglages SMTP à votre fournisseur.
       *[other] { $count } serveurs possibles trouvés pour { $domain }, mais aucun n'a répondu comme un serveur SMTP ; les raisons sont indiquées à côté. Demandez ses réglages SMTP à votre fournisseur.
    }
discover-nothing = Aucun serveur SMTP trouvé pour { $domain } : il n'est pas dans notre table de fournisseurs, son MX ne mène à aucun fournisseur connu, il ne publie ni fichier autoconfig ni enregistrement SRV, et aucun nom habituel (smtp., mail. ou le domaine lui-même) n'a répondu sur 465, 587 ou 25. Demandez ses réglages SMTP à votre fournisseur.
discover-outage = Le service de test n'arrive pas à joindre son résolveur DNS ; rien n'a pu être recherché : cela ne dit rien de votre domaine ni de vos paramètres. Réessayez dans quelques minutes.
discover-verified = vérifié ({ $checks })
discover-not-verified = non vérifié
discover-not-verified-because = non vérifié : { $reason } [{ $code }]
discover-not-tried = non vérifié : le délai a expiré avant
discover-why = { $verification } ; { $security } ; d'après { $sources }

explain-not-recognised = { $case ->
        [library] Nous reconnaissons la formulation de { $library }, mais pas la cause qu'elle nomme.
       *[other] Nous ne reconnaissons aucune cause dans ce texte.
    }
    .help = Collez l'erreur entière, avec la réponse du serveur (une ligne qui commence par un nombre comme 535 ou 550), ou lancez « Tester la connexion » : le test en direct trouve la cause lui-même.
explain-several-causes = { $count ->
        [one] Ce texte correspond à plus d'une cause.
       *[other] Ce texte correspond à { $count } causes, la plus probable d'abord.
    }
    .help = Le texte seul ne permet pas de les distinguer ; « Tester la connexion » avec les mêmes réglages le peut.
