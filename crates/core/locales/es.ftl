# smtp-doctor – mensajes en español.
#
# Mismos identificadores, atributos y parámetros que en.ftl
# (crates/core/tests/catalogs.rs). Estilo: las palabras del cliente, breve y
# claro, trato de usted; los nombres que usan los proveedores para sus
# ajustes («contraseña de aplicación»).

## Diagnósticos

config-invalid = La configuración no es un objeto JSON.
    .help = Envíe la configuración en un solo objeto con host, port, security, username, password y from.

host-missing = No se indicó ningún servidor SMTP.
    .help = Escriba el servidor de salida (SMTP) de su proveedor, p. ej. smtp.example.com.

host-invalid = { $case ->
        [reason] «{ $host }» no es un nombre de servidor válido: { $reason ->
            [empty] el nombre está vacío
            [too-long] el nombre tiene más de 253 caracteres
            [empty-part] el nombre tiene una parte vacía (dos puntos seguidos o un punto al principio)
            [part-too-long] la parte «{ $detail }» tiene más de 63 caracteres
            [bad-character] «{ $detail }» no está permitido en un nombre de servidor
            [underscore] la parte «{ $detail }» contiene «_», que no puede aparecer en nombres de servidor
            [hyphen] la parte «{ $detail }» empieza o termina con un guion
            [legacy-ip] es una dirección IP en una notación poco habitual; equivale a { $detail }
            [numeric-end] la última parte es un número, así que no es ni un nombre ni una dirección IP
            [bad-ipv6] no es una dirección IPv6 válida
           *[idna] no es un nombre de dominio internacional válido
        }.
       *[other] El servidor SMTP no es un nombre de servidor ni una dirección IP válidos.
    }
    .help = { $reason ->
        [legacy-ip] Escriba las direcciones IPv4 como cuatro números separados por puntos; mejor aún, use el nombre del servidor.
       *[other] Un nombre de servidor se compone de letras, cifras y guiones separados por puntos, como smtp.example.com.
    }

host-has-scheme = { $case ->
        [web] El servidor SMTP empieza por «{ $scheme }://».
        [scheme] El servidor SMTP empieza por «{ $scheme }://».
       *[other] El servidor SMTP contiene un prefijo de URL.
    }
    .help = { $case ->
        [web] Es una dirección web. Para enviar solo hace falta el nombre del servidor de correo, normalmente smtp.<su dominio>; consulte la página de ajustes SMTP de su proveedor.
       *[other] Escriba solo el nombre del servidor; el puerto y la seguridad tienen sus propios campos.
    }

host-has-port = { $case ->
        [port] El servidor SMTP termina con el puerto «:{ $port }».
       *[other] El servidor SMTP contiene un número de puerto.
    }
    .help = Ponga solo el nombre en el campo del servidor y el puerto en el campo Puerto.

host-has-whitespace = { $case ->
        [outer] El servidor SMTP empieza o termina con un espacio.
       *[other] El servidor SMTP contiene espacios.
    }
    .help = { $case ->
        [outer] Aquí se ignora el espacio, pero otros programas quizá no. Quítelo.
       *[other] Los nombres de servidor nunca llevan espacios. Quítelos; al copiar un nombre suele colarse alguno.
    }

host-is-email = { $case ->
        [provider] { $address } es una dirección de correo, no un nombre de servidor.
        [address] { $address } es una dirección de correo, no un nombre de servidor.
       *[other] Se escribió una dirección de correo como servidor SMTP.
    }
    .help = { $case ->
        [provider] Las direcciones de { $domain } envían a través del servidor { $host } de { $provider }. Su dirección va en «Usuario» y «Remitente».
        [address] Escriba el servidor de salida de su proveedor (a menudo smtp.{ $domain } o mail.{ $domain }); su dirección va en «Usuario» y «Remitente».
       *[other] El servidor es un nombre como smtp.example.com; su dirección va en «Usuario» o «Remitente».
    }

host-incoming-server = { $case ->
        [provider] { $host } es el servidor de { $provider } para recibir correo (IMAP/POP).
        [guess] { $host } parece un servidor para recibir correo (IMAP/POP).
       *[other] Esto parece un servidor para recibir correo (IMAP/POP).
    }
    .help = { $case ->
        [provider] Para enviar, use { $smtp-host } en el puerto { $endpoints }.
        [guess] Para enviar hace falta el servidor de salida (SMTP), a menudo { $smtp-host }. Consulte los ajustes de su proveedor.
       *[other] Para enviar hace falta el servidor de salida (SMTP), cuyo nombre suele empezar por smtp.
    }

host-ip-literal = { $case ->
        [ip] El servidor SMTP es la dirección IP { $ip }.
       *[other] El servidor SMTP es una dirección IP.
    }
    .help = Los certificados se emiten para nombres, así que la comprobación del certificado del servidor suele fallar con una dirección IP; es mejor usar el nombre del servidor.

host-private = { $case ->
        [range] { $host } es { $range ->
            [unspecified] una dirección no especificada
            [loopback] una dirección de bucle local (loopback)
            [private] una dirección de red privada
            [link-local] una dirección de enlace local
            [cgnat] una dirección de NAT de operador (CGNAT)
            [multicast] una dirección multicast
            [broadcast] la dirección de difusión
            [documentation] una dirección reservada para documentación
            [benchmarking] una dirección reservada para pruebas de rendimiento
            [local-name] un nombre de la red local
           *[reserved] una dirección reservada
        }, inalcanzable desde internet.
       *[other] El servidor SMTP es una dirección privada o local.
    }
    .help = Nuestro servicio de prueba tampoco puede alcanzarla. Use el nombre público del servidor, salvo que el servicio que envía funcione en la misma red.

port-missing = No se indicó ningún puerto.
    .help = Use 587 con STARTTLS o 465 con TLS/SSL, según indique su proveedor.

port-invalid = { $case ->
        [raw] «{ $raw }» no es un número de puerto entre 1 y 65535.
       *[other] El puerto no es un número entre 1 y 65535.
    }
    .help = Los puertos SMTP son números enteros: normalmente 587 (STARTTLS) o 465 (TLS/SSL).

port-incoming = { $case ->
        [port] El puerto { $port } es el puerto de { $protocol }, que sirve para recibir correo.
       *[other] Este puerto sirve para recibir correo (IMAP/POP), no para enviarlo.
    }
    .help = El envío usa SMTP: 587 con STARTTLS o 465 con TLS/SSL.

port-unusual = { $case ->
        [port] El puerto { $port } no es un puerto SMTP habitual.
       *[other] No es un puerto SMTP habitual.
    }
    .help = Para enviar se usan normalmente 587 (STARTTLS), 465 (TLS/SSL), 2525 o 25. Compruebe el puerto que indica su proveedor.

port-25-blocked = El puerto 25 suele estar bloqueado para enviar.
    .help = { $case ->
        [platforms] Algunas plataformas de alojamiento bloquean el puerto 25 de salida ({ $blockers }): si su aplicación funciona allí, use otro puerto de un servicio de envío: { $alternatives }. El puerto { $port } con { $security } está pensado para enviar desde aplicaciones.
       *[other] Muchas nubes y proveedores de internet bloquean el puerto 25 de salida. Mejor use 587 con STARTTLS o 465 con TLS/SSL.
    }

tls-port-mismatch = { $case ->
        [port] { $expected ->
            [tls] El puerto { $port } espera TLS/SSL, pero está seleccionado { $security }.
           *[other] El puerto { $port } espera STARTTLS, pero está seleccionado { $security }.
        }
       *[other] El ajuste de seguridad no corresponde al puerto.
    }
    .help = { $case ->
        [port] { $expected ->
            [tls] Los servidores del puerto { $port } cifran desde el primer byte, así que una conexión sin cifrar espera un saludo que nunca llega. Elija TLS/SSL o use el puerto 587 con STARTTLS.
           *[other] Los servidores del puerto { $port } saludan sin cifrar y luego pasan al cifrado con STARTTLS; conectar directamente con TLS falla con errores como «wrong version number». Elija STARTTLS o use el puerto 465 con TLS/SSL.
        }
       *[other] El puerto 465 usa TLS/SSL (cifrado desde el inicio); los puertos 587, 25 y 2525 usan STARTTLS.
    }

tls-conflicting-modes = { $case ->
        [settings] «{ $setting }» indica { $security }, pero «{ $other-setting }» indica { $other-security }.
       *[other] Dos ajustes de seguridad se contradicen.
    }
    .help = Elija uno: TLS/SSL, STARTTLS o ninguno.

tls-missing = No se eligió ningún ajuste de seguridad.
    .help = Elija TLS/SSL para el puerto 465 o STARTTLS para el puerto 587.

tls-invalid-mode = { $case ->
        [raw] «{ $raw }» no es un ajuste de seguridad.
       *[other] El ajuste de seguridad no es TLS/SSL, STARTTLS ni «ninguno».
    }
    .help = Elija TLS/SSL, STARTTLS o ninguno.

tls-none = { $case ->
        [starttls-offered] El servidor ofrece STARTTLS, pero no se eligió cifrado.
       *[other] La conexión no está cifrada.
    }
    .help = Sin cifrado, el correo y las credenciales viajan en texto claro. Use STARTTLS o TLS/SSL.

auth-cleartext = La contraseña se enviaría sin cifrar.
    .help = Las credenciales en una conexión sin cifrar pueden leerse por el camino, y la mayoría de los servidores las rechazan. Active STARTTLS o TLS/SSL.

auth-username-missing = Hace falta un nombre de usuario.
    .help = { $case ->
        [provider] { $provider } necesita un usuario: { $username-kind ->
            [full-address] su dirección de correo completa
            [literal] la palabra «{ $word }»
            [domain-login] el usuario SMTP de su dominio de envío, p. ej. postmaster@mg.example.com
            [ses-username] el usuario SMTP que generó SES (empieza por AKIA)
            [postmark-server-token] el token de la API del servidor (Server API token)
            [mailjet-api-key] la clave de API de Mailjet
           *[any] el usuario SMTP que muestra su cuenta
        }.
       *[other] Escriba el usuario de su cuenta de correo, normalmente su dirección completa.
    }

auth-password-missing = { $case ->
        [xoauth2] Hace falta un token de acceso OAuth2.
       *[other] Hace falta una contraseña.
    }
    .help = { $case ->
        [xoauth2] Con XOAUTH2, el campo de la contraseña lleva el token de acceso OAuth2.
       *[other] Escriba la contraseña (o la contraseña de aplicación) de este usuario.
    }

auth-password-whitespace = La contraseña empieza o termina con un espacio.
    .help = Al copiar una contraseña suele colarse un espacio o un salto de línea; quítelo, salvo que de verdad forme parte de la contraseña.

auth-mechanism-unknown = { $case ->
        [raw] «{ $raw }» no es un método de inicio de sesión que esta herramienta conozca.
       *[other] El método de inicio de sesión no es auto, plain, login, cram-md5, xoauth2 ni none.
    }
    .help = Déjelo en «auto», salvo que su proveedor indique otra cosa.

auth-app-password = { $case ->
        [provider] { $provider } necesita una contraseña de aplicación, no la contraseña de su cuenta.
       *[other] Este proveedor necesita una contraseña de aplicación.
    }
    .help = { $case ->
        [provider] Cree una en { $url } (la verificación en dos pasos debe estar activada) y péguela como contraseña.
       *[other] Cree una contraseña de aplicación en los ajustes de seguridad de su cuenta y úsela en lugar de su contraseña habitual.
    }

auth-username-format = { $case ->
        [full-address] { $provider } espera su dirección de correo completa como usuario, no «{ $username }».
        [literal] { $provider } espera literalmente el usuario «{ $word }».
        [domain-login] { $provider } espera el usuario SMTP de su dominio de envío, como postmaster@mg.example.com.
        [not-an-address] { $provider } no usa una dirección de correo como usuario SMTP.
        [prefix] Los usuarios SMTP de { $provider } empiezan por { $prefix }.
        [unsendable] El usuario no se puede enviar: { $error }.
       *[other] Este proveedor espera otro tipo de usuario.
    }
    .help = { $case ->
        [literal] Con { $provider } el usuario es siempre «{ $word }»; su clave va en el campo de la contraseña.
        [not-an-address] Use { $credential ->
            [ses-username] el usuario SMTP que generó SES (empieza por AKIA)
            [postmark-server-token] el token de la API del servidor (Server API token)
            [mailjet-api-key] la clave de API de Mailjet
           *[other] el usuario que indica su proveedor
        }.
        [prefix] Use { $credential ->
            [ses-username] el usuario SMTP que generó SES (empieza por AKIA)
            [postmark-server-token] el token de la API del servidor (Server API token)
            [mailjet-api-key] la clave de API de Mailjet
           *[other] el usuario que indica su proveedor
        }.
       *[other] Use el usuario que su proveedor indica para SMTP.
    }

auth-credential-type = { $case ->
        [wrong] Esto es { $wrong-credential ->
            [brevo-api-key] una clave de API de Brevo (xkeysib-…)
           *[other] otro tipo de clave
        }, no la credencial SMTP.
        [prefix] El SMTP de { $provider } necesita { $credential ->
            [sendgrid-api-key] una clave de API de SendGrid (SG.…) con permiso «Mail Send»
            [brevo-smtp-key] una clave SMTP de Brevo (xsmtpsib-…)
            [resend-api-key] una clave de API de Resend (re_…)
           *[other] sus credenciales SMTP
        }; este secreto no empieza por { $prefix }.
        [aws-secret-key] Esto parece una clave de acceso secreta de AWS (40 caracteres), no una contraseña SMTP de SES (44).
        [ses-length] Las contraseñas SMTP de SES tienen 44 caracteres; esta no.
        [app-password] Esto no parece una contraseña de aplicación de { $provider } (16 letras).
        [uuid] El SMTP de { $provider } usa el token de la API del servidor como contraseña; este secreto no tiene esa forma.
       *[other] El secreto parece el tipo de credencial equivocado.
    }
    .help = { $case ->
        [wrong] El SMTP de { $provider } necesita { $credential ->
            [sendgrid-api-key] una clave de API de SendGrid (SG.…) con permiso «Mail Send»
            [brevo-smtp-key] una clave SMTP de Brevo (xsmtpsib-…)
            [resend-api-key] una clave de API de Resend (re_…)
           *[other] la credencial SMTP
        }.
        [aws-secret-key] Cree credenciales SMTP en la consola de SES (ajustes SMTP) o derive la contraseña SMTP de la clave para esta región.
        [ses-length] Use la contraseña SMTP que se mostró al crear las credenciales SMTP de SES.
        [app-password] La contraseña de la cuenta no se acepta para SMTP; cree una contraseña de aplicación y péguela aquí (los espacios entre los grupos de cuatro no importan).
       *[other] Use la credencial que su proveedor emite para SMTP, no una clave de API ni la contraseña de la cuenta.
    }

auth-oauth-required = { $case ->
        [required] { $provider } ya no acepta contraseñas para SMTP (desde el { $since }).
        [retiring] { $provider } desactiva por defecto el inicio de sesión SMTP con contraseña el { $date }.
        [retired] { $provider } desactivó por defecto el inicio de sesión SMTP con contraseña el { $date }.
       *[other] Este proveedor ya no acepta contraseñas para SMTP.
    }
    .help = { $case ->
        [required] Se rechazan las contraseñas y las contraseñas de aplicación. Inicie sesión con OAuth2.
        [retiring] { $oauth-note ->
            [microsoft-365] Hasta entonces la autenticación SMTP básica (SMTP AUTH) funciona donde está activada para el buzón; después queda desactivada en los inquilinos existentes salvo que un administrador la vuelva a activar.
           *[other] {""}
        } Inicie sesión con Microsoft (OAuth2) ya, y ese día no cambiará nada.
        [retired] { $oauth-note ->
            [microsoft-365] El inicio de sesión con contraseña solo funciona donde un administrador volvió a activar SMTP AUTH para el inquilino y el buzón, y Microsoft lo retirará definitivamente.
           *[other] {""}
        } Inicie sesión con Microsoft (OAuth2) en su lugar.
       *[other] Inicie sesión con OAuth2 en lugar de una contraseña.
    }

## Tokens de acceso OAuth2 (leídos, no verificados: los verifica el servidor)

auth-token-missing = { $case ->
        [provider] Inicie sesión con { $provider } o indique un token de acceso.
       *[other] OAuth2 necesita un token de acceso.
    }
    .help = Con OAuth2 el servidor comprueba un token de acceso de corta duración en lugar de una contraseña. Use el botón de inicio de sesión o deje que el backend de su aplicación ponga un token de acceso reciente en el campo «Token de acceso».

auth-token-kind = { $kind ->
        [id-token] Esto es un token de identidad (ID token), no un token de acceso.
        [refresh-token] Esto es un token de actualización (refresh token), no un token de acceso.
        [authorization-code] Esto es un código de autorización, no un token de acceso.
        [client-secret] Esto es el secreto de cliente de la aplicación, no un token de acceso.
       *[other] Esto no es un token de acceso.
    }
    .help = { $kind ->
        [id-token] Un token de identidad le dice a su aplicación quién inició sesión; el servidor de correo solo acepta el token de acceso del mismo inicio de sesión (access_token en la respuesta del token).
        [refresh-token] Un token de actualización se queda en el backend de su aplicación, que lo cambia por un token de acceso de corta duración: dé a la prueba ese token de acceso.
        [authorization-code] El código de la redirección de inicio de sesión debe canjearse antes en el endpoint de tokens; el token de acceso llega de ese canje.
        [client-secret] El secreto de cliente identifica su aplicación ante el proveedor y va en su backend; el servidor de correo necesita el token de acceso de una cuenta que inició sesión.
       *[other] Indique el token de acceso de una cuenta que inició sesión.
    } Reconocido solo por su forma: el servidor tiene la última palabra.

auth-token-expired = El token de acceso caducó hace { $minutes } minutos.
    .help = Los tokens de acceso duran alrededor de una hora. Vuelva a iniciar sesión o deje que su backend lo renueve con su token de actualización, y pruebe con el nuevo.

auth-token-expiring = El token de acceso caduca en { $seconds } segundos, antes de que la prueba pueda terminar.
    .help = Consiga un token de acceso reciente (su backend lo renueva con su token de actualización) y vuelva a probar.

auth-token-audience = { $case ->
        [graph] Este token de acceso es para Microsoft Graph, no para SMTP.
        [google-for-microsoft] Este es un token de acceso de Google; { $provider } necesita uno de Microsoft.
        [microsoft-for-google] Este es un token de acceso de Microsoft; { $provider } necesita uno de Google.
       *[other] Este token de acceso es para { $audience }, no para SMTP.
    }
    .help = { $case ->
        [graph] Un token de Graph sirve para la API de Graph, pero SMTP responde 535 5.7.3 Authentication unsuccessful. Pida el ámbito https://outlook.office.com/SMTP.Send (con offline_access) al iniciar sesión.
        [google-for-microsoft] Inicie sesión con Microsoft y pida https://outlook.office.com/SMTP.Send.
        [microsoft-for-google] Inicie sesión con Google y pida el ámbito https://mail.google.com/.
       *[other] Para Microsoft 365 y Outlook.com, pida https://outlook.office.com/SMTP.Send al iniciar sesión.
    } Los datos del token se leen aquí, no se verifican: el servidor comprueba su firma.

auth-token-scope = El token de acceso no puede enviar correo por SMTP: le falta el permiso SMTP.Send.
    .help = Sus permisos: { $scopes }. Añada el permiso delegado SMTP.Send (Office 365 Exchange Online) al registro de la aplicación y pida https://outlook.office.com/SMTP.Send al iniciar sesión; una aplicación que envía sin usuario necesita SMTP.SendAsApp.

auth-token-user = El token de acceso se emitió para { $token-user }, pero el usuario es { $username }.
    .help = El inicio de sesión envía el usuario junto con el token y el servidor rechaza una diferencia. Use la cuenta que inició sesión o inicie sesión como { $username }.

auth-token-tenant = { $case ->
        [personal] Este token es de una cuenta personal de Microsoft; Microsoft 365 necesita una cuenta profesional o educativa.
       *[work] Este token es de una cuenta profesional o educativa; Outlook.com necesita una cuenta personal de Microsoft.
    }
    .help = { $case ->
        [personal] Inicie sesión con la cuenta de la organización, o use smtp-mail.outlook.com para una dirección de Outlook.com o Hotmail.
       *[work] Use smtp.office365.com para un buzón de Microsoft 365.
    }

auth-token-rejected = { $case ->
        [invalid] El servidor rechazó el token de acceso: no es válido o ha caducado.
        [m365] Microsoft 365 rechazó el token de acceso.
        [scope] El servidor rechazó el token de acceso: le falta el ámbito { $scope }.
       *[other] El servidor rechazó el token de acceso.
    }
    .help = { $case ->
        [invalid] Consiga un token de acceso reciente (vuelve a iniciar sesión o renuévelo en su backend) y vuelva a probar.
        [m365] Normalmente una de tres: el token no es para SMTP (pida https://outlook.office.com/SMTP.Send, no un ámbito de Microsoft Graph); SMTP AUTH está desactivado para el buzón (Set-CASMailbox -Identity <buzón> -SmtpClientAuthenticationDisabled $false); o, para una aplicación que envía sin usuario, su entidad de servicio no tiene derecho sobre el buzón (Add-MailboxPermission).
        [scope] Vuelva a iniciar sesión pidiendo { $scope }.
       *[other] Vuelva a iniciar sesión; si sigue fallando, puede que la cuenta no tenga permiso para usar SMTP.
    }

auth-mechanism-withdrawn = El servidor ya no ofrece { $withdrawn } (ahora ofrece: { $offered }).
    .help = Si PLAIN y LOGIN desaparecieron, se desactivó el inicio de sesión con contraseña: el administrador de la cuenta de correo debe volver a activar SMTP AUTH, o la conexión debe pasar a OAuth (Microsoft 365: Set-CASMailbox -SmtpClientAuthenticationDisabled $false).

from-missing = { $case ->
        [sender-check] La comprobación del remitente necesita una dirección de remitente válida.
       *[other] No se indicó ninguna dirección de remitente.
    }
    .help = Escriba la dirección desde la que se envía su correo, p. ej. usted@example.com.

from-invalid = { $case ->
        [reason] El remitente no es una dirección válida: { $reason ->
            [empty] está vacía
            [no-at] no tiene @
            [empty-local] no hay nada antes de la @
            [empty-domain] no hay nada después de la @
            [local-too-long] la parte antes de la @ tiene más de 64 caracteres
            [bad-local] «{ $detail }» solo se permite antes de la @ entre comillas
            [dots] la parte antes de la @ empieza o termina con un punto, o tiene dos puntos seguidos
            [bad-domain] el dominio no es válido
            [domain-without-dot] el dominio no tiene punto
            [unclosed-angle] al < le falta su >
            [trailing-text] tras la dirección sigue «{ $detail }»
            [unquoted-comma] el nombre contiene una coma, que debe ir entre comillas dobles
            [unclosed-quote] unas comillas dobles no se cierran
            [several] contiene más de una dirección
           *[control] el nombre contiene el carácter de control «{ $detail }»
        }.
       *[other] El remitente no es una dirección de correo válida.
    }
    .help = Use una dirección como usted@example.com, si quiere con nombre: Su Nombre <usted@example.com>.

from-domain-mismatch = { $case ->
        [domains] El remitente es de { $from-domain }, pero el usuario es de { $login-domain }.
       *[other] El dominio del remitente es distinto del del usuario.
    }
    .help = Muchos servidores se niegan a enviar como otra dirección salvo que sea un alias de la cuenta. Envíe desde la dirección del usuario o añada esta como alias.

provider-port-unsupported = { $case ->
        [provider] { $provider } no acepta correo en el puerto { $port }.
       *[other] Este proveedor no acepta correo en este puerto.
    }
    .help = { $case ->
        [provider] { $provider } escucha en { $endpoints }.
       *[other] Use uno de los puertos que indica el proveedor.
    }

provider-known = { $case ->
        [provider] Es { $provider }.
       *[other] Es un proveedor conocido.
    }
    .help = { $case ->
        [provider] Ajustes documentados: { $endpoints }.{ $provider-notes ->
            [gmail] {" "}Google rechaza la contraseña normal de la cuenta: use una contraseña de aplicación (requiere la verificación en dos pasos) u OAuth2. En el 587, Google solo ofrece el inicio de sesión después de STARTTLS.
            [google-relay] {" "}El relé acepta o bien una lista de IP permitidas que define el administrador de Workspace, o bien SMTP AUTH, según la consola de administración.
            [microsoft365] {" "}Microsoft 365 solo escucha en el 587 con STARTTLS; no hay 465.
            [icloud] {" "}Las contraseñas específicas de apps de iCloud requieren la autenticación de doble factor en la cuenta de Apple.
            [zoho] {" "}Zoho acepta la contraseña de la cuenta, o una contraseña de aplicación si la autenticación de dos factores está activa. Zoho solo envía desde la dirección propia de la cuenta o sus alias. Las cuentas de organización usan smtppro.zoho.*; use el dominio de su centro de datos (zoho.eu, zoho.in, …).
            [fastmail] {" "}Fastmail recomienda 465 con TLS/SSL; 587 con STARTTLS funciona pero no se recomienda.
            [ses] {" "}Las credenciales SMTP de SES son por región: use el servidor de la región donde se crearon. La identidad del remitente debe estar verificada en la misma región; las cuentas en sandbox solo envían a destinatarios verificados.
            [sendgrid] {" "}SendGrid necesita una identidad de remitente verificada.
            [mailgun] {" "}Use la contraseña SMTP del dominio, no la de la cuenta. Las cuentas de EE. UU. (smtp.mailgun.org) y de la UE (smtp.eu.mailgun.org) son independientes.
            [postmark] {" "}Postmark no tiene puerto 465: una conexión allí se queda colgada.
            [brevo] {" "}El usuario es el usuario SMTP que aparece en los ajustes «SMTP & API» de la cuenta.
            [mailjet] {" "}La contraseña es la clave secreta de la API; la dirección o el dominio de envío debe estar validado en Mailjet.
           *[other] {""}
        } Fuente: { $source } (comprobado el { $checked }).
       *[other] Aquí se muestran sus ajustes documentados.
    }

dns-not-found = { $case ->
        [host] { $host } no existe en el DNS.
       *[other] El nombre del servidor no existe.
    }
    .help = Compruebe cómo está escrito el servidor SMTP; el nombre no está en el DNS.

dns-no-address = { $case ->
        [host] { $host } existe, pero no tiene dirección IP.
       *[other] El nombre del servidor existe, pero no tiene dirección IP.
    }
    .help = El nombre no tiene registro A ni AAAA. Quizá sea un dominio de correo (MX) y no un nombre de servidor; use el servidor SMTP que indica su proveedor.

dns-timeout = { $case ->
        [host] La consulta DNS de { $host } agotó el tiempo, aunque el resolutor responde otras preguntas: los servidores de nombres de { $host } no responden.
        [deadline] El límite de tiempo de la prueba ({ $seconds } s) se agotó mientras se buscaba el servidor.
       *[other] La consulta DNS no respondió a tiempo.
    }
    .help = El resolutor no respondió. Inténtelo de nuevo; si continúa, los servidores de nombres del dominio no son accesibles.

dns-failed = { $case ->
        [rcode] La consulta DNS de { $host } falló: el resolutor respondió { $rcode }.
        [error] La consulta DNS de { $host } falló: { $error }.
       *[other] La consulta DNS falló.
    }
    .help = El resolutor respondió con un error (SERVFAIL o REFUSED): los servidores de nombres del dominio están averiados o se niegan a responder. Su administrador DNS debe arreglarlos; inténtelo más tarde.

dns-address-changed = { $host } ahora resuelve a { $after } (antes: { $before }).
    .help = Normalmente el proveedor movió el servidor; no hay nada que hacer mientras el correo salga. Si un cortafuegos permite las direcciones del servidor, actualice la lista.

probe-dns-unavailable = { $case ->
        [host] El servicio de prueba no pudo buscar { $host }: su propio resolutor DNS no responde. Su configuración no se probó.
       *[other] El servicio de prueba no puede contactar con su resolutor DNS.
    }
    .help = Es un problema del servicio de prueba, no de su configuración: no tiene que cambiar nada. Inténtelo de nuevo en unos minutos.

policy-blocked-address = { $case ->
        [address] { $address } es una dirección interna, que nuestro servicio de prueba no contacta.
        [name] { $host } lleva a una dirección interna, que nuestro servicio de prueba no contacta.
       *[other] El nombre del servidor lleva a una dirección interna, que nuestro servicio de prueba no contacta.
    }
    .help = Por seguridad, el servicio de prueba solo se conecta a direcciones públicas. Use el nombre público del servidor.

policy-blocked-port = { $case ->
        [port] Nuestro servicio de prueba no se conecta al puerto { $port }.
        [host-port] Nuestro servicio de prueba no se conecta al puerto { $port } de este servidor.
       *[other] El servicio de prueba no se conecta a este puerto.
    }
    .help = { $case ->
        [port] Solo prueba estos puertos: { $allowed }. Use el puerto SMTP de su proveedor.
        [host-port] Solo prueba estos puertos: { $allowed }. Use el puerto SMTP de su proveedor.
       *[other] Solo prueba los puertos de correo habituales (25, 465, 587, 2525). Use el puerto que indica su proveedor.
    }

policy-blocked-recipient = { $case ->
        [invalid] El destinatario no se puede usar: { $error }.
        [other-recipient] La prueba solo envía a su propia dirección de remitente ({ $from }), no a { $recipient }.
       *[other] La prueba solo envía a su propia dirección de remitente.
    }
    .help = Las comprobaciones de remitente y de envío usan la dirección de remitente como destinatario, así que la prueba nunca entrega correo a desconocidos. Deje el destinatario vacío o pida al operador que permita su dominio.

tcp-refused = { $case ->
        [addresses] { $addresses } rechazó la conexión en el puerto { $port }.
       *[other] El servidor rechazó la conexión.
    }
    .help = Nada escucha en este puerto, o un cortafuegos la rechaza. Compruebe el puerto.

tcp-timeout = { $case ->
        [addresses] Sin respuesta de { $addresses }: la conexión agotó el tiempo.
        [deadline] El límite de tiempo de la prueba ({ $seconds } s) se agotó durante la conexión.
       *[other] La conexión agotó el tiempo.
    }
    .help = No hubo ninguna respuesta: un cortafuegos descarta el tráfico, o el servidor solo acepta direcciones IP permitidas.{ $allowlist ->
        [yes] {" "}Esta prueba se conecta desde { $egress }; pida al administrador del servidor que permita estas direcciones.
       *[no] {""}
    }{ $blocked ->
        [yes] {" "}Algunas plataformas de alojamiento bloquean el puerto { $port } de salida ({ $blockers }): si su aplicación funciona allí, use otro puerto de un servicio de envío: { $alternatives }.
       *[no] {""}
    }

tcp-unreachable = { $case ->
        [addresses] { $addresses } no es accesible desde nuestro servicio de prueba.
        [mixed] No se puede conectar ({ $failures }).
       *[other] La red del servidor no es accesible.
    }
    .help = No hay ruta hacia esta dirección desde nuestro servicio de prueba.

tcp-some-addresses-failed = { $case ->
        [addresses] { $failed } falló; { $connected } funcionó y la prueba siguió con ella.
        [no-ipv6-route] { $failed } falló; { $connected } funcionó y la prueba siguió con ella.
       *[other] Algunas direcciones del servidor no respondieron.
    }
    .help = { $case ->
        [no-ipv6-route] Las direcciones IPv6 no son accesibles desde nuestro servicio de prueba (no tiene ruta IPv6), mientras que IPv4 funciona: eso no dice nada del servidor. Los clientes sin IPv6 recurren a IPv4, como hizo la prueba.
       *[other] El nombre del servidor tiene varias direcciones y no todas funcionan. Los clientes que eligen una muerta fallan o esperan; el administrador del servidor debería arreglar o quitar esos registros DNS.
    }

smtp-no-greeting = { $case ->
        [seconds] Conectado, pero no llegó ningún saludo en { $seconds } s.
        [no-tls-either] Conectado, pero no llegó ningún saludo en { $seconds } s, y el puerto tampoco responde con TLS.
        [after-tls] La conexión se cifró, pero no llegó ningún saludo SMTP.
       *[other] El servidor aceptó la conexión, pero no envió ningún saludo.
    }
    .help = { $case ->
        [no-tls-either] El ajuste de seguridad no es la causa: ni SMTP sin cifrar ni TLS obtuvieron respuesta. El servidor está sobrecargado, frena a los clientes de los que desconfía (tarpit) o algo intermedio mantiene la conexión abierta. Inténtelo más tarde; si continúa, pregunte al administrador del servidor si la dirección de nuestro servicio de prueba está permitida.
       *[other] Un servidor SMTP saluda enseguida con 220. El silencio suele significar que el puerto espera cifrado desde el primer byte: elija TLS/SSL.
    }

smtp-greeting-rejected = { $case ->
        [reply] El servidor rechazó esta conexión en su saludo ({ $reply-code }).
       *[other] El servidor rechazó a este cliente en su saludo.
    }
    .help = El servidor rechaza las conexiones desde nuestra dirección (una lista de permitidos o de bloqueo). Pida a su administrador que permita las direcciones del servicio de prueba.

smtp-ehlo-rejected = { $case ->
        [helo-works] El servidor rechazó nuestro saludo (EHLO, { $reply-code }), pero aceptó el antiguo HELO: no ofrece extensiones, así que no se conocen ni cifrado, ni inicio de sesión, ni límite de tamaño.
        [both] El servidor rechazó nuestro saludo (EHLO, { $reply-code }) y el antiguo HELO: no iniciará una sesión de correo con nuestro servicio de prueba.
       *[other] El servidor rechazó nuestro saludo (EHLO).
    }
    .help = { $case ->
        [both] Un servidor que rechaza ambos saludos rechaza a este cliente: pregunte a su administrador si la dirección del servicio de prueba está permitida.
       *[other] Sin él, un servidor no ofrece ni cifrado ni inicio de sesión. El servidor es muy antiguo o está mal configurado; pregunte a su administrador.
    }

smtp-helo-rejected = { $case ->
        [name] El servidor rechazó el nombre con el que se presentó este servicio de prueba ({ $name }), no su configuración ({ $reply-code }).
       *[other] El servidor rechazó el nombre con el que se presentó este servicio de prueba.
    }
    .help = { $case ->
        [name] Los servidores que comprueban el nombre EHLO quieren un nombre de host real que apunte a la dirección del cliente. El operador de este servicio de prueba debe iniciarlo con --helo y su nombre de host público (ahora { $name }). Es posible que su configuración sea correcta: su aplicación se presenta con su propio nombre.
       *[other] El servidor comprueba el nombre EHLO/HELO. Es un ajuste del servicio de prueba, no suyo: su operador define un nombre de host real y resoluble con --helo.
    }

smtp-temporary-failure = { $case ->
        [greylisted] El servidor aplazó { $command ->
            [mail-from] el remitente (MAIL FROM)
           *[rcpt-to] el destinatario (RCPT TO)
        } ({ $reply-code }), lo que parece greylisting: un rechazo temporal, no definitivo.
        [deferred] El servidor aplazó { $command ->
            [mail-from] el remitente (MAIL FROM)
           *[rcpt-to] el destinatario (RCPT TO)
        } ({ $reply-code }): un rechazo temporal, no definitivo.
       *[other] El servidor rechaza por ahora (4xx).
    }
    .help = Un rechazo temporal (greylisting, cola llena, un problema local) no es un error de configuración: los programas de correo reintentan y suelen conseguirlo más tarde. Repita la prueba en unos minutos.

smtp-busy = { $case ->
        [greeting] El servidor está ocupado y cerró la conexión de inmediato (421).
       *[other] El servidor está ocupado o cerrando la conexión (421).
    }
    .help = Inténtelo más tarde; si continúa, puede que el servidor limite las conexiones desde esta dirección.

smtp-slow-greeting = { $case ->
        [seconds] El servidor saludó solo después de { $seconds } s.
       *[other] El servidor tardó varios segundos en saludar.
    }
    .help = Un saludo lento indica un freno (tarpit), un servidor sobrecargado o un filtrado; algunos clientes se rinden antes.

smtp-timeout = { $case ->
        [deadline] El límite de tiempo de la prueba ({ $seconds } s) se agotó antes de que el servidor terminara de responder.
       *[other] El servidor dejó de responder.
    }
    .help = El servidor aceptó un comando, pero no respondió a tiempo. Puede estar sobrecargado, o un cortafuegos intermedio corta la conexión.

smtp-closed = { $case ->
        [io] La conexión falló: { $error }.
        [while-sending] La conexión falló durante el envío: { $error }.
       *[other] El servidor cerró la conexión.
    }
    .help = El servidor colgó en mitad de la sesión; su respuesta anterior, si la hubo, explica por qué.

smtp-protocol-error = { $case ->
        [too-long] La respuesta del servidor superó los límites de nuestra prueba (longitud de línea, número de líneas o tamaño).
        [cram-md5] El desafío CRAM-MD5 del servidor no era base64 válido.
        [line-break] Nuestra prueba se negó a enviar un comando con un salto de línea.
        [starttls-injection] El servidor envió datos después de su respuesta a STARTTLS; la prueba se detuvo (un posible ataque de inyección).
       *[other] La respuesta del servidor no cumple el protocolo SMTP.
    }
    .help = La respuesta era demasiado larga, tenía demasiadas líneas o no era una respuesta SMTP; la prueba dejó de leer para protegerse.

smtp-not-smtp = { $case ->
        [greeting] El servidor saludó con { $reply-code } en lugar de 220.
        [peer] Este puerto responde como { $peer ->
            [http] un servidor web (HTTP)
            [imap] un servidor IMAP (recepción)
            [pop3] un servidor POP3 (recepción)
            [ssh] un servidor SSH
           *[other] algo que no es un servidor SMTP
        }, no como un servidor SMTP.
       *[other] El servidor no habla SMTP en este puerto.
    }
    .help = Aquí responde otra cosa (web, IMAP, …). Compruebe el servidor y el puerto.

tls-expected-implicit = { $case ->
        [verified] El puerto { $port } calló ante una conexión sin cifrar, pero respondió a una cifrada: espera TLS desde el primer byte.
        [cert-problem] El puerto { $port } calló ante una conexión sin cifrar, pero respondió a una cifrada: espera TLS desde el primer byte.
       *[other] Este puerto espera cifrado (TLS) desde el primer byte.
    }
    .help = { $case ->
        [verified] Elija TLS/SSL; comprobado: una conexión cifrada al puerto { $port } funciona.
        [cert-problem] Elija TLS/SSL. Una conexión cifrada al puerto { $port } funciona, pero su certificado tiene un problema que mostrará la siguiente comprobación.
       *[other] Elija TLS/SSL para este puerto.
    }

tls-expected-starttls = { $case ->
        [plain-answer] El puerto { $port } respondió sin cifrar en lugar de con TLS.
        [verified] El puerto { $port } respondió sin cifrar en lugar de con TLS.
        [starttls-failed-too] El puerto { $port } respondió sin cifrar en lugar de con TLS.
       *[other] Este puerto habla primero SMTP sin cifrar y luego pasa al cifrado con STARTTLS.
    }
    .help = { $case ->
        [verified] Este puerto habla SMTP sin cifrar y luego cifra con STARTTLS; comprobado: STARTTLS en el puerto { $port } funciona.
        [starttls-failed-too] Este puerto habla primero SMTP sin cifrar, pero el paso al cifrado con STARTTLS tampoco funcionó; pruebe el puerto 465 con TLS/SSL o consulte a su proveedor.
       *[other] Elija STARTTLS para este puerto.
    }

tls-starttls-unavailable = { $case ->
        [refused] El servidor ofreció STARTTLS, pero lo rechazó ({ $reply-code }).
        [port] El servidor del puerto { $port } no ofrece STARTTLS.
       *[other] El servidor no ofrece STARTTLS.
    }
    .help = El servidor no puede cifrar esta conexión. Pruebe el puerto 465 con TLS/SSL.

tls-client-cert-required = { $case ->
        [alert] El servidor pidió un certificado de cliente y terminó la sesión con la alerta «{ $alert }» al no recibir ninguno.
        [closed] El servidor pidió un certificado de cliente y cerró la sesión al no recibir ninguno ({ $error }).
        [handshake] El servidor pidió un certificado de cliente e interrumpió el establecimiento del cifrado al no recibir ninguno ({ $error }).
       *[other] El servidor exige un certificado de cliente.
    }
    .help = Este servidor solo acepta clientes que presenten un certificado en el que confíe (TLS mutuo). Para aplicaciones, use el servicio de envío del proveedor o consulte a su administrador.

tls-server-misconfigured = { $case ->
        [starttls-refused] El servidor ofreció STARTTLS y luego lo rechazó ({ $reply-code }): su cifrado está averiado (Postfix responde así cuando no puede cargar su certificado o su clave).
        [internal-error] El servidor interrumpió el establecimiento del cifrado con la alerta «internal_error»: un fallo de su lado, ofrezca lo que ofrezca el cliente.
       *[other] El cifrado (TLS) del servidor está averiado de su lado.
    }
    .help = { $other ->
        [works] Avise al administrador del servidor: su certificado, su clave o su biblioteca de cifrado están averiados (OpenSMTPD 6.8 compilado con OpenSSL 3 hace esto en cada conexión). Mientras tanto, { $other-security } en el puerto { $other-port } funciona: comprobado en una segunda conexión.
        [fails] Avise al administrador del servidor: su certificado, su clave o su biblioteca de cifrado están averiados (OpenSMTPD 6.8 compilado con OpenSSL 3 hace esto en cada conexión). También se probó { $other-security } en el puerto { $other-port } y tampoco funciona: ningún ajuste servirá hasta que se repare el servidor.
        [no-answer] Avise al administrador del servidor: su certificado, su clave o su biblioteca de cifrado están averiados (OpenSMTPD 6.8 compilado con OpenSSL 3 hace esto en cada conexión). El puerto { $other-port } ({ $other-security }) no responde a nuestro servicio de prueba, así que no se conoce otro ajuste que funcione.
       *[other] El servidor interrumpió el establecimiento del cifrado por un problema propio (por ejemplo, un certificado o una clave que no puede usar). Ningún ajuste suyo puede arreglarlo: avise al administrador del servidor.
    }

tls-handshake-failed = { $case ->
        [alert] El servidor interrumpió el establecimiento del cifrado con la alerta «{ $alert }».
        [error] No se pudo establecer el cifrado (TLS): { $error }.
        [closed] El servidor cerró la conexión mientras se establecía el cifrado ({ $error }).
        [timeout] El servidor no respondió a tiempo mientras se establecía el cifrado.
        [server-name] El nombre del servidor no sirve para una conexión cifrada.
        [setup] No se pudo preparar el cifrado: { $error }.
        [plain-answer] El servidor respondió sin cifrar mientras se establecía el cifrado.
       *[other] No se pudo establecer el cifrado (TLS).
    }
    .help = { $case ->
        [alert] El servidor no acepta ninguna de las versiones ni de los algoritmos que ofrece un cliente actual (TLS 1.2/1.3 con algoritmos modernos); su configuración es antigua o está averiada.
       *[other] El servidor y nuestra prueba no comparten ninguna versión ni algoritmo de TLS, o el servidor cortó. Pruebe el otro ajuste de seguridad o consulte al administrador del servidor.
    }

tls-old-protocol = { $case ->
        [version] El servidor solo habla { $version } (lo eligió en su respuesta); este cliente, como todos los actuales, necesita TLS 1.2 o 1.3.
        [refused] El servidor rechazó TLS 1.2 y 1.3: solo habla TLS 1.1 o anterior.
        [legacy-version] El servidor solo habla { $version } (lo eligió cuando se le ofreció TLS 1.1); este cliente, como todos los actuales, necesita TLS 1.2 o 1.3.
        [client-refused] El servidor rechazó la versión de TLS de esta conexión ({ $reply-code }): solo acepta TLS 1.2 o posterior.
       *[other] El servidor solo habla una versión antigua de TLS.
    }
    .help = { $case ->
        [version] TLS 1.0 y 1.1 están desactivados en los clientes y bibliotecas actuales. El administrador del servidor debe activar TLS 1.2 o posterior; ningún ajuste del cliente puede arreglarlo.
        [refused] TLS 1.0 y 1.1 están desactivados en los clientes y bibliotecas actuales. El administrador del servidor debe activar TLS 1.2 o posterior; ningún ajuste del cliente puede arreglarlo.
        [legacy-version] TLS 1.0 y 1.1 están desactivados en los clientes y bibliotecas actuales. El administrador del servidor debe activar TLS 1.2 o posterior; ningún ajuste del cliente puede arreglarlo.
        [client-refused] Esta prueba usó TLS 1.2 o posterior, así que algo en el camino (un proxy o cortafuegos que inspecciona TLS) lo rebajó. Si su aplicación muestra esta respuesta, su biblioteca TLS es demasiado antigua: active TLS 1.2 (en .NET Framework: 4.7 o posterior, o SecurityProtocol Tls12) o actualícela.
       *[other] TLS 1.0 y 1.1 están obsoletos y muchos clientes los rechazan.
    }

tls-cert-expired = { $case ->
        [dates] El certificado del servidor ha caducado (válido del { $not-before } al { $not-after }).
       *[other] El certificado del servidor ha caducado.
    }
    .help = El administrador del servidor debe renovar el certificado.

tls-cert-not-yet-valid = { $case ->
        [dates] El certificado del servidor aún no es válido (válido del { $not-before } al { $not-after }).
       *[other] El certificado del servidor aún no es válido.
    }
    .help = La fecha de inicio del certificado está en el futuro; el reloj del servidor o el certificado están mal.

tls-cert-name-mismatch = { $case ->
        [names] El certificado es para { $names }, no para { $host }.
        [other-names] El certificado es para otros nombres, no para { $host }.
       *[other] El certificado del servidor es para otro nombre.
    }
    .help = { $case ->
        [names] Use un nombre de servidor que cubra el certificado: { $names }.
       *[other] Use un nombre de servidor que cubra el certificado.
    }

tls-cert-untrusted = { $case ->
        [self-signed] El certificado del servidor está autofirmado.
        [unknown-issuer] El certificado del servidor lo emitió una autoridad desconocida ({ $issuer }).
        [refused] El certificado del servidor fue rechazado: { $error }.
       *[other] El certificado del servidor no es de confianza.
    }
    .help = { $case ->
        [self-signed] Los clientes lo rechazan. El servidor necesita un certificado de una autoridad pública (p. ej. Let's Encrypt); para una autoridad interna, dé su raíz a nuestro servicio de prueba con --ca-file.
        [unknown-issuer] Los clientes lo rechazan. El servidor necesita un certificado de una autoridad pública (p. ej. Let's Encrypt); para una autoridad interna, dé su raíz a nuestro servicio de prueba con --ca-file.
       *[other] Está autofirmado o lo emitió una autoridad desconocida.
    }

tls-cert-expiring = El certificado del servidor caduca en { $days ->
        [one] 1 día
       *[other] { $days } días
    } ({ $not-after }).
    .help = El administrador del servidor debe renovar el certificado antes; desde ese día todo cliente que verifique certificados rechazará la conexión.

tls-cert-replaced = El servidor presenta ahora otro certificado (emitido por { $issuer }, válido hasta { $not-after }).
    .help = Normalmente una renovación rutinaria: nada que hacer. Si las conexiones fallan a partir de ahora, revise primero el certificado nuevo.

auth-not-offered = { $case ->
        [encrypted] Se dieron credenciales, pero el servidor no ofrece inicio de sesión: no se comprobaron. Puede ser un relé que no necesita inicio de sesión (entonces quite las credenciales) o que solo acepta direcciones IP permitidas.
        [plain] Se dieron credenciales, pero el servidor no ofrece inicio de sesión en esta conexión sin cifrar: no se comprobaron. La mayoría de los servidores solo lo ofrecen después de STARTTLS.
       *[other] Se dieron credenciales, pero el servidor no ofrece inicio de sesión.
    }
    .help = El servidor no anuncia AUTH aquí; sus credenciales no se comprobaron. Quizá solo ofrezca AUTH después de STARTTLS, o es un relé que no necesita inicio de sesión.

auth-mechanism-unsupported = { $case ->
        [refused] El servidor rechazó el método de inicio de sesión.
        [oauth-only] El servidor solo acepta tokens de acceso OAuth2 ({ $offered }), no contraseñas.
        [password-only] El servidor solo ofrece inicios de sesión con contraseña ({ $offered }): aquí no se puede usar un token de acceso.
        [none-known] El servidor ofrece { $offered }, pero ningún método de inicio de sesión que esta herramienta conozca.
        [not-offered] El servidor ofrece { $offered }, pero no { $wanted }.
        [use-auto] El servidor ofrece { $offered }, pero no { $wanted }.
       *[other] El servidor no ofrece el método de inicio de sesión elegido.
    }
    .help = { $case ->
        [oauth-only] Aquí no sirve ninguna contraseña. Inicie sesión con OAuth2 (el método oauth2), o use el servicio SMTP del proveedor que acepta contraseñas de aplicación.
        [password-only] Use la contraseña (o contraseña de aplicación) de la cuenta con el método password, o un servidor del proveedor que acepte OAuth2.
        [use-auto] El servidor ofrece { $usable }; con «auto», la prueba lo usa.
       *[other] Elija «auto» o un método que ofrezca el servidor.
    }

auth-requires-tls = { $case ->
        [mail] El servidor exige cifrado antes de aceptar correo.
       *[other] El servidor exige cifrado antes de iniciar sesión.
    }
    .help = { $case ->
        [mail] Elija STARTTLS (o TLS/SSL en el puerto 465): este servidor rechaza las sesiones sin cifrar.
       *[other] Elija STARTTLS o TLS/SSL.
    }

auth-failed = { $case ->
        [reply] { $who ->
            [provider] { $provider } rechazó el usuario o la contraseña ({ $reply-code }).
           *[server] El servidor rechazó el usuario o la contraseña ({ $reply-code }).
        }
       *[other] Se rechazó el usuario o la contraseña.
    }
    .help = { $hint ->
        [m365-credentials] Según Microsoft 365, las credenciales son incorrectas o SMTP AUTH está desactivado para este buzón; compruebe ambas cosas o use OAuth2.
        [gmail-credentials] Google rechaza las contraseñas normales de las cuentas: cree una contraseña de aplicación (requiere la verificación en dos pasos) y use la dirección completa como usuario.
       *[other] Compruebe el usuario y la contraseña; muchos proveedores exigen una contraseña de aplicación para SMTP.
    }

auth-app-password-required = { $case ->
        [reply] { $who ->
            [provider] { $provider } exige una contraseña de aplicación para esta cuenta.
           *[server] El servidor exige una contraseña de aplicación para esta cuenta.
        }
        [url] { $who ->
            [provider] { $provider } exige una contraseña de aplicación para esta cuenta.
           *[server] El servidor exige una contraseña de aplicación para esta cuenta.
        }
       *[other] El proveedor exige una contraseña de aplicación.
    }
    .help = { $case ->
        [url] Cree una contraseña de aplicación en { $url } (la verificación en dos pasos debe estar activada) y úsela en lugar de la contraseña de su cuenta.
       *[other] Cree una contraseña de aplicación en los ajustes de seguridad de su cuenta y úsela aquí.
    }

auth-disabled-by-provider = { $case ->
        [reply] { $who ->
            [provider] { $provider } tiene desactivado el inicio de sesión SMTP para esta cuenta.
           *[server] El servidor tiene desactivado el inicio de sesión SMTP para esta cuenta.
        }
       *[other] El inicio de sesión SMTP está desactivado para esta cuenta.
    }
    .help = { $hint ->
        [m365-tenant] SMTP AUTH está desactivado para toda la organización. Un administrador de Exchange lo activa con Set-TransportConfig -SmtpClientAuthenticationDisabled $false (y para un buzón que también lo tenga desactivado, con Set-CASMailbox -Identity <buzón> -SmtpClientAuthenticationDisabled $false). Los inicios de sesión con OAuth2 también lo necesitan.
        [m365-mailbox] SMTP AUTH está desactivado para este buzón. Un administrador de Exchange lo activa con Set-CASMailbox -Identity <buzón> -SmtpClientAuthenticationDisabled $false (Centro de administración de Microsoft 365: el usuario, Correo, Administrar aplicaciones de correo, SMTP autenticado). Los inicios de sesión con OAuth2 también lo necesitan.
        [m365-basic-off] Microsoft 365 rechaza aquí las contraseñas (valores predeterminados de seguridad, o la autenticación básica retirada para el envío de clientes): inicie sesión con OAuth2.
        [m365-disabled] En Microsoft 365, un administrador debe activar «SMTP autenticado» para el buzón (y permitirlo en el inquilino), o la aplicación debe iniciar sesión con OAuth2 (XOAUTH2).
       *[other] La cuenta o su organización desactivó el inicio de sesión SMTP; un administrador debe activarlo, o use OAuth2.
    }

auth-rate-limited = { $case ->
        [reply] { $who ->
            [provider] { $provider } rechaza por ahora el inicio de sesión: demasiados intentos.
           *[server] El servidor rechaza por ahora el inicio de sesión: demasiados intentos.
        }
       *[other] Demasiados intentos de inicio de sesión.
    }
    .help = Espere unos minutos antes de volver a intentarlo.

sender-rejected = { $case ->
        [login-required] El servidor exige iniciar sesión antes de aceptar un remitente.
        [mail-from] El servidor rechazó esta dirección de remitente ({ $reply-code }).
        [rcpt-to] El servidor no deja que este usuario envíe como esta dirección.
        [data] El servidor no deja enviar como esta dirección.
       *[other] Este usuario no puede enviar como esta dirección.
    }
    .help = { $case ->
        [login-required] Indique usuario y contraseña; este servidor no reenvía para clientes anónimos.
       *[other] Envíe desde la dirección propia del usuario o añada esta dirección como alias con el que la cuenta pueda enviar.
    }

sender-smtputf8-required = { $case ->
        [address] { $address } tiene caracteres no ASCII, y este servidor no ofrece SMTPUTF8: no puede aceptarla (no se envió nada).
       *[other] La dirección no es ASCII puro, y el servidor no acepta direcciones así.
    }
    .help = El servidor no ofrece SMTPUTF8, así que no puede recibir una dirección con caracteres no ASCII. Use una dirección ASCII (un alias) para enviar.

recipient-rejected = { $case ->
        [reply] El servidor rechazó el destinatario ({ $reply-code }).
        [unreachable] Su servidor no pudo contactar con el servidor de correo del destinatario para { $domain } y desistió.
        [no-domain] El dominio del destinatario, { $domain }, no existe: no tiene servidor de correo.
       *[other] El servidor rechazó el destinatario.
    }
    .help = { $case ->
        [unreachable] Puede que el dominio del destinatario no tenga un servidor de correo en funcionamiento, o que su servidor no acepte conexiones del suyo. Compruebe la dirección; si es correcta, el administrador del destinatario puede decir por qué su servidor no responde.
        [no-domain] Revise si la dirección tiene un error en el dominio.
       *[other] El servidor no acepta correo para este destinatario.
    }

send-rejected = { $case ->
        [reply] El servidor rechazó el mensaje ({ $reply-code }).
        [unbuildable] No se pudo crear el mensaje de prueba: { $error }.
       *[other] El servidor rechazó el mensaje.
    }
    .help = El mensaje se rechazó después de enviarlo; la respuesta del servidor explica por qué.

send-sender-unverified = { $case ->
        [reply] El proveedor rechazó el mensaje: la dirección de remitente no está verificada.
       *[other] El proveedor rechazó un remitente no verificado.
    }
    .help = Verifique esta dirección de remitente o el dominio en la consola del proveedor y vuelva a intentarlo.

send-too-large = { $case ->
        [announced] El servidor rechazó el tamaño anunciado del mensaje ({ $reply-code }).
        [data] El servidor rechazó el mensaje de prueba por demasiado grande ({ $reply-code }).
        [size-limit] El servidor acepta mensajes de { $limit } bytes como máximo (SIZE { $limit }); el mensaje de prueba de { $size } bytes es mayor, como casi cualquier mensaje real. No se envió nada.
       *[other] El mensaje supera el tamaño que acepta el servidor.
    }
    .help = El límite de tamaño del servidor (SIZE) es menor que el mensaje; incluso los mensajes pequeños se rechazan. Su administrador debe subir el límite.

send-ok = { $case ->
        [queued] Se aceptó el mensaje de prueba para { $recipient } (id. de cola { $queue-id }).
        [accepted] Se aceptó el mensaje de prueba para { $recipient }.
       *[other] Se aceptó el mensaje de prueba.
    }
    .help = El servidor puso el mensaje en cola para entregarlo.


domain-spf-missing = { $case ->
        [suggest] { $domain } no publica un registro SPF, así que los destinatarios no pueden saber que este servidor puede enviar su correo.
       *[other] { $domain } no publica un registro SPF.
    }
    .help = Gmail y Yahoo rechazan o marcan como spam el correo que no pasa ni SPF ni DKIM. { $case ->
        [suggest] Publique un registro TXT en { $domain }: { $record }
       *[other] Publique en { $domain } un registro TXT de SPF que nombre los servidores que envían su correo (la documentación de su proveedor da el include).
    }

domain-spf-invalid = { $case ->
        [several] { $name } publica más de un registro SPF: los destinatarios lo tratan como un error y los ignoran todos.
        [syntax] El registro SPF de { $name } tiene un término que los destinatarios no entienden: { $term }
        [lookups] El registro SPF necesita { $count } consultas DNS; los destinatarios se detienen en 10 y lo tratan como un error.
        [void] El registro SPF tiene { $count } consultas sin resultado; los destinatarios se detienen en 2 y lo tratan como un error.
        [mx] El término mx del registro SPF apunta a más de 10 servidores de correo ({ $name }); los destinatarios lo tratan como un error.
        [loop] El registro SPF de { $domain } se incluye a sí mismo a través de { $name }.
        [include-missing] El registro SPF incluye { $name }, que no tiene registro SPF: los destinatarios lo tratan como un error.
        [redirect-missing] El registro SPF redirige a { $name }, que no tiene registro SPF: los destinatarios lo tratan como un error.
       *[other] El registro SPF de { $domain } no se puede usar.
    }
    .help = { $case ->
        [several] Únalos en un solo registro TXT que empiece por v=spf1 y tenga cada include una vez.
        [lookups] Quite los includes de servicios que ya no usa, o envíe parte del correo desde un subdominio con su propio registro. No sustituya los includes por listas de direcciones («flattening»): los proveedores cambian sus direcciones.
        [void] Quite los términos cuyos nombres ya no existen.
        [include-missing] Quite ese include o corrija su ortografía según la documentación del proveedor.
        [redirect-missing] Haga que redirect= apunte a un nombre que publique un registro SPF.
       *[other] Corrija el registro para que sea SPF válido (RFC 7208); mientras tanto, los destinatarios cuentan SPF como fallido en cada mensaje.
    }

domain-spf-excludes-relay = { $case ->
        [provider] El registro SPF de { $domain } no incluye { $provider } (include:{ $include }), así que el correo enviado a través de él no pasa SPF.
        [address] El registro SPF de { $domain } no autoriza { $host } ({ $address }): el resultado es { $result }.
       *[other] El registro SPF de { $domain } no autoriza este servidor.
    }
    .help = { $case ->
        [provider] Cambie el registro TXT existente (no añada un segundo) por: { $record }
        [address] Si este servidor envía su correo directamente, cambie el registro TXT existente (no añada un segundo) por: { $record }
       *[other] Añada este servidor al único registro SPF del dominio.
    }

domain-dmarc-missing = { $case ->
        [several] { $at } tiene más de un registro DMARC, así que los destinatarios los ignoran todos.
       *[none] { $domain } no tiene política DMARC.
    }
    .help = { $case ->
        [several] Deje un solo registro TXT en { $at }.
       *[none] El correo llega igualmente, pero Gmail y Yahoo (que rechazan desde noviembre de 2025) y Outlook.com (550 5.7.515 desde el 5 de mayo de 2025) exigen DMARC a los remitentes masivos. Para empezar sin cambiar la entrega, publique un registro TXT en { $name }: { $record }
    }

domain-dmarc-unaligned = { $case ->
        [provider] { $domain } pide a los destinatarios que { $policy ->
            [reject] rechacen
           *[quarantine] envíen a spam
        } el correo que no pasa DMARC, y el correo enviado a través de { $provider } no lo pasará: no está firmado para { $domain } y SPF no lo cubre.
       *[other] { $domain } pide a los destinatarios que { $policy ->
            [reject] rechacen
           *[quarantine] envíen a spam
        } el correo que no pasa DMARC, y el correo enviado a través de este servidor no lo pasará.
    }
    .help = { $case ->
        [provider] Configure la autenticación del dominio { $domain } en los ajustes de { $provider }: le da los registros DKIM que publicar (como { $name }). La política está publicada en { $at }.
       *[other] Haga que el servidor firme con una clave DKIM de { $domain }, o autorícelo en el registro SPF del dominio. La política está publicada en { $at }.
    } Gmail, Yahoo y Outlook.com aplican las políticas DMARC a todos los remitentes.

domain-dkim-missing = { $case ->
        [revoked] Las claves DKIM con las que { $provider } firma para { $domain } están revocadas o son ilegibles (selectores { $selectors }).
       *[none] { $domain } no publica ninguna clave DKIM para { $provider } (selectores { $selectors }).
    }
    .help = Active DKIM para { $domain } en los ajustes de { $provider } y publique los registros que muestra (como { $name }). Sin DKIM, todo depende de SPF, y Gmail y Yahoo exigen ambos a los remitentes masivos.

domain-dkim-weak-key = La clave DKIM del selector { $selector } de { $domain } solo tiene { $bits } bits.
    .help = Los destinatarios recomiendan claves de 2048 bits; algunos consideran débiles las más cortas. Cree una clave de 2048 bits en los ajustes de { $provider } y publíquela.

domain-lookup-failed = { $case ->
        [spf] No se pudo comprobar el registro SPF de { $domain }: las consultas DNS no terminaron.
        [dmarc] No se pudo comprobar la política DMARC de { $domain }: las consultas DNS no terminaron.
        [dkim] No se pudieron comprobar las claves DKIM de { $domain }: las consultas DNS no terminaron.
       *[other] No se pudieron comprobar los registros de { $domain }.
    }
    .help = Esto no dice nada de sus registros: los servidores DNS del dominio o los nuestros no respondieron a tiempo. Vuelva a intentarlo más tarde.

domain-ok = { $case ->
        [spf] El registro SPF de { $domain } autoriza este servidor{ $policy ->
            [none] {"."}
           *[other] {""}, y su política DMARC ({ $policy }) se cumplirá.
        }
        [dkim] { $domain } publica la clave DKIM con la que firma este proveedor{ $policy ->
            [none] {"."}
           *[other] {""}, y su política DMARC ({ $policy }) se cumplirá.
        }
       *[records] Los registros SPF y DMARC de { $domain } están en orden.
    }
    .help = Los destinatarios pueden comprobar que este servidor puede enviar correo de { $domain }.


arrival-ok = { $case ->
        [headers] { $receiver } revisó el mensaje y no encontró ningún problema de autenticación para { $domain }.
       *[other] El mensaje de prueba llegó tras { $seconds } s, con el remitente intacto, y pasó DKIM, SPF y DMARC para { $domain }.
    }
    .help = Un destinatario como Gmail lo ve como correo auténtico de { $domain }.

arrival-not-arrived = El servidor aceptó el mensaje de prueba, pero no llegó en { $count ->
        [one] 1 segundo
       *[other] { $count } segundos
    }.
    .help = El servidor lo puso en cola y después lo retuvo, descartó o devolvió. Mire los elementos enviados y los avisos de no entrega de la cuenta, y el registro de entregas del proveedor: lo habitual es un límite de envío, un remitente sin verificar o un destino bloqueado.

probe-inbox-busy = El servidor aceptó el mensaje de prueba, pero no llegó en { $count ->
        [one] 1 segundo
       *[other] { $count } segundos
    }, y el buzón del propio servicio de prueba rechazaba conexiones mientras tanto (demasiadas a la vez). Puede que al mensaje solo se le pidiera volver más tarde.
    .help = Es un problema del servicio de prueba, no de su configuración: no tiene que cambiar nada. Repita la prueba en unos minutos.

arrival-from-rewritten = { $case ->
        [none] El mensaje llegó sin dirección de remitente (configurada: { $configured }).
       *[other] El mensaje llegó con el remitente { $seen } en lugar de { $configured }.
    }
    .help = El proveedor sustituye un remitente que este usuario no puede usar: Gmail pone la dirección del usuario. Añada { $configured } como dirección desde la que la cuenta puede enviar (Gmail: «Enviar como»), o envíe desde la dirección del usuario.

arrival-dkim-missing = El mensaje llegó sin firma DKIM.
    .help = Active la firma DKIM de su dominio en su proveedor de correo y publique la clave que le da. Gmail y Yahoo exigen SPF o DKIM a todo remitente, y ambos a los remitentes masivos.

arrival-dkim-fail = { $case ->
        [weak-key] La firma DKIM de { $domain } (selector { $selector }) usa una clave de { $detail } bits, demasiado corta para contar.
        [unnamed] La firma DKIM de { $domain } no es válida: { $detail }.
       *[fail] La firma DKIM de { $domain } (selector { $selector }) no es válida: { $detail }.
    }
    .help = { $case ->
        [weak-key] Publique una clave de 2048 bits para el selector y firme con ella.
        [unnamed] Compruebe que la clave con la que firma el servidor es la publicada en el DNS de { $domain } para su selector, y que nada cambia el mensaje después de firmarlo.
       *[fail] Compruebe que la clave publicada en { $selector }._domainkey.{ $domain } es con la que firma el servidor, y que nada cambia el mensaje después de firmarlo.
    }

arrival-spf-fail = { $case ->
        [no-address] SPF falla para { $domain }: su registro SPF no autoriza la dirección desde la que vino el mensaje.
       *[other] SPF falla para { $domain }: el mensaje vino de { $address }, que su registro SPF no autoriza.
    }
    .help = Añada el include del proveedor (o esta dirección) al único registro SPF de { $domain }.

arrival-dmarc-fail = { $case ->
        [no-policy] El mensaje no pasa DMARC para { $domain }: ni SPF ni DKIM se alinean con el dominio del remitente.
       *[other] El mensaje no pasa DMARC para { $domain } (política { $policy }): ni SPF ni DKIM se alinean con el dominio del remitente.
    }
    .help = Los destinatarios aplican a este mensaje la política publicada en { $at }. Firme con una clave DKIM de { $domain }, o envíe con un remitente de sobre en { $domain } que su registro SPF autorice.

## Títulos de las correcciones

fix-use-port = Usar el puerto { $port }
fix-use-endpoint = Usar el puerto { $port } con { $security }
fix-use-security = Usar { $security }
fix-use-host = Usar { $host }
fix-use-host-port = Usar { $host } y el puerto { $port }
fix-use-host-security = Usar { $host } con { $security }
fix-use-host-port-security = Usar { $host } y el puerto { $port } con { $security }
fix-use-from = Usar { $from }
fix-send-from = Enviar desde { $from }
fix-send-as = Enviar como { $from }
fix-quote-name = Poner el nombre entre comillas
fix-use-username = Usar { $username }
fix-move-address = Poner la dirección en «Usuario» y «Remitente»
fix-auth-auto = Elegir el método de inicio de sesión automáticamente
fix-auth-xoauth2 = Usar OAuth2 (XOAUTH2)
fix-auth-oauth2 = Iniciar sesión con OAuth2
fix-auth-password = Iniciar sesión con contraseña

## Etiquetas

security-tls = TLS/SSL
security-starttls = STARTTLS
security-none = sin cifrado

field-host = Servidor SMTP
field-port = Puerto
field-security = Seguridad
field-username = Usuario
field-password = Contraseña
field-from = Dirección del remitente
field-auth = Método de inicio de sesión
field-accessToken = Token de acceso
field-general = General

step-dns = Buscar el servidor
step-connect = Conectar
step-greeting = Saludo del servidor
step-ehlo = Presentarse
step-tls = Cifrar (TLS)
step-auth = Iniciar sesión
step-sender = Puede enviar como el remitente
step-send = Enviar un correo de prueba
step-domain = Comprobar el dominio de envío
step-arrival = ¿Llegó el correo de prueba?

## La línea de comandos

cli-server = servidor:
cli-fix = corrección:
cli-no-problems = No se encontraron problemas.
cli-works = Esta configuración funciona.
cli-does-not-work = Esta configuración todavía no funciona.

## Los elementos del navegador (ui-*)

ui-show = Mostrar
ui-hide = Ocultar
ui-show-password = Mostrar la contraseña
ui-hide-password = Ocultar la contraseña
ui-extra-checks = Comprobaciones adicionales
ui-check-sender = Comprobar que puedo enviar como el remitente
ui-check-send = Enviar un correo de prueba al remitente
ui-check-domain = Comprobar que el correo de mi dominio llegará (SPF, DKIM, DMARC)
ui-check-arrival = Enviar un correo de prueba al buzón del servicio de prueba y ver cómo llega
ui-test = Probar la conexión
ui-test-wait = Probar la conexión (espere { $seconds } s)
ui-cancel = Cancelar
ui-steps = Pasos de la conexión
ui-details = Detalles técnicos: certificado, servidor, conversación
ui-transcript = Conversación con el servidor (sin contraseñas)
ui-copy = Copiar para soporte
ui-copied = Copiado.
ui-copy-select = Seleccionado: pulse Ctrl+C (⌘C) para copiar.
ui-gate = Pruebe primero la conexión: solo se puede guardar una configuración que funcione.
ui-load-failed = No se pudo cargar la comprobación: { $reason }
ui-stale = La configuración cambió desde la última prueba: vuelva a probar.
ui-nothing-to-test = Nada que probar: vincule un formulario con for="…" o defina la propiedad config.
ui-testing = Probando { $host }…
ui-testing-server = Probando el servidor…
ui-finished = Prueba terminada. { $headline }
ui-cancelled = Prueba cancelada.
ui-test-failed = La prueba falló: { $reason }
ui-applied = Aplicado: { $fix }. Vuelva a probar para confirmarlo.
ui-use-suggestion = Usar la configuración que responde
ui-starting = Iniciando…
ui-finishing = Terminando…
ui-step-pass = correcto
ui-step-fail = con error
ui-step-warn = correcto, con una advertencia
ui-step-skipped = omitido
ui-step-running = en curso
ui-headline-service = El servicio de prueba tiene un problema: su configuración no se probó
ui-headline-works = Funciona: con esta configuración se puede enviar correo
ui-headline-works-warnings = Funciona, con algo que conviene revisar
ui-headline-fails = Esta configuración todavía no funciona
ui-headline-arrival = La conexión funciona, pero el correo de este dominio puede no llegar: vea «¿Llegará el correo?» más abajo.
ui-arrive = ¿Llegará el correo?
ui-arrive-publish = Publicar en { $name }:
ui-arrival-seen = Lo que vio nuestro buzón
ui-arrival-delay = Entregado tras
ui-arrival-from = Remitente mostrado
ui-arrival-dkim = DKIM
ui-arrival-spf = SPF
ui-arrival-tls = Entregado a nuestro buzón mediante
ui-arrival-plain = texto sin cifrar (sin TLS)
ui-more-problems = { $count ->
        [one] y 1 problema más abajo
       *[other] y { $count } problemas más abajo
    }
ui-suggestion-found = Encontramos una configuración que responde:
ui-suggestion-server = servidor { $host }
ui-suggestion-port = puerto { $port }
ui-suggestion-apply = Usar esta y volver a probar
ui-allowlist-title = Si su servidor de correo solo acepta direcciones conocidas:
ui-allowlist-ask = { $count ->
        [one] pida a su administrador que permita esta dirección, desde la que llegan esta prueba y nuestro correo:
       *[other] pida a su administrador que permita estas direcciones, desde las que llegan esta prueba y nuestro correo:
    }
ui-allowlist-unknown = pida a su administrador que permita la dirección desde la que envía nuestro servicio (el operador no la ha publicado aquí).
ui-certificate = Certificado
ui-cert-covers = Cubre
ui-cert-issuer = Emitido por
ui-cert-valid-until = Válido hasta
ui-cert-in-days = { $days ->
        [one] dentro de 1 día
       *[other] dentro de { $days } días
    }
ui-cert-days-ago = { $days ->
        [one] hace 1 día
       *[other] hace { $days } días
    }
ui-cert-trusted = De confianza
ui-cert-protocol = Protocolo
ui-yes = sí
ui-no = no
ui-server = Servidor
ui-login-methods = Métodos de inicio de sesión: { $methods }
ui-service-unreachable = No se puede acceder al servicio de prueba en { $origin }. Compruebe su conexión o vuelva a intentarlo en un minuto.
ui-service-status = El servicio de prueba respondió { $status }.
ui-service-rate-limited = { $seconds ->
        [one] Demasiadas pruebas desde su dirección. Vuelva a intentarlo en 1 segundo.
       *[other] Demasiadas pruebas desde su dirección. Vuelva a intentarlo en { $seconds } segundos.
    }
ui-service-unauthorized = Esta página no tiene permiso para usar el servicio de prueba (clave ausente, caducada o incorrecta).
ui-service-busy = El servicio de prueba está ocupado ahora. Vuelva a intentarlo en unos segundos.
ui-service-stopped = La prueba se detuvo antes de terminar. Vuelva a intentarlo.
ui-token-unreachable = El servidor de esta página no respondió (token).
ui-token-refused = El servidor de esta página rechazó un token de prueba ({ $status }).
ui-email = Dirección de correo
ui-email-example = p. ej. usted@example.com
ui-detect = Detectar la configuración
ui-detect-empty = Escriba primero su dirección de correo.
ui-detect-checking = Comprobando que responde…
ui-detect-filled = { $provider }: se completó { $host }, puerto { $port }.
ui-detect-also = También documentado: { $endpoints }.
ui-detect-app-password = Necesitará una contraseña de aplicación:
ui-detect-app-password-link = crear una en { $provider }
ui-detect-looking = Buscando la configuración de su proveedor (MX, autoconfig, registros SRV, nombres habituales) y comprobando cuáles responden…
ui-detect-sources = Lo que dijo cada fuente
ui-detect-not-checked = (No se pudo comprobar en vivo: { $reason })
ui-detect-failed = No pudimos encontrar su proveedor: { $reason }
ui-detect-found = Encontrado y comprobado: { $host }, puerto { $port }, { $security }.
ui-detect-unreachable = Nuestro servicio de prueba no pudo contactar ahora con { $host }; «Probar la conexión» le dirá más.
ui-detect-candidates = Configuraciones encontradas, las mejores primero
ui-detect-how = { $count ->
        [one] Cómo las encontramos: 1 candidata comprobada en { $ms } ms
       *[other] Cómo las encontramos: { $count } candidatas comprobadas en { $ms } ms
    }
ui-use-these = Usar esta
ui-source-provider = Tabla de proveedores
ui-source-mx = Registros MX
ui-source-autoconfig = Archivo autoconfig
ui-source-srv = Registros SRV
ui-source-guess = Suposiciones
ui-connect = Iniciar sesión
ui-connect-with = Iniciar sesión con { $provider }
ui-connect-again = Volver a iniciar sesión
ui-connect-waiting = Termine de iniciar sesión en la ventana que se abrió.
ui-connect-signed-in = Sesión iniciada como { $username }. La conexión usa este inicio de sesión en lugar de una contraseña.
ui-connect-popup-blocked = Su navegador bloqueó la ventana de inicio de sesión. Permita las ventanas emergentes para este sitio e inténtelo de nuevo.
ui-connect-cancelled = Inicio de sesión cancelado.
ui-connect-timeout = El inicio de sesión tardó demasiado. Inténtelo de nuevo.
ui-connect-failed = El inicio de sesión no funcionó: { $reason }
ui-connect-apply = Usar el inicio de sesión de { $provider }
ui-connect-expired = Su sesión ha caducado. Vuelva a iniciar sesión antes de probar o guardar.
ui-explain-label = ¿Ya envía correo? Pegue el error que registró su aplicación
ui-explain-example = p. ej. Invalid login: 535-5.7.8 Username and Password not accepted
ui-explain = Explicar
ui-explain-empty = Pegue primero un error.
ui-explain-working = Leyendo el error…
ui-explain-failed = No se pudo explicar el error: { $reason }
ui-explain-library = Redactado por { $library }.
ui-explain-receiver = Veredicto del receptor { $receiver }.
ui-explain-reply = El servidor dijo: { $reply }
ui-explain-truncated = (Solo se leyeron los primeros 64 KB.)
ui-actor-it-admin = Para su equipo de TI
ui-actor-dns-admin = Para quien administra su DNS
ui-actor-provider = Del lado de su proveedor de correo
ui-actor-service = De nuestro lado, no del suyo
ui-actor-customer = Para quien introduce la configuración
ui-handoff-title = Configuración SMTP probada: { $target }
ui-handoff-certificate = Certificado: { $subject } (nombres: { $names }), emitido por { $issuer }, válido del { $from } al { $until }.
ui-share-intro = Alguien que conecta una aplicación a este servidor de correo probó su configuración. Estos son los pasos que solo usted puede dar; cada uno dice por qué y qué respondió el servidor.
ui-share-expires = Esta página se eliminará el { $date }.
ui-share-print = Imprimir
ui-share-nothing = Nada aquí requiere un administrador: la prueba solo encontró pasos para quien introduce la configuración.
ui-share-attested = El servicio de prueba firmó este resultado; el backend de la aplicación puede verificarlo.
ui-share-server-said = El servidor respondió:
ui-share-button = Enviar a su equipo de TI
ui-share-creating = Creando un enlace…
ui-share-link = Cualquiera con este enlace puede leer qué hacer hasta el { $date }.
ui-share-copy = Copiar enlace
ui-share-copied = Enlace copiado
ui-share-email = Enviar por correo
ui-share-open = Imprimir
ui-share-mail-subject = Configuración de correo para { $target }: pasos para usted
ui-share-mail-text = Nuestra aplicación no puede enviar correo a través de { $target }. La prueba de configuración encontró pasos que solo usted puede dar; están en esta página:
ui-share-gone = Este enlace caducó, se eliminó o nunca existió. Pida uno nuevo a quien se lo envió.
ui-share-unavailable = Los enlaces compartidos no están disponibles ahora. Inténtelo de nuevo en unos minutos.
ui-share-delete = Eliminar el enlace
ui-share-deleted = Enlace eliminado: ya no abre nada.
ui-share-failed = No se pudo crear el enlace: { $reason }

## Detección («Detectar la configuración»), generada por el servicio

discover-table-serves = { $provider } gestiona las direcciones de { $domain } (tabla integrada)
discover-table-none = no está en la tabla integrada
discover-mx-is = el MX { $host } es de { $provider }
discover-mx-unknown = el MX { $hosts } no pertenece a ningún proveedor conocido
discover-mx-none = { $domain } no tiene registros MX
discover-mx-failed = falló la consulta MX de { $domain }: { $error }
discover-autoconfig-lists = { $url } indica { $host }:{ $port } ({ $security })
discover-autoconfig-found = { $count ->
        [one] { $url }: 1 servidor de salida
       *[other] { $url }: { $count } servidores de salida
    }
discover-srv-not-offered = { $name } dice: no se ofrece
discover-srv-detail = { $name } → { $host }:{ $port } (prioridad { $priority }, peso { $weight })
discover-srv-none = no hay registros _submissions._tcp / _submission._tcp para { $domain }
discover-guess-skipped = otras fuentes indicaron servidores
discover-guessed = supuesto: { $host }:{ $port } ({ $security })
discover-guess-trying = probando { $count } nombres y puertos habituales
discover-works = { $login ->
        [yes] { $host }:{ $port } con { $security } funciona, también el inicio de sesión.
        [untried] { $host }:{ $port } con { $security } funciona (no se probó el inicio de sesión: la contraseña solo se envía cifrada a servidores de { $domain } o de un proveedor conocido).
       *[no] { $host }:{ $port } con { $security } funciona.
    }
discover-none-answered = { $count ->
        [one] Se encontró 1 servidor posible para { $domain }, pero no respondió como servidor SMTP; el motivo aparece al lado. Pida a su proveedor su configuración SMTP.
       *[other] Se encontraron { $count } servidores posibles para { $domain }, pero ninguno respondió como servidor SMTP; los motivos aparecen al lado. Pida a su proveedor su configuración SMTP.
    }
discover-nothing = No se encontró ningún servidor SMTP para { $domain }: no está en nuestra tabla de proveedores, su MX no apunta a ningún proveedor conocido, no publica archivo autoconfig ni registros SRV, y ningún nombre habitual (smtp., mail. o el propio dominio) respondió en 465, 587 o 25. Pida a su proveedor su configuración SMTP.
discover-outage = El servicio de prueba no puede contactar con su resolutor DNS, así que no se pudo buscar nada: eso no dice nada de su dominio ni de su configuración. Vuelva a intentarlo en unos minutos.
discover-verified = comprobado ({ $checks })
discover-not-verified = sin comprobar
discover-not-verified-because = sin comprobar: { $reason } [{ $code }]
discover-not-tried = sin comprobar: el plazo terminó antes
discover-why = { $verification }; { $security }; según { $sources }

explain-not-recognised = { $case ->
        [library] Reconocemos la forma de escribir de { $library }, pero no la causa que nombra.
       *[other] No reconocemos ninguna causa en este texto.
    }
    .help = Pegue el error completo, con la respuesta del servidor (una línea que empieza con un número como 535 o 550), o use «Probar conexión»: la prueba en vivo encuentra la causa por sí misma.
explain-several-causes = { $count ->
        [one] Este texto encaja con más de una causa.
       *[other] Este texto encaja con { $count } causas, la más probable primero.
    }
    .help = El texto por sí solo no permite distinguirlas; «Probar conexión» con los mismos ajustes sí.
