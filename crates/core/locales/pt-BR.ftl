# smtp-doctor – mensagens em português do Brasil.
#
# Mesmos identificadores, atributos e parâmetros que en.ftl
# (crates/core/tests/catalogs.rs). Estilo: as palavras do cliente, curto e
# claro, tratamento por "você"; os nomes que os provedores dão aos ajustes
# ("senha de app").

## Diagnósticos

config-invalid = As configurações não são um objeto JSON.
    .help = Envie as configurações em um único objeto com host, port, security, username, password e from.

host-missing = Nenhum servidor SMTP foi informado.
    .help = Informe o servidor de saída (SMTP) do seu provedor, por exemplo smtp.example.com.

host-invalid = { $case ->
        [reason] "{ $host }" não é um nome de servidor válido: { $reason ->
            [empty] o nome está vazio
            [too-long] o nome tem mais de 253 caracteres
            [empty-part] o nome tem uma parte vazia (dois pontos seguidos ou um ponto no início)
            [part-too-long] a parte "{ $detail }" tem mais de 63 caracteres
            [bad-character] "{ $detail }" não é permitido em nomes de servidor
            [underscore] a parte "{ $detail }" contém "_", que nomes de servidor não podem ter
            [hyphen] a parte "{ $detail }" começa ou termina com hífen
            [legacy-ip] é um endereço IP em uma notação incomum; ele significa { $detail }
            [numeric-end] a última parte é um número, então não é nem um nome nem um endereço IP
            [bad-ipv6] não é um endereço IPv6 válido
           *[idna] não é um nome de domínio internacional válido
        }.
       *[other] O servidor SMTP não é um nome de servidor nem um endereço IP válido.
    }
    .help = { $reason ->
        [legacy-ip] Escreva endereços IPv4 como quatro números separados por pontos; melhor ainda, use o nome do servidor.
       *[other] Um nome de servidor é formado por letras, números e hífens separados por pontos, como smtp.example.com.
    }

host-has-scheme = { $case ->
        [web] O servidor SMTP começa com "{ $scheme }://".
        [scheme] O servidor SMTP começa com "{ $scheme }://".
       *[other] O servidor SMTP contém um prefixo de URL.
    }
    .help = { $case ->
        [web] Isso é um endereço da web. Para enviar, basta o nome do servidor de e-mail, geralmente smtp.<seu domínio>; consulte a página de configurações SMTP do seu provedor.
       *[other] Informe só o nome do servidor; a porta e a segurança têm campos próprios.
    }

host-has-port = { $case ->
        [port] O servidor SMTP termina com a porta ":{ $port }".
       *[other] O servidor SMTP contém um número de porta.
    }
    .help = Coloque só o nome no campo do servidor e a porta no campo Porta.

host-has-whitespace = { $case ->
        [outer] O servidor SMTP começa ou termina com um espaço.
       *[other] O servidor SMTP contém espaços.
    }
    .help = { $case ->
        [outer] Aqui o espaço é ignorado, mas outros programas podem não ignorar. Remova-o.
       *[other] Nomes de servidor nunca têm espaços. Remova-os; ao copiar um nome, é comum vir um espaço junto.
    }

host-is-email = { $case ->
        [provider] { $address } é um endereço de e-mail, não um nome de servidor.
        [address] { $address } é um endereço de e-mail, não um nome de servidor.
       *[other] Um endereço de e-mail foi informado como servidor SMTP.
    }
    .help = { $case ->
        [provider] Endereços em { $domain } enviam pelo servidor { $host } do { $provider }. Seu endereço vai em "Usuário" e "Remetente".
        [address] Informe o servidor de saída do seu provedor (muitas vezes smtp.{ $domain } ou mail.{ $domain }); seu endereço vai em "Usuário" e "Remetente".
       *[other] O servidor é um nome como smtp.example.com; seu endereço vai em "Usuário" ou "Remetente".
    }

host-incoming-server = { $case ->
        [provider] { $host } é o servidor de recebimento de e-mails (IMAP/POP) do { $provider }.
        [guess] { $host } parece um servidor de recebimento de e-mails (IMAP/POP).
       *[other] Isso parece um servidor de recebimento de e-mails (IMAP/POP).
    }
    .help = { $case ->
        [provider] Para enviar, use { $smtp-host } na porta { $endpoints }.
        [guess] Para enviar é preciso o servidor de saída (SMTP), muitas vezes { $smtp-host }. Confira as configurações do seu provedor.
       *[other] Para enviar é preciso o servidor de saída (SMTP), que geralmente começa com smtp.
    }

host-ip-literal = { $case ->
        [ip] O servidor SMTP é o endereço IP { $ip }.
       *[other] O servidor SMTP é um endereço IP.
    }
    .help = Certificados são emitidos para nomes, então a verificação do certificado do servidor costuma falhar com um endereço IP; prefira o nome do servidor.

host-private = { $case ->
        [range] { $host } é { $range ->
            [unspecified] um endereço não especificado
            [loopback] um endereço de loopback
            [private] um endereço de rede privada
            [link-local] um endereço link-local
            [cgnat] um endereço de NAT de operadora (CGNAT)
            [multicast] um endereço multicast
            [broadcast] o endereço de broadcast
            [documentation] um endereço reservado para documentação
            [benchmarking] um endereço reservado para testes de desempenho
            [local-name] um nome da rede local
           *[reserved] um endereço reservado
        }, inacessível pela internet.
       *[other] O servidor SMTP é um endereço privado ou local.
    }
    .help = Nosso serviço de teste também não consegue alcançá-lo. Use o nome público do servidor, a menos que o serviço que envia rode na mesma rede.

port-missing = Nenhuma porta foi informada.
    .help = Use 587 com STARTTLS ou 465 com TLS/SSL, conforme seu provedor indica.

port-invalid = { $case ->
        [raw] "{ $raw }" não é um número de porta entre 1 e 65535.
       *[other] A porta não é um número entre 1 e 65535.
    }
    .help = Portas SMTP são números inteiros: geralmente 587 (STARTTLS) ou 465 (TLS/SSL).

port-incoming = { $case ->
        [port] A porta { $port } é a porta do { $protocol }, usada para receber e-mails.
       *[other] Esta porta serve para receber e-mails (IMAP/POP), não para enviar.
    }
    .help = O envio usa SMTP: 587 com STARTTLS ou 465 com TLS/SSL.

port-unusual = { $case ->
        [port] A porta { $port } não é uma porta SMTP comum.
       *[other] Esta não é uma porta SMTP comum.
    }
    .help = O envio normalmente usa 587 (STARTTLS), 465 (TLS/SSL), 2525 ou 25. Confira a porta que seu provedor indica.

port-25-blocked = A porta 25 costuma estar bloqueada para envio.
    .help = { $case ->
        [platforms] Algumas plataformas de hospedagem bloqueiam a porta 25 de saída ({ $blockers }): se o seu aplicativo roda ali, use outra porta de um serviço de envio: { $alternatives }. A porta { $port } com { $security } é feita para envio a partir de aplicativos.
       *[other] Muitas nuvens e provedores de internet bloqueiam a porta 25 de saída. Prefira 587 com STARTTLS ou 465 com TLS/SSL.
    }

tls-port-mismatch = { $case ->
        [port] { $expected ->
            [tls] A porta { $port } espera TLS/SSL, mas { $security } está selecionado.
           *[other] A porta { $port } espera STARTTLS, mas { $security } está selecionado.
        }
       *[other] A configuração de segurança não combina com a porta.
    }
    .help = { $case ->
        [port] { $expected ->
            [tls] Servidores na porta { $port } criptografam desde o primeiro byte, então uma conexão sem criptografia espera uma saudação que nunca chega. Escolha TLS/SSL ou use a porta 587 com STARTTLS.
           *[other] Servidores na porta { $port } saúdam sem criptografia e depois passam para a criptografia com STARTTLS; conectar direto com TLS falha com erros como "wrong version number". Escolha STARTTLS ou use a porta 465 com TLS/SSL.
        }
       *[other] A porta 465 usa TLS/SSL (criptografada desde o início); as portas 587, 25 e 2525 usam STARTTLS.
    }

tls-conflicting-modes = { $case ->
        [settings] "{ $setting }" diz { $security }, mas "{ $other-setting }" diz { $other-security }.
       *[other] Duas configurações de segurança se contradizem.
    }
    .help = Escolha uma: TLS/SSL, STARTTLS ou nenhuma.

tls-missing = Nenhuma configuração de segurança foi escolhida.
    .help = Escolha TLS/SSL para a porta 465 ou STARTTLS para a porta 587.

tls-invalid-mode = { $case ->
        [raw] "{ $raw }" não é uma configuração de segurança.
       *[other] A configuração de segurança não é TLS/SSL, STARTTLS nem "nenhuma".
    }
    .help = Escolha TLS/SSL, STARTTLS ou nenhuma.

tls-none = { $case ->
        [starttls-offered] O servidor oferece STARTTLS, mas nenhuma criptografia foi escolhida.
       *[other] A conexão não é criptografada.
    }
    .help = Sem criptografia, os e-mails e o login trafegam em texto aberto. Use STARTTLS ou TLS/SSL.

auth-cleartext = A senha seria enviada sem criptografia.
    .help = Credenciais em uma conexão sem criptografia podem ser lidas no caminho, e a maioria dos servidores as recusa. Ative STARTTLS ou TLS/SSL.

auth-username-missing = É preciso um nome de usuário.
    .help = { $case ->
        [provider] O { $provider } precisa de um login: { $username-kind ->
            [full-address] seu endereço de e-mail completo
            [literal] a palavra "{ $word }"
            [domain-login] o login SMTP do seu domínio de envio, por exemplo postmaster@mg.example.com
            [ses-username] o usuário SMTP gerado pelo SES (começa com AKIA)
            [postmark-server-token] o token de API do servidor (Server API token)
            [mailjet-api-key] a chave de API do Mailjet
           *[any] o login SMTP mostrado na sua conta
        }.
       *[other] Informe o login da sua conta de e-mail, geralmente seu endereço de e-mail completo.
    }

auth-password-missing = { $case ->
        [xoauth2] É preciso um token de acesso OAuth2.
       *[other] É preciso uma senha.
    }
    .help = { $case ->
        [xoauth2] Com XOAUTH2, o campo de senha leva o token de acesso OAuth2.
       *[other] Informe a senha (ou a senha de app) deste login.
    }

auth-password-whitespace = A senha começa ou termina com um espaço.
    .help = Ao copiar uma senha, é comum vir junto um espaço ou uma quebra de linha; remova-o, a menos que faça mesmo parte da senha.

auth-mechanism-unknown = { $case ->
        [raw] "{ $raw }" não é um método de login que esta ferramenta conhece.
       *[other] O método de login não é auto, plain, login, cram-md5, xoauth2 nem none.
    }
    .help = Deixe em "auto", a menos que seu provedor diga outra coisa.

auth-app-password = { $case ->
        [provider] O { $provider } precisa de uma senha de app, não da senha da sua conta.
       *[other] Este provedor precisa de uma senha de app.
    }
    .help = { $case ->
        [provider] Crie uma em { $url } (a verificação em duas etapas precisa estar ativada) e cole-a como senha.
       *[other] Crie uma senha de app nas configurações de segurança da sua conta e use-a no lugar da sua senha normal.
    }

auth-username-format = { $case ->
        [full-address] O { $provider } espera seu endereço de e-mail completo como usuário, não "{ $username }".
        [literal] O { $provider } espera o usuário "{ $word }", literalmente.
        [domain-login] O { $provider } espera o login SMTP do seu domínio de envio, como postmaster@mg.example.com.
        [not-an-address] O { $provider } não usa um endereço de e-mail como usuário SMTP.
        [prefix] Os usuários SMTP do { $provider } começam com { $prefix }.
        [unsendable] O usuário não pode ser enviado: { $error }.
       *[other] Este provedor espera outro tipo de usuário.
    }
    .help = { $case ->
        [literal] No { $provider }, o usuário é sempre "{ $word }"; sua chave vai no campo de senha.
        [not-an-address] Use { $credential ->
            [ses-username] o usuário SMTP gerado pelo SES (começa com AKIA)
            [postmark-server-token] o token de API do servidor (Server API token)
            [mailjet-api-key] a chave de API do Mailjet
           *[other] o usuário que seu provedor indica
        }.
        [prefix] Use { $credential ->
            [ses-username] o usuário SMTP gerado pelo SES (começa com AKIA)
            [postmark-server-token] o token de API do servidor (Server API token)
            [mailjet-api-key] a chave de API do Mailjet
           *[other] o usuário que seu provedor indica
        }.
       *[other] Use o usuário que seu provedor indica para SMTP.
    }

auth-credential-type = { $case ->
        [wrong] Isto é { $wrong-credential ->
            [brevo-api-key] uma chave de API do Brevo (xkeysib-…)
           *[other] outro tipo de chave
        }, não a credencial SMTP.
        [prefix] O SMTP do { $provider } precisa de { $credential ->
            [sendgrid-api-key] uma chave de API do SendGrid (SG.…) com permissão "Mail Send"
            [brevo-smtp-key] uma chave SMTP do Brevo (xsmtpsib-…)
            [resend-api-key] uma chave de API do Resend (re_…)
           *[other] suas credenciais SMTP
        }; este segredo não começa com { $prefix }.
        [aws-secret-key] Isto parece uma chave de acesso secreta da AWS (40 caracteres), não uma senha SMTP do SES (44).
        [ses-length] Senhas SMTP do SES têm 44 caracteres; esta não tem.
        [app-password] Isto não parece uma senha de app do { $provider } (16 letras).
        [uuid] O SMTP do { $provider } usa o token de API do servidor como senha; este segredo não tem esse formato.
       *[other] O segredo parece ser o tipo errado de credencial.
    }
    .help = { $case ->
        [wrong] O SMTP do { $provider } precisa de { $credential ->
            [sendgrid-api-key] uma chave de API do SendGrid (SG.…) com permissão "Mail Send"
            [brevo-smtp-key] uma chave SMTP do Brevo (xsmtpsib-…)
            [resend-api-key] uma chave de API do Resend (re_…)
           *[other] a credencial SMTP
        }.
        [aws-secret-key] Crie credenciais SMTP no console do SES (configurações SMTP) ou derive a senha SMTP da chave para esta região.
        [ses-length] Use a senha SMTP mostrada quando as credenciais SMTP do SES foram criadas.
        [app-password] A senha da conta é recusada para SMTP; crie uma senha de app e cole-a aqui (espaços entre os grupos de quatro não atrapalham).
       *[other] Use a credencial que seu provedor emite para SMTP, não uma chave de API nem a senha da conta.
    }

auth-oauth-required = { $case ->
        [required] O { $provider } não aceita mais senhas para SMTP (desde { $since }).
        [retiring] O { $provider } desativa por padrão o login por senha para SMTP em { $date }.
        [retired] O { $provider } desativou por padrão o login por senha para SMTP desde { $date }.
       *[other] Este provedor não aceita mais senhas para SMTP.
    }
    .help = { $case ->
        [required] Senhas e senhas de app são recusadas. Entre com OAuth2.
        [retiring] { $oauth-note ->
            [microsoft-365] Até lá a autenticação SMTP básica (SMTP AUTH) funciona onde está ativada para a caixa de correio; depois, fica desativada nos locatários existentes, a menos que um administrador a reative.
           *[other] {""}
        } Entre com a Microsoft (OAuth2) desde já, e nada muda nesse dia.
        [retired] { $oauth-note ->
            [microsoft-365] O login por senha só funciona onde um administrador reativou o SMTP AUTH para o locatário e a caixa de correio, e a Microsoft vai removê-lo de vez.
           *[other] {""}
        } Entre com a Microsoft (OAuth2).
       *[other] Entre com OAuth2 em vez de uma senha.
    }

## Tokens de acesso OAuth2 (lidos, não verificados: o servidor os verifica)

auth-token-missing = { $case ->
        [provider] Entre com { $provider } ou informe um token de acesso.
       *[other] O OAuth2 precisa de um token de acesso.
    }
    .help = Com OAuth2 o servidor confere um token de acesso de curta duração em vez de uma senha. Use o botão de entrar, ou deixe o backend do seu aplicativo colocar um token de acesso recente no campo "Token de acesso".

auth-token-kind = { $kind ->
        [id-token] Isto é um token de identidade (ID token), não um token de acesso.
        [refresh-token] Isto é um token de atualização (refresh token), não um token de acesso.
        [authorization-code] Isto é um código de autorização, não um token de acesso.
        [client-secret] Isto é o segredo do cliente do aplicativo, não um token de acesso.
       *[other] Isto não é um token de acesso.
    }
    .help = { $kind ->
        [id-token] Um token de identidade diz ao seu aplicativo quem entrou; o servidor de e-mail só aceita o token de acesso da mesma entrada (access_token na resposta do token).
        [refresh-token] Um token de atualização fica no backend do seu aplicativo, que o troca por um token de acesso de curta duração: dê esse token de acesso ao teste.
        [authorization-code] O código do redirecionamento de entrada precisa antes ser trocado no endpoint de tokens; o token de acesso vem dessa troca.
        [client-secret] O segredo do cliente identifica seu aplicativo perante o provedor e fica no seu backend; o servidor de e-mail precisa do token de acesso de uma conta que entrou.
       *[other] Informe o token de acesso de uma conta que entrou.
    } Reconhecido só pela forma: a palavra final é do servidor.

auth-token-expired = O token de acesso expirou há { $minutes } minutos.
    .help = Tokens de acesso duram cerca de uma hora. Entre de novo, ou deixe seu backend renová-lo com o token de atualização, e teste com o novo.

auth-token-expiring = O token de acesso expira em { $seconds } segundos, antes de o teste terminar.
    .help = Obtenha um token de acesso recente (seu backend o renova com o token de atualização) e teste de novo.

auth-token-audience = { $case ->
        [graph] Este token de acesso é para o Microsoft Graph, não para SMTP.
        [google-for-microsoft] Este é um token de acesso do Google; { $provider } precisa de um da Microsoft.
        [microsoft-for-google] Este é um token de acesso da Microsoft; { $provider } precisa de um do Google.
       *[other] Este token de acesso é para { $audience }, não para SMTP.
    }
    .help = { $case ->
        [graph] Um token do Graph funciona na API do Graph, mas o SMTP responde 535 5.7.3 Authentication unsuccessful. Peça o escopo https://outlook.office.com/SMTP.Send (com offline_access) ao entrar.
        [google-for-microsoft] Entre com a Microsoft e peça https://outlook.office.com/SMTP.Send.
        [microsoft-for-google] Entre com o Google e peça o escopo https://mail.google.com/.
       *[other] Para Microsoft 365 e Outlook.com, peça https://outlook.office.com/SMTP.Send ao entrar.
    } Os dados do token são lidos aqui, não verificados: o servidor confere a assinatura.

auth-token-scope = O token de acesso não pode enviar e-mail por SMTP: falta a permissão SMTP.Send.
    .help = As permissões dele: { $scopes }. Adicione a permissão delegada SMTP.Send (Office 365 Exchange Online) ao registro do aplicativo e peça https://outlook.office.com/SMTP.Send ao entrar; um aplicativo que envia sem usuário precisa de SMTP.SendAsApp.

auth-token-user = O token de acesso foi emitido para { $token-user }, mas o usuário é { $username }.
    .help = O login envia o usuário junto com o token, e o servidor recusa uma diferença. Use a conta que entrou, ou entre como { $username }.

auth-token-tenant = { $case ->
        [personal] Este token é de uma conta pessoal da Microsoft; o Microsoft 365 precisa de uma conta corporativa ou de estudante.
       *[work] Este token é de uma conta corporativa ou de estudante; o Outlook.com precisa de uma conta pessoal da Microsoft.
    }
    .help = { $case ->
        [personal] Entre com a conta da organização, ou use smtp-mail.outlook.com para um endereço do Outlook.com ou Hotmail.
       *[work] Use smtp.office365.com para uma caixa de correio do Microsoft 365.
    }

auth-token-rejected = { $case ->
        [invalid] O servidor recusou o token de acesso: ele é inválido ou expirou.
        [m365] O Microsoft 365 recusou o token de acesso.
        [scope] O servidor recusou o token de acesso: falta o escopo { $scope }.
       *[other] O servidor recusou o token de acesso.
    }
    .help = { $case ->
        [invalid] Obtenha um token de acesso recente (entre de novo ou renove-o no seu backend) e teste de novo.
        [m365] Em geral uma de três causas: o token não é para SMTP (peça https://outlook.office.com/SMTP.Send, não um escopo do Microsoft Graph); o SMTP AUTH está desativado para a caixa de correio (Set-CASMailbox -Identity <caixa> -SmtpClientAuthenticationDisabled $false); ou, para um aplicativo que envia sem usuário, a entidade de serviço dele não tem direito à caixa (Add-MailboxPermission).
        [scope] Entre de novo pedindo { $scope }.
       *[other] Entre de novo; se continuar falhando, talvez a conta não possa usar SMTP.
    }

auth-mechanism-withdrawn = O servidor não oferece mais { $withdrawn } (agora oferece: { $offered }).
    .help = Se PLAIN e LOGIN sumiram, o login com senha foi desativado: o administrador da conta de e-mail precisa reativar o SMTP AUTH, ou a conexão precisa passar para OAuth (Microsoft 365: Set-CASMailbox -SmtpClientAuthenticationDisabled $false).

from-missing = { $case ->
        [sender-check] A verificação do remetente precisa de um endereço de remetente válido.
       *[other] Nenhum endereço de remetente foi informado.
    }
    .help = Informe o endereço de onde seus e-mails são enviados, por exemplo voce@example.com.

from-invalid = { $case ->
        [reason] O remetente não é um endereço válido: { $reason ->
            [empty] está vazio
            [no-at] não tem @
            [empty-local] não há nada antes do @
            [empty-domain] não há nada depois do @
            [local-too-long] a parte antes do @ tem mais de 64 caracteres
            [bad-local] "{ $detail }" só é permitido antes do @ entre aspas
            [dots] a parte antes do @ começa ou termina com ponto, ou tem dois pontos seguidos
            [bad-domain] o domínio não é válido
            [domain-without-dot] o domínio não tem ponto
            [unclosed-angle] falta o > correspondente ao <
            [trailing-text] "{ $detail }" vem depois do endereço
            [unquoted-comma] o nome contém uma vírgula, que precisa estar entre aspas duplas
            [unclosed-quote] uma aspa dupla não foi fechada
            [several] contém mais de um endereço
           *[control] o nome contém o caractere de controle "{ $detail }"
        }.
       *[other] O remetente não é um endereço de e-mail válido.
    }
    .help = Use um endereço como voce@example.com, se quiser com nome: Seu Nome <voce@example.com>.

from-domain-mismatch = { $case ->
        [domains] O remetente é de { $from-domain }, mas o login é de { $login-domain }.
       *[other] O domínio do remetente é diferente do domínio do login.
    }
    .help = Muitos servidores se recusam a enviar como outro endereço, a menos que seja um alias da conta. Envie a partir do endereço do login ou adicione este como alias.

provider-port-unsupported = { $case ->
        [provider] O { $provider } não aceita e-mails na porta { $port }.
       *[other] Este provedor não aceita e-mails nesta porta.
    }
    .help = { $case ->
        [provider] O { $provider } atende em { $endpoints }.
       *[other] Use uma das portas que o provedor indica.
    }

provider-known = { $case ->
        [provider] Este é o { $provider }.
       *[other] Este é um provedor conhecido.
    }
    .help = { $case ->
        [provider] Configurações documentadas: { $endpoints }.{ $provider-notes ->
            [gmail] {" "}O Google recusa a senha normal da conta: use uma senha de app (exige a verificação em duas etapas) ou OAuth2. Na 587, o Google só oferece o login depois do STARTTLS.
            [google-relay] {" "}O relay aceita uma lista de IPs permitidos definida pelo administrador do Workspace ou SMTP AUTH, conforme o Admin Console.
            [microsoft365] {" "}O Microsoft 365 atende só na 587 com STARTTLS; não há 465.
            [icloud] {" "}Senhas específicas de app do iCloud exigem a autenticação de dois fatores na Conta Apple.
            [zoho] {" "}O Zoho aceita a senha da conta ou, com a autenticação de dois fatores ativa, uma senha de app. O Zoho só envia a partir do endereço da própria conta ou de seus aliases. Contas de organização usam smtppro.zoho.*; use o domínio do seu data center (zoho.eu, zoho.in, …).
            [fastmail] {" "}O Fastmail recomenda 465 com TLS/SSL; 587 com STARTTLS funciona, mas não é recomendado.
            [ses] {" "}As credenciais SMTP do SES valem por região: use o servidor da região onde foram criadas. A identidade do remetente precisa estar verificada na mesma região; contas em sandbox só enviam para destinatários verificados.
            [sendgrid] {" "}O SendGrid exige uma identidade de remetente verificada.
            [mailgun] {" "}Use a senha SMTP do domínio, não a da conta. Contas dos EUA (smtp.mailgun.org) e da UE (smtp.eu.mailgun.org) são separadas.
            [postmark] {" "}O Postmark não tem porta 465: uma conexão ali fica travada.
            [brevo] {" "}O usuário é o login SMTP mostrado nas configurações "SMTP & API" da conta.
            [mailjet] {" "}A senha é a chave secreta da API; o endereço ou domínio de envio precisa estar validado no Mailjet.
           *[other] {""}
        } Fonte: { $source } (verificado em { $checked }).
       *[other] As configurações documentadas dele aparecem aqui.
    }

dns-not-found = { $case ->
        [host] { $host } não existe no DNS.
       *[other] O nome do servidor não existe.
    }
    .help = Confira a grafia do servidor SMTP; o nome não está no DNS.

dns-no-address = { $case ->
        [host] { $host } existe, mas não tem endereço IP.
       *[other] O nome do servidor existe, mas não tem endereço IP.
    }
    .help = O nome não tem registro A nem AAAA. Talvez seja um domínio de e-mail (MX) e não um nome de servidor; use o servidor SMTP que seu provedor indica.

dns-timeout = { $case ->
        [host] A consulta DNS de { $host } expirou, embora o resolvedor responda a outras perguntas: os servidores de nomes de { $host } não respondem.
        [deadline] O limite de tempo do teste ({ $seconds } s) acabou enquanto o servidor era procurado.
       *[other] A consulta DNS não respondeu a tempo.
    }
    .help = O resolvedor não respondeu. Tente de novo; se continuar, os servidores de nomes do domínio estão inacessíveis.

dns-failed = { $case ->
        [rcode] A consulta DNS de { $host } falhou: o resolvedor respondeu { $rcode }.
        [error] A consulta DNS de { $host } falhou: { $error }.
       *[other] A consulta DNS falhou.
    }
    .help = O resolvedor respondeu com um erro (SERVFAIL ou REFUSED): os servidores de nomes do domínio estão com defeito ou se recusam a responder. O administrador de DNS precisa corrigi-los; tente mais tarde.

dns-address-changed = { $host } agora resolve para { $after } (antes: { $before }).
    .help = Normalmente o provedor mudou o servidor de lugar; nada a fazer enquanto os e-mails saírem. Se um firewall libera os endereços do servidor, atualize a lista.

probe-dns-unavailable = { $case ->
        [host] O serviço de teste não conseguiu consultar { $host }: o próprio resolvedor DNS dele não responde. Suas configurações não foram testadas.
       *[other] O serviço de teste não consegue alcançar o próprio resolvedor DNS.
    }
    .help = Este é um problema do serviço de teste, não das suas configurações: você não precisa mudar nada. Tente de novo em alguns minutos.

policy-blocked-address = { $case ->
        [address] { $address } é um endereço interno, que nosso serviço de teste não contata.
        [name] { $host } leva a um endereço interno, que nosso serviço de teste não contata.
       *[other] O nome do servidor leva a um endereço interno, que nosso serviço de teste não contata.
    }
    .help = Por segurança, o serviço de teste só se conecta a endereços públicos. Use o nome público do servidor.

policy-blocked-port = { $case ->
        [port] Nosso serviço de teste não se conecta à porta { $port }.
        [host-port] Nosso serviço de teste não se conecta à porta { $port } deste servidor.
       *[other] O serviço de teste não se conecta a esta porta.
    }
    .help = { $case ->
        [port] Ele testa só estas portas: { $allowed }. Use a porta SMTP do seu provedor.
        [host-port] Ele testa só estas portas: { $allowed }. Use a porta SMTP do seu provedor.
       *[other] Ele testa só as portas de e-mail comuns (25, 465, 587, 2525). Use a porta que seu provedor indica.
    }

policy-blocked-recipient = { $case ->
        [invalid] O destinatário não pode ser usado: { $error }.
        [other-recipient] O teste só envia para o seu próprio endereço de remetente ({ $from }), não para { $recipient }.
       *[other] O teste só envia para o seu próprio endereço de remetente.
    }
    .help = As verificações de remetente e de envio usam o endereço de remetente como destinatário, então o teste nunca entrega e-mails a estranhos. Deixe o destinatário em branco ou peça ao operador para permitir o domínio dele.

tcp-refused = { $case ->
        [addresses] { $addresses } recusou a conexão na porta { $port }.
       *[other] O servidor recusou a conexão.
    }
    .help = Nada está escutando nesta porta, ou um firewall a rejeita. Confira a porta.

tcp-timeout = { $case ->
        [addresses] Sem resposta de { $addresses }: a conexão expirou.
        [deadline] O limite de tempo do teste ({ $seconds } s) acabou durante a conexão.
       *[other] A conexão expirou.
    }
    .help = Não houve resposta nenhuma: um firewall descarta o tráfego, ou o servidor só aceita endereços IP permitidos.{ $allowlist ->
        [yes] {" "}Este teste se conecta a partir de { $egress }; peça ao administrador do servidor para permitir esses endereços.
       *[no] {""}
    }{ $blocked ->
        [yes] {" "}Algumas plataformas de hospedagem bloqueiam a porta { $port } de saída ({ $blockers }): se o seu aplicativo roda ali, use outra porta de um serviço de envio: { $alternatives }.
       *[no] {""}
    }

tcp-unreachable = { $case ->
        [addresses] { $addresses } está inacessível a partir do nosso serviço de teste.
        [mixed] Não foi possível conectar ({ $failures }).
       *[other] A rede do servidor está inacessível.
    }
    .help = Não há rota para este endereço a partir do nosso serviço de teste.

tcp-some-addresses-failed = { $case ->
        [addresses] { $failed } falhou; { $connected } funcionou, e o teste continuou com ele.
        [no-ipv6-route] { $failed } falhou; { $connected } funcionou, e o teste continuou com ele.
       *[other] Alguns endereços do servidor não responderam.
    }
    .help = { $case ->
        [no-ipv6-route] Os endereços IPv6 estão inacessíveis a partir do nosso serviço de teste (ele não tem rota IPv6), enquanto o IPv4 funciona: isso não diz nada sobre o servidor. Clientes sem IPv6 recorrem ao IPv4, como o teste fez.
       *[other] O nome do servidor tem vários endereços e nem todos funcionam. Clientes que escolhem um endereço morto falham ou ficam esperando; o administrador do servidor deveria corrigir ou remover esses registros DNS.
    }

smtp-no-greeting = { $case ->
        [seconds] Conectado, mas nenhuma saudação chegou em { $seconds } s.
        [no-tls-either] Conectado, mas nenhuma saudação chegou em { $seconds } s, e a porta também não responde com TLS.
        [after-tls] A conexão foi criptografada, mas nenhuma saudação SMTP chegou.
       *[other] O servidor aceitou a conexão, mas não enviou saudação.
    }
    .help = { $case ->
        [no-tls-either] A configuração de segurança não é a causa: nem SMTP sem criptografia nem TLS tiveram resposta. O servidor está sobrecarregado, segura clientes em que não confia (tarpit), ou algo no caminho mantém a conexão aberta. Tente mais tarde; se continuar, pergunte ao administrador do servidor se o endereço do nosso serviço de teste é permitido.
       *[other] Um servidor SMTP saúda logo com 220. Silêncio geralmente significa que a porta espera criptografia desde o primeiro byte: escolha TLS/SSL.
    }

smtp-greeting-rejected = { $case ->
        [reply] O servidor recusou esta conexão já na saudação ({ $reply-code }).
       *[other] O servidor recusou este cliente já na saudação.
    }
    .help = O servidor rejeita conexões do nosso endereço (uma lista de permitidos ou de bloqueio). Peça ao administrador para permitir os endereços do serviço de teste.

smtp-ehlo-rejected = { $case ->
        [helo-works] O servidor recusou nossa saudação (EHLO, { $reply-code }), mas aceitou o antigo HELO: ele não oferece extensões, então não se conhecem criptografia, login nem limite de tamanho.
        [both] O servidor recusou nossa saudação (EHLO, { $reply-code }) e o antigo HELO: ele não vai iniciar uma sessão de e-mail com nosso serviço de teste.
       *[other] O servidor recusou nossa saudação (EHLO).
    }
    .help = { $case ->
        [both] Um servidor que recusa as duas saudações recusa este cliente: pergunte ao administrador se o endereço do serviço de teste é permitido.
       *[other] Sem ela, um servidor não oferece criptografia nem login. O servidor é muito antigo ou está mal configurado; pergunte ao administrador.
    }

smtp-helo-rejected = { $case ->
        [name] O servidor recusou o nome com que este serviço de teste se apresentou ({ $name }), não as suas configurações ({ $reply-code }).
       *[other] O servidor recusou o nome com que este serviço de teste se apresentou.
    }
    .help = { $case ->
        [name] Servidores que verificam o nome EHLO querem um nome de host real que aponte para o endereço do cliente. O operador deste serviço de teste precisa iniciá-lo com --helo apontando para o nome de host público dele (agora { $name }). Suas configurações podem estar certas: seu aplicativo se apresenta com o próprio nome.
       *[other] O servidor verifica o nome EHLO/HELO. É uma configuração do serviço de teste, não sua: o operador define um nome de host real e resolvível com --helo.
    }

smtp-temporary-failure = { $case ->
        [greylisted] O servidor adiou { $command ->
            [mail-from] o remetente (MAIL FROM)
           *[rcpt-to] o destinatário (RCPT TO)
        } ({ $reply-code }), o que parece greylisting: uma recusa temporária, não uma rejeição.
        [deferred] O servidor adiou { $command ->
            [mail-from] o remetente (MAIL FROM)
           *[rcpt-to] o destinatário (RCPT TO)
        } ({ $reply-code }): uma recusa temporária, não uma rejeição.
       *[other] O servidor recusou por enquanto (4xx).
    }
    .help = Uma recusa temporária (greylisting, fila cheia, um problema local) não é erro de configuração: programas de e-mail tentam de novo e geralmente conseguem depois. Repita o teste em alguns minutos.

smtp-busy = { $case ->
        [greeting] O servidor está ocupado e fechou a conexão na hora (421).
       *[other] O servidor está ocupado ou fechando a conexão (421).
    }
    .help = Tente mais tarde; se continuar, o servidor pode estar limitando conexões deste endereço.

smtp-slow-greeting = { $case ->
        [seconds] O servidor só saudou depois de { $seconds } s.
       *[other] O servidor levou vários segundos para saudar.
    }
    .help = Uma saudação lenta indica um tarpit, um servidor sobrecarregado ou filtragem; alguns clientes desistem antes.

smtp-timeout = { $case ->
        [deadline] O limite de tempo do teste ({ $seconds } s) acabou antes de o servidor terminar de responder.
       *[other] O servidor parou de responder.
    }
    .help = O servidor aceitou um comando, mas não respondeu a tempo. Ele pode estar sobrecarregado, ou um firewall no caminho derruba a conexão.

smtp-closed = { $case ->
        [io] A conexão falhou: { $error }.
        [while-sending] A conexão falhou durante o envio: { $error }.
       *[other] O servidor fechou a conexão.
    }
    .help = O servidor desligou no meio da sessão; a resposta anterior dele, se houver, diz por quê.

smtp-protocol-error = { $case ->
        [too-long] A resposta do servidor passou dos limites do nosso teste (tamanho de linha, número de linhas ou tamanho total).
        [cram-md5] O desafio CRAM-MD5 do servidor não era base64 válido.
        [line-break] Nosso teste se recusou a enviar um comando com quebra de linha.
        [starttls-injection] O servidor enviou dados depois da resposta ao STARTTLS; o teste parou (um possível ataque de injeção).
       *[other] A resposta do servidor violou o protocolo SMTP.
    }
    .help = A resposta era longa demais, tinha linhas demais ou não era uma resposta SMTP; o teste parou de ler para se proteger.

smtp-not-smtp = { $case ->
        [greeting] O servidor saudou com { $reply-code } em vez de 220.
        [peer] Esta porta responde como { $peer ->
            [http] um servidor web (HTTP)
            [imap] um servidor IMAP (recebimento)
            [pop3] um servidor POP3 (recebimento)
            [ssh] um servidor SSH
           *[other] algo que não é um servidor SMTP
        }, não como um servidor SMTP.
       *[other] O servidor não fala SMTP nesta porta.
    }
    .help = Outra coisa (web, IMAP, …) responde aqui. Confira o servidor e a porta.

tls-expected-implicit = { $case ->
        [verified] A porta { $port } ficou em silêncio numa conexão sem criptografia, mas respondeu a uma criptografada: ela espera TLS desde o primeiro byte.
        [cert-problem] A porta { $port } ficou em silêncio numa conexão sem criptografia, mas respondeu a uma criptografada: ela espera TLS desde o primeiro byte.
       *[other] Esta porta espera criptografia (TLS) desde o primeiro byte.
    }
    .help = { $case ->
        [verified] Escolha TLS/SSL; verificado: uma conexão criptografada com a porta { $port } funciona.
        [cert-problem] Escolha TLS/SSL. Uma conexão criptografada com a porta { $port } funciona, mas o certificado tem um problema que a próxima verificação vai mostrar.
       *[other] Escolha TLS/SSL para esta porta.
    }

tls-expected-starttls = { $case ->
        [plain-answer] A porta { $port } respondeu sem criptografia em vez de TLS.
        [verified] A porta { $port } respondeu sem criptografia em vez de TLS.
        [starttls-failed-too] A porta { $port } respondeu sem criptografia em vez de TLS.
       *[other] Esta porta fala primeiro SMTP sem criptografia e depois passa para a criptografia com STARTTLS.
    }
    .help = { $case ->
        [verified] Esta porta fala SMTP sem criptografia e depois criptografa com STARTTLS; verificado: STARTTLS na porta { $port } funciona.
        [starttls-failed-too] Esta porta fala primeiro SMTP sem criptografia, mas a passagem para a criptografia com STARTTLS também não funcionou; tente a porta 465 com TLS/SSL ou pergunte ao seu provedor.
       *[other] Escolha STARTTLS para esta porta.
    }

tls-starttls-unavailable = { $case ->
        [refused] O servidor ofereceu STARTTLS, mas o recusou ({ $reply-code }).
        [port] O servidor na porta { $port } não oferece STARTTLS.
       *[other] O servidor não oferece STARTTLS.
    }
    .help = O servidor não consegue criptografar esta conexão. Tente a porta 465 com TLS/SSL.

tls-client-cert-required = { $case ->
        [alert] O servidor pediu um certificado de cliente e encerrou a sessão com o alerta "{ $alert }" quando nenhum veio.
        [closed] O servidor pediu um certificado de cliente e fechou a sessão quando nenhum veio ({ $error }).
        [handshake] O servidor pediu um certificado de cliente e interrompeu o estabelecimento da criptografia quando nenhum veio ({ $error }).
       *[other] O servidor exige um certificado de cliente.
    }
    .help = Este servidor só aceita clientes que apresentam um certificado em que ele confia (TLS mútuo). Para aplicativos, use o serviço de envio do provedor ou pergunte ao administrador.

tls-server-misconfigured = { $case ->
        [starttls-refused] O servidor ofereceu STARTTLS, mas depois o recusou ({ $reply-code }): a criptografia dele está com defeito (o Postfix responde assim quando não consegue carregar o certificado ou a chave).
        [internal-error] O servidor interrompeu o estabelecimento da criptografia com o alerta "internal_error": uma falha do lado dele, não importa o que o cliente ofereça.
       *[other] A criptografia (TLS) do servidor está com defeito do lado dele.
    }
    .help = { $other ->
        [works] Avise o administrador do servidor: o certificado, a chave ou a biblioteca de criptografia dele está com defeito (o OpenSMTPD 6.8 compilado com OpenSSL 3 faz isso em toda conexão). Enquanto isso, { $other-security } na porta { $other-port } funciona: verificado numa segunda conexão.
        [fails] Avise o administrador do servidor: o certificado, a chave ou a biblioteca de criptografia dele está com defeito (o OpenSMTPD 6.8 compilado com OpenSSL 3 faz isso em toda conexão). { $other-security } na porta { $other-port } também foi testado e também não funciona: nenhuma configuração ajuda até o servidor ser corrigido.
        [no-answer] Avise o administrador do servidor: o certificado, a chave ou a biblioteca de criptografia dele está com defeito (o OpenSMTPD 6.8 compilado com OpenSSL 3 faz isso em toda conexão). A porta { $other-port } ({ $other-security }) não responde ao nosso serviço de teste, então não se conhece outra configuração que funcione.
       *[other] O servidor interrompeu o estabelecimento da criptografia por um problema próprio (por exemplo, um certificado ou uma chave que ele não consegue usar). Nenhuma configuração sua resolve: avise o administrador do servidor.
    }

tls-handshake-failed = { $case ->
        [alert] O servidor interrompeu o estabelecimento da criptografia com o alerta "{ $alert }".
        [error] Não foi possível estabelecer a criptografia (TLS): { $error }.
        [closed] O servidor fechou a conexão durante o estabelecimento da criptografia ({ $error }).
        [timeout] O servidor não respondeu a tempo durante o estabelecimento da criptografia.
        [server-name] O nome do servidor não pode ser usado numa conexão criptografada.
        [setup] Não foi possível preparar a criptografia: { $error }.
        [plain-answer] O servidor respondeu sem criptografia durante o estabelecimento da criptografia.
       *[other] Não foi possível estabelecer a criptografia (TLS).
    }
    .help = { $case ->
        [alert] O servidor não aceita nenhuma das versões nem dos algoritmos que um cliente atual oferece (TLS 1.2/1.3 com algoritmos modernos); a configuração dele está desatualizada ou com defeito.
       *[other] O servidor e nosso teste não têm versão nem algoritmo TLS em comum, ou o servidor interrompeu. Tente a outra configuração de segurança ou pergunte ao administrador do servidor.
    }

tls-old-protocol = { $case ->
        [version] O servidor só fala { $version } (ele escolheu na resposta); este cliente, como todo cliente atual, precisa de TLS 1.2 ou 1.3.
        [refused] O servidor recusou TLS 1.2 e 1.3: ele só fala TLS 1.1 ou anterior.
        [legacy-version] O servidor só fala { $version } (ele escolheu quando TLS 1.1 foi oferecido); este cliente, como todo cliente atual, precisa de TLS 1.2 ou 1.3.
        [client-refused] O servidor recusou a versão de TLS desta conexão ({ $reply-code }): ele só aceita TLS 1.2 ou mais recente.
       *[other] O servidor só fala uma versão antiga de TLS.
    }
    .help = { $case ->
        [version] TLS 1.0 e 1.1 estão desativados em clientes e bibliotecas atuais. O administrador do servidor precisa ativar TLS 1.2 ou mais recente; nenhuma configuração no cliente resolve.
        [refused] TLS 1.0 e 1.1 estão desativados em clientes e bibliotecas atuais. O administrador do servidor precisa ativar TLS 1.2 ou mais recente; nenhuma configuração no cliente resolve.
        [legacy-version] TLS 1.0 e 1.1 estão desativados em clientes e bibliotecas atuais. O administrador do servidor precisa ativar TLS 1.2 ou mais recente; nenhuma configuração no cliente resolve.
        [client-refused] Este teste usou TLS 1.2 ou mais recente, então algo no caminho (um proxy ou firewall que inspeciona TLS) rebaixou a conexão. Se a sua aplicação mostra esta resposta, a biblioteca TLS dela é antiga demais: ative o TLS 1.2 (no .NET Framework: 4.7 ou mais recente, ou SecurityProtocol Tls12) ou atualize-a.
       *[other] TLS 1.0 e 1.1 estão obsoletos e são recusados por muitos clientes.
    }

tls-cert-expired = { $case ->
        [dates] O certificado do servidor expirou (válido de { $not-before } a { $not-after }).
       *[other] O certificado do servidor expirou.
    }
    .help = O administrador do servidor precisa renovar o certificado.

tls-cert-not-yet-valid = { $case ->
        [dates] O certificado do servidor ainda não é válido (válido de { $not-before } a { $not-after }).
       *[other] O certificado do servidor ainda não é válido.
    }
    .help = A data de início do certificado está no futuro; o relógio do servidor ou o certificado está errado.

tls-cert-name-mismatch = { $case ->
        [names] O certificado é para { $names }, não para { $host }.
        [other-names] O certificado é para outros nomes, não para { $host }.
       *[other] O certificado do servidor é para outro nome.
    }
    .help = { $case ->
        [names] Use um nome de servidor coberto pelo certificado: { $names }.
       *[other] Use um nome de servidor coberto pelo certificado.
    }

tls-cert-untrusted = { $case ->
        [self-signed] O certificado do servidor é autoassinado.
        [unknown-issuer] O certificado do servidor foi emitido por uma autoridade desconhecida ({ $issuer }).
        [refused] O certificado do servidor foi recusado: { $error }.
       *[other] O certificado do servidor não é confiável.
    }
    .help = { $case ->
        [self-signed] Os clientes o recusam. O servidor precisa de um certificado de uma autoridade pública (por exemplo, Let's Encrypt); para uma autoridade interna, passe a raiz dela ao nosso serviço de teste com --ca-file.
        [unknown-issuer] Os clientes o recusam. O servidor precisa de um certificado de uma autoridade pública (por exemplo, Let's Encrypt); para uma autoridade interna, passe a raiz dela ao nosso serviço de teste com --ca-file.
       *[other] Ele é autoassinado ou foi emitido por uma autoridade desconhecida.
    }

tls-cert-expiring = O certificado do servidor expira em { $days ->
        [one] 1 dia
       *[other] { $days } dias
    } ({ $not-after }).
    .help = O administrador do servidor precisa renovar o certificado antes disso; a partir desse dia, todo cliente que verifica certificados recusará a conexão.

tls-cert-replaced = O servidor agora apresenta outro certificado (emitido por { $issuer }, válido até { $not-after }).
    .help = Normalmente uma renovação de rotina: nada a fazer. Se as conexões falharem a partir de agora, verifique primeiro o novo certificado.

auth-not-offered = { $case ->
        [encrypted] Foram informadas credenciais, mas o servidor não oferece login: elas não foram verificadas. Pode ser um relay que não precisa de login (então remova as credenciais) ou que só aceita endereços IP permitidos.
        [plain] Foram informadas credenciais, mas o servidor não oferece login nesta conexão sem criptografia: elas não foram verificadas. A maioria dos servidores só oferece login depois do STARTTLS.
       *[other] Foram informadas credenciais, mas o servidor não oferece login.
    }
    .help = O servidor não anuncia AUTH aqui; suas credenciais não foram verificadas. Talvez ele só ofereça AUTH depois do STARTTLS, ou seja um relay que não precisa de login.

auth-mechanism-unsupported = { $case ->
        [refused] O servidor recusou o método de login.
        [oauth-only] O servidor só aceita tokens de acesso OAuth2 ({ $offered }), não senhas.
        [password-only] O servidor só oferece login por senha ({ $offered }): um token de acesso não pode ser usado aqui.
        [none-known] O servidor oferece { $offered }, mas nenhum método de login que esta ferramenta conheça.
        [not-offered] O servidor oferece { $offered }, mas não { $wanted }.
        [use-auto] O servidor oferece { $offered }, mas não { $wanted }.
       *[other] O servidor não oferece o método de login escolhido.
    }
    .help = { $case ->
        [oauth-only] Nenhuma senha funciona aqui. Entre com OAuth2 (o método oauth2), ou use o serviço SMTP do provedor que aceita senhas de app.
        [password-only] Use a senha (ou senha de app) da conta com o método password, ou um servidor do provedor que aceite OAuth2.
        [use-auto] O servidor oferece { $usable }; com "auto", o teste usa esse método.
       *[other] Escolha "auto" ou um método que o servidor ofereça.
    }

auth-requires-tls = { $case ->
        [mail] O servidor exige criptografia antes de aceitar e-mails.
       *[other] O servidor exige criptografia antes do login.
    }
    .help = { $case ->
        [mail] Escolha STARTTLS (ou TLS/SSL na porta 465): este servidor recusa sessões sem criptografia.
       *[other] Escolha STARTTLS ou TLS/SSL.
    }

auth-failed = { $case ->
        [reply] { $who ->
            [provider] O { $provider } recusou o usuário ou a senha ({ $reply-code }).
           *[server] O servidor recusou o usuário ou a senha ({ $reply-code }).
        }
       *[other] O usuário ou a senha foi recusado.
    }
    .help = { $hint ->
        [m365-credentials] Segundo o Microsoft 365, as credenciais estão erradas ou o SMTP AUTH está desativado para esta caixa de correio; confira os dois ou use OAuth2.
        [gmail-credentials] O Google recusa as senhas normais das contas: crie uma senha de app (exige a verificação em duas etapas) e use o endereço completo como usuário.
       *[other] Confira o usuário e a senha; muitos provedores exigem uma senha de app para SMTP.
    }

auth-app-password-required = { $case ->
        [reply] { $who ->
            [provider] O { $provider } exige uma senha de app para esta conta.
           *[server] O servidor exige uma senha de app para esta conta.
        }
        [url] { $who ->
            [provider] O { $provider } exige uma senha de app para esta conta.
           *[server] O servidor exige uma senha de app para esta conta.
        }
       *[other] O provedor exige uma senha de app.
    }
    .help = { $case ->
        [url] Crie uma senha de app em { $url } (a verificação em duas etapas precisa estar ativada) e use-a no lugar da senha da sua conta.
       *[other] Crie uma senha de app nas configurações de segurança da sua conta e use-a aqui.
    }

auth-disabled-by-provider = { $case ->
        [reply] { $who ->
            [provider] O { $provider } está com o login SMTP desativado para esta conta.
           *[server] O servidor está com o login SMTP desativado para esta conta.
        }
       *[other] O login SMTP está desativado para esta conta.
    }
    .help = { $hint ->
        [m365-tenant] O SMTP AUTH está desativado para a organização inteira. Um administrador do Exchange o ativa com Set-TransportConfig -SmtpClientAuthenticationDisabled $false (e, para uma caixa de correio em que também esteja desativado, Set-CASMailbox -Identity <caixa> -SmtpClientAuthenticationDisabled $false). Logins com OAuth2 também precisam dele.
        [m365-mailbox] O SMTP AUTH está desativado para esta caixa de correio. Um administrador do Exchange o ativa com Set-CASMailbox -Identity <caixa> -SmtpClientAuthenticationDisabled $false (Centro de administração do Microsoft 365: o usuário, Email, Gerenciar aplicativos de email, SMTP autenticado). Logins com OAuth2 também precisam dele.
        [m365-basic-off] O Microsoft 365 recusa senhas aqui (padrões de segurança, ou a autenticação básica retirada para envio de clientes): entre com OAuth2.
        [m365-disabled] No Microsoft 365, um administrador precisa ativar o "SMTP autenticado" para a caixa de correio (e permiti-lo no locatário), ou o aplicativo precisa entrar com OAuth2 (XOAUTH2).
       *[other] A conta ou a organização dela desativou o login SMTP; um administrador precisa ativá-lo, ou use OAuth2.
    }

auth-rate-limited = { $case ->
        [reply] { $who ->
            [provider] O { $provider } recusou o login por enquanto: tentativas demais.
           *[server] O servidor recusou o login por enquanto: tentativas demais.
        }
       *[other] Tentativas de login demais.
    }
    .help = Espere alguns minutos antes de tentar de novo.

sender-rejected = { $case ->
        [login-required] O servidor exige login antes de aceitar um remetente.
        [mail-from] O servidor recusou este endereço de remetente ({ $reply-code }).
        [rcpt-to] O servidor não deixa este login enviar como este endereço.
        [data] O servidor não deixa enviar como este endereço.
       *[other] Este login não pode enviar como este endereço.
    }
    .help = { $case ->
        [login-required] Informe usuário e senha; este servidor não faz relay para clientes anônimos.
       *[other] Envie a partir do endereço do próprio login ou adicione este endereço como um alias com o qual a conta possa enviar.
    }

sender-smtputf8-required = { $case ->
        [address] { $address } tem caracteres fora do ASCII, e este servidor não oferece SMTPUTF8: ele não pode aceitá-lo (nada foi enviado).
       *[other] O endereço não é ASCII puro, e o servidor não aceita endereços assim.
    }
    .help = O servidor não oferece SMTPUTF8, então não aceita endereços com caracteres fora do ASCII. Use um endereço ASCII (um alias) para enviar.

recipient-rejected = { $case ->
        [reply] O servidor recusou o destinatário ({ $reply-code }).
        [unreachable] Seu servidor não conseguiu alcançar o servidor de e-mail do destinatário para { $domain } e desistiu.
        [no-domain] O domínio do destinatário, { $domain }, não existe: ele não tem servidor de e-mail.
       *[other] O servidor recusou o destinatário.
    }
    .help = { $case ->
        [unreachable] O domínio do destinatário talvez não tenha um servidor de e-mail funcionando, ou o servidor dele não aceita conexões do seu. Verifique o endereço; se estiver certo, o administrador do destinatário pode dizer por que o servidor dele não responde.
        [no-domain] Verifique se há um erro de digitação no domínio do endereço.
       *[other] O servidor não aceita e-mails para este destinatário.
    }

send-rejected = { $case ->
        [reply] O servidor recusou a mensagem ({ $reply-code }).
        [unbuildable] Não foi possível montar a mensagem de teste: { $error }.
       *[other] O servidor recusou a mensagem.
    }
    .help = A mensagem foi recusada depois de enviada; a resposta do servidor diz por quê.

send-sender-unverified = { $case ->
        [reply] O provedor recusou a mensagem: o endereço de remetente não está verificado.
       *[other] O provedor recusou um remetente não verificado.
    }
    .help = Verifique este endereço de remetente ou o domínio no console do provedor e tente de novo.

send-too-large = { $case ->
        [announced] O servidor recusou o tamanho anunciado da mensagem ({ $reply-code }).
        [data] O servidor recusou a mensagem de teste por ser grande demais ({ $reply-code }).
        [size-limit] O servidor aceita mensagens de no máximo { $limit } bytes (SIZE { $limit }); a mensagem de teste de { $size } bytes é maior, como quase toda mensagem real. Nada foi enviado.
       *[other] A mensagem é maior do que o servidor aceita.
    }
    .help = O limite de tamanho do servidor (SIZE) é menor que a mensagem; até mensagens pequenas são recusadas. O administrador precisa aumentar o limite.

send-ok = { $case ->
        [queued] A mensagem de teste para { $recipient } foi aceita (ID na fila { $queue-id }).
        [accepted] A mensagem de teste para { $recipient } foi aceita.
       *[other] A mensagem de teste foi aceita.
    }
    .help = O servidor colocou a mensagem na fila para entrega.


domain-spf-missing = { $case ->
        [suggest] { $domain } não publica um registro SPF, então os destinatários não sabem que este servidor pode enviar os e-mails dele.
       *[other] { $domain } não publica um registro SPF.
    }
    .help = O Gmail e o Yahoo recusam ou marcam como spam e-mails que não passam nem no SPF nem no DKIM. { $case ->
        [suggest] Publique um registro TXT em { $domain }: { $record }
       *[other] Publique em { $domain } um registro TXT de SPF que nomeie os servidores que enviam os e-mails dele (a documentação do seu provedor informa o include).
    }

domain-spf-invalid = { $case ->
        [several] { $name } publica mais de um registro SPF: os destinatários tratam isso como erro e ignoram todos.
        [syntax] O registro SPF de { $name } tem um termo que os destinatários não entendem: { $term }
        [lookups] O registro SPF precisa de { $count } consultas DNS; os destinatários param em 10 e tratam isso como erro.
        [void] O registro SPF tem { $count } consultas sem resultado; os destinatários param em 2 e tratam isso como erro.
        [mx] O termo mx do registro SPF aponta para mais de 10 servidores de e-mail ({ $name }); os destinatários tratam isso como erro.
        [loop] O registro SPF de { $domain } inclui a si mesmo por meio de { $name }.
        [include-missing] O registro SPF inclui { $name }, que não tem registro SPF: os destinatários tratam isso como erro.
        [redirect-missing] O registro SPF redireciona para { $name }, que não tem registro SPF: os destinatários tratam isso como erro.
       *[other] O registro SPF de { $domain } não pode ser usado.
    }
    .help = { $case ->
        [several] Junte-os em um único registro TXT que comece com v=spf1 e tenha cada include uma vez.
        [lookups] Remova os includes de serviços que você não usa mais, ou envie parte dos e-mails de um subdomínio com registro próprio. Não troque includes por listas de endereços ("flattening"): os provedores mudam seus endereços.
        [void] Remova os termos cujos nomes não existem mais.
        [include-missing] Remova esse include ou corrija a grafia conforme a documentação do provedor.
        [redirect-missing] Faça redirect= apontar para um nome que publique um registro SPF.
       *[other] Corrija o registro para que seja SPF válido (RFC 7208); até lá, os destinatários contam o SPF como falho em toda mensagem.
    }

domain-spf-excludes-relay = { $case ->
        [provider] O registro SPF de { $domain } não inclui { $provider } (include:{ $include }), então e-mails enviados por ele falham no SPF.
        [address] O registro SPF de { $domain } não autoriza { $host } ({ $address }): o resultado é { $result }.
       *[other] O registro SPF de { $domain } não autoriza este servidor.
    }
    .help = { $case ->
        [provider] Altere o registro TXT existente (não adicione um segundo) para: { $record }
        [address] Se este servidor envia seus e-mails diretamente, altere o registro TXT existente (não adicione um segundo) para: { $record }
       *[other] Adicione este servidor ao único registro SPF do domínio.
    }

domain-dmarc-missing = { $case ->
        [several] { $at } tem mais de um registro DMARC, então os destinatários ignoram todos.
       *[none] { $domain } não tem política DMARC.
    }
    .help = { $case ->
        [several] Mantenha um único registro TXT em { $at }.
       *[none] Os e-mails chegam mesmo assim, mas o Gmail e o Yahoo (que recusam desde novembro de 2025) e o Outlook.com (550 5.7.515 desde 5 de maio de 2025) exigem DMARC de remetentes em massa. Para começar sem mudar a entrega, publique um registro TXT em { $name }: { $record }
    }

domain-dmarc-unaligned = { $case ->
        [provider] { $domain } pede aos destinatários que { $policy ->
            [reject] recusem
           *[quarantine] mandem para o spam
        } e-mails que falham no DMARC, e os enviados pelo { $provider } vão falhar: não são assinados para { $domain } e o SPF não os cobre.
       *[other] { $domain } pede aos destinatários que { $policy ->
            [reject] recusem
           *[quarantine] mandem para o spam
        } e-mails que falham no DMARC, e os enviados por este servidor vão falhar.
    }
    .help = { $case ->
        [provider] Configure a autenticação do domínio { $domain } nas configurações do { $provider }: ela informa os registros DKIM a publicar (como { $name }). A política está publicada em { $at }.
       *[other] Faça o servidor assinar com uma chave DKIM de { $domain }, ou autorize-o no registro SPF do domínio. A política está publicada em { $at }.
    } O Gmail, o Yahoo e o Outlook.com aplicam as políticas DMARC a todos os remetentes.

domain-dkim-missing = { $case ->
        [revoked] As chaves DKIM com que o { $provider } assina para { $domain } estão revogadas ou ilegíveis (seletores { $selectors }).
       *[none] { $domain } não publica nenhuma chave DKIM para o { $provider } (seletores { $selectors }).
    }
    .help = Ative o DKIM para { $domain } nas configurações do { $provider } e publique os registros mostrados (como { $name }). Sem DKIM, tudo depende do SPF, e o Gmail e o Yahoo exigem os dois de remetentes em massa.

domain-dkim-weak-key = A chave DKIM do seletor { $selector } de { $domain } tem só { $bits } bits.
    .help = Os destinatários recomendam chaves de 2048 bits; alguns consideram fracas as mais curtas. Crie uma chave de 2048 bits nas configurações do { $provider } e publique-a.

domain-lookup-failed = { $case ->
        [spf] Não foi possível verificar o registro SPF de { $domain }: as consultas DNS não terminaram.
        [dmarc] Não foi possível verificar a política DMARC de { $domain }: as consultas DNS não terminaram.
        [dkim] Não foi possível verificar as chaves DKIM de { $domain }: as consultas DNS não terminaram.
       *[other] Não foi possível verificar os registros de { $domain }.
    }
    .help = Isso não diz nada sobre seus registros: os servidores DNS do domínio ou os nossos não responderam a tempo. Tente de novo mais tarde.

domain-ok = { $case ->
        [spf] O registro SPF de { $domain } autoriza este servidor{ $policy ->
            [none] {"."}
           *[other] {""}, e a política DMARC dele ({ $policy }) será atendida.
        }
        [dkim] { $domain } publica a chave DKIM com que este provedor assina{ $policy ->
            [none] {"."}
           *[other] {""}, e a política DMARC dele ({ $policy }) será atendida.
        }
       *[records] Os registros SPF e DMARC de { $domain } estão em ordem.
    }
    .help = Os destinatários conseguem verificar que este servidor pode enviar e-mails de { $domain }.


arrival-ok = { $case ->
        [headers] { $receiver } verificou a mensagem e não encontrou nenhum problema de autenticação para { $domain }.
       *[other] A mensagem de teste chegou após { $seconds } s, com o remetente inalterado, e passou no DKIM, no SPF e no DMARC de { $domain }.
    }
    .help = Um destinatário como o Gmail a vê como e-mail legítimo de { $domain }.

arrival-not-arrived = O servidor aceitou a mensagem de teste, mas ela não chegou em { $count ->
        [one] 1 segundo
       *[other] { $count } segundos
    }.
    .help = O servidor a colocou na fila e depois a reteve, descartou ou devolveu. Veja os itens enviados e os avisos de falha de entrega da conta, e o registro de entregas do provedor: o comum é um limite de envio, um remetente não verificado ou um destino bloqueado.

probe-inbox-busy = O servidor aceitou a mensagem de teste, mas ela não chegou em { $count ->
        [one] 1 segundo
       *[other] { $count } segundos
    }, e a caixa de entrada do próprio serviço de teste recusava conexões nesse tempo (muitas ao mesmo tempo). Talvez a mensagem só tenha sido adiada para mais tarde.
    .help = Este é um problema do serviço de teste, não das suas configurações: você não precisa mudar nada. Repita o teste em alguns minutos.

arrival-from-rewritten = { $case ->
        [none] A mensagem chegou sem endereço de remetente (configurado: { $configured }).
       *[other] A mensagem chegou com o remetente { $seen } em vez de { $configured }.
    }
    .help = O provedor troca um remetente que este login não pode usar: o Gmail coloca o endereço do login. Adicione { $configured } como endereço de envio da conta (Gmail: "Enviar e-mail como"), ou envie pelo endereço do login.

arrival-dkim-missing = A mensagem chegou sem assinatura DKIM.
    .help = Ative a assinatura DKIM do seu domínio no seu provedor de e-mail e publique a chave que ele fornece. O Gmail e o Yahoo exigem SPF ou DKIM de todo remetente, e os dois de remetentes em massa.

arrival-dkim-fail = { $case ->
        [weak-key] A assinatura DKIM de { $domain } (seletor { $selector }) usa uma chave de { $detail } bits, curta demais para contar.
        [unnamed] A assinatura DKIM de { $domain } não é válida: { $detail }.
       *[fail] A assinatura DKIM de { $domain } (seletor { $selector }) não é válida: { $detail }.
    }
    .help = { $case ->
        [weak-key] Publique uma chave de 2048 bits para o seletor e assine com ela.
        [unnamed] Verifique se a chave que o servidor usa para assinar é a publicada no DNS de { $domain } para o seu seletor, e se nada altera a mensagem depois da assinatura.
       *[fail] Verifique se a chave publicada em { $selector }._domainkey.{ $domain } é a que o servidor usa para assinar, e se nada altera a mensagem depois da assinatura.
    }

arrival-spf-fail = { $case ->
        [no-address] O SPF falha para { $domain }: o registro SPF não autoriza o endereço de onde a mensagem veio.
       *[other] O SPF falha para { $domain }: a mensagem veio de { $address }, que o registro SPF não autoriza.
    }
    .help = Adicione o include do provedor (ou este endereço) ao único registro SPF de { $domain }.

arrival-dmarc-fail = { $case ->
        [no-policy] A mensagem falha no DMARC de { $domain }: nem o SPF nem o DKIM se alinham ao domínio do remetente.
       *[other] A mensagem falha no DMARC de { $domain } (política { $policy }): nem o SPF nem o DKIM se alinham ao domínio do remetente.
    }
    .help = Os destinatários aplicam a esta mensagem a política publicada em { $at }. Assine com uma chave DKIM de { $domain }, ou envie com um remetente de envelope em { $domain } que o registro SPF autorize.

## Títulos das correções

fix-use-port = Usar a porta { $port }
fix-use-endpoint = Usar a porta { $port } com { $security }
fix-use-security = Usar { $security }
fix-use-host = Usar { $host }
fix-use-host-port = Usar { $host } e a porta { $port }
fix-use-host-security = Usar { $host } com { $security }
fix-use-host-port-security = Usar { $host } e a porta { $port } com { $security }
fix-use-from = Usar { $from }
fix-send-from = Enviar a partir de { $from }
fix-send-as = Enviar como { $from }
fix-quote-name = Colocar o nome entre aspas
fix-use-username = Usar { $username }
fix-move-address = Colocar o endereço em "Usuário" e "Remetente"
fix-auth-auto = Escolher o método de login automaticamente
fix-auth-xoauth2 = Usar OAuth2 (XOAUTH2)
fix-auth-oauth2 = Entrar com OAuth2
fix-auth-password = Entrar com senha

## Rótulos

security-tls = TLS/SSL
security-starttls = STARTTLS
security-none = sem criptografia

field-host = Servidor SMTP
field-port = Porta
field-security = Segurança
field-username = Usuário
field-password = Senha
field-from = Endereço do remetente
field-auth = Método de login
field-accessToken = Token de acesso
field-general = Geral

step-dns = Encontrar o servidor
step-connect = Conectar
step-greeting = Saudação do servidor
step-ehlo = Apresentar-se
step-tls = Criptografar (TLS)
step-auth = Fazer login
step-sender = Pode enviar como o remetente
step-send = Enviar um e-mail de teste
step-domain = Verificar o domínio de envio
step-arrival = O e-mail de teste chegou?

## A linha de comando

cli-server = servidor:
cli-fix = correção:
cli-no-problems = Nenhum problema encontrado.
cli-works = Estas configurações funcionam.
cli-does-not-work = Estas configurações ainda não funcionam.

## Os elementos do navegador (ui-*)

ui-show = Mostrar
ui-hide = Ocultar
ui-show-password = Mostrar a senha
ui-hide-password = Ocultar a senha
ui-extra-checks = Verificações extras
ui-check-sender = Verificar se posso enviar como o remetente
ui-check-send = Enviar um e-mail de teste para o remetente
ui-check-domain = Verificar se os e-mails do meu domínio vão chegar (SPF, DKIM, DMARC)
ui-check-arrival = Enviar um e-mail de teste para a caixa do serviço de teste e ver como ele chega
ui-test = Testar conexão
ui-test-wait = Testar conexão (aguarde { $seconds } s)
ui-cancel = Cancelar
ui-steps = Etapas da conexão
ui-details = Detalhes técnicos: certificado, servidor, conversa
ui-transcript = Conversa com o servidor (sem senhas)
ui-copy = Copiar para o suporte
ui-copied = Copiado.
ui-copy-select = Selecionado: pressione Ctrl+C (⌘C) para copiar.
ui-gate = Teste a conexão primeiro: só é possível salvar configurações que funcionam.
ui-load-failed = Não foi possível carregar o verificador: { $reason }
ui-stale = As configurações mudaram desde o último teste: teste de novo.
ui-nothing-to-test = Nada para testar: vincule um formulário com for="…" ou defina a propriedade config.
ui-testing = Testando { $host }…
ui-testing-server = Testando o servidor…
ui-finished = Teste concluído. { $headline }
ui-cancelled = Teste cancelado.
ui-test-failed = O teste falhou: { $reason }
ui-applied = Aplicado: { $fix }. Teste de novo para confirmar.
ui-use-suggestion = Usar as configurações que respondem
ui-starting = Iniciando…
ui-finishing = Concluindo…
ui-step-pass = ok
ui-step-fail = falhou
ui-step-warn = ok, com um aviso
ui-step-skipped = ignorada
ui-step-running = em andamento
ui-headline-service = O serviço de teste está com um problema: suas configurações não foram testadas
ui-headline-works = Funciona: com estas configurações dá para enviar e-mails
ui-headline-works-warnings = Funciona, com um ponto que vale conferir
ui-headline-fails = Estas configurações ainda não funcionam
ui-headline-arrival = A conexão funciona, mas os e-mails deste domínio podem não chegar: veja "O e-mail vai chegar?" abaixo.
ui-arrive = O e-mail vai chegar?
ui-arrive-publish = Publicar em { $name }:
ui-arrival-seen = O que nossa caixa viu
ui-arrival-delay = Entregue após
ui-arrival-from = Remetente exibido
ui-arrival-dkim = DKIM
ui-arrival-spf = SPF
ui-arrival-tls = Entregue à nossa caixa via
ui-arrival-plain = texto sem criptografia (sem TLS)
ui-more-problems = { $count ->
        [one] e mais 1 problema abaixo
       *[other] e mais { $count } problemas abaixo
    }
ui-suggestion-found = Encontramos configurações que respondem:
ui-suggestion-server = servidor { $host }
ui-suggestion-port = porta { $port }
ui-suggestion-apply = Usar estas e testar de novo
ui-allowlist-title = Se o seu servidor de e-mail só aceita endereços conhecidos:
ui-allowlist-ask = { $count ->
        [one] peça ao administrador para permitir este endereço, de onde vêm este teste e nossos e-mails:
       *[other] peça ao administrador para permitir estes endereços, de onde vêm este teste e nossos e-mails:
    }
ui-allowlist-unknown = peça ao administrador para permitir o endereço de onde nosso serviço envia (o operador não o publicou aqui).
ui-certificate = Certificado
ui-cert-covers = Cobre
ui-cert-issuer = Emitido por
ui-cert-valid-until = Válido até
ui-cert-in-days = { $days ->
        [one] em 1 dia
       *[other] em { $days } dias
    }
ui-cert-days-ago = { $days ->
        [one] há 1 dia
       *[other] há { $days } dias
    }
ui-cert-trusted = Confiável
ui-cert-protocol = Protocolo
ui-yes = sim
ui-no = não
ui-server = Servidor
ui-login-methods = Métodos de login: { $methods }
ui-service-unreachable = Não foi possível acessar o serviço de teste em { $origin }. Confira sua conexão ou tente de novo em um minuto.
ui-service-status = O serviço de teste respondeu { $status }.
ui-service-rate-limited = { $seconds ->
        [one] Testes demais a partir do seu endereço. Tente de novo em 1 segundo.
       *[other] Testes demais a partir do seu endereço. Tente de novo em { $seconds } segundos.
    }
ui-service-unauthorized = Esta página não tem permissão para usar o serviço de teste (chave ausente, expirada ou errada).
ui-service-busy = O serviço de teste está ocupado agora. Tente de novo em alguns segundos.
ui-service-stopped = O teste parou antes de terminar. Tente de novo.
ui-token-unreachable = O servidor desta página não respondeu (token).
ui-token-refused = O servidor desta página recusou um token de teste ({ $status }).
ui-email = Endereço de e-mail
ui-email-example = por exemplo voce@example.com
ui-detect = Detectar configurações
ui-detect-empty = Digite primeiro seu endereço de e-mail.
ui-detect-checking = Verificando se responde…
ui-detect-filled = { $provider }: { $host }, porta { $port } preenchidos.
ui-detect-also = Também documentado: { $endpoints }.
ui-detect-app-password = Você vai precisar de uma senha de app:
ui-detect-app-password-link = criar uma no { $provider }
ui-detect-looking = Procurando as configurações do seu provedor (MX, autoconfig, registros SRV, nomes comuns) e verificando quais respondem…
ui-detect-sources = O que cada fonte disse
ui-detect-not-checked = (Não foi possível verificar ao vivo: { $reason })
ui-detect-failed = Não conseguimos encontrar seu provedor: { $reason }
ui-detect-found = Encontrado e verificado: { $host }, porta { $port }, { $security }.
ui-detect-unreachable = Nosso serviço de teste não conseguiu acessar { $host } agora; "Testar conexão" vai dizer mais.
ui-detect-candidates = Configurações encontradas, as melhores primeiro
ui-detect-how = { $count ->
        [one] Como as encontramos: 1 candidata verificada em { $ms } ms
       *[other] Como as encontramos: { $count } candidatas verificadas em { $ms } ms
    }
ui-use-these = Usar estas
ui-source-provider = Tabela de provedores
ui-source-mx = Registros MX
ui-source-autoconfig = Arquivo autoconfig
ui-source-srv = Registros SRV
ui-source-guess = Suposições
ui-connect = Entrar
ui-connect-with = Entrar com { $provider }
ui-connect-again = Entrar novamente
ui-connect-waiting = Conclua o login na janela que foi aberta.
ui-connect-signed-in = Conectado como { $username }. A conexão usa este login em vez de uma senha.
ui-connect-popup-blocked = Seu navegador bloqueou a janela de login. Permita pop-ups para este site e tente novamente.
ui-connect-cancelled = Login cancelado.
ui-connect-timeout = O login demorou demais. Tente novamente.
ui-connect-failed = O login não funcionou: { $reason }
ui-connect-apply = Usar o login com { $provider }
ui-connect-expired = Seu login expirou. Entre novamente antes de testar ou salvar.
ui-explain-label = Já está enviando? Cole o erro que a sua aplicação registrou
ui-explain-example = ex.: Invalid login: 535-5.7.8 Username and Password not accepted
ui-explain = Explicar
ui-explain-empty = Cole um erro primeiro.
ui-explain-working = Lendo o erro…
ui-explain-failed = Não foi possível explicar o erro: { $reason }
ui-explain-library = Escrito pelo { $library }.
ui-explain-receiver = Veredito do destinatário { $receiver }.
ui-explain-reply = O servidor disse: { $reply }
ui-explain-truncated = (Só os primeiros 64 KB foram lidos.)
ui-actor-it-admin = Para sua equipe de TI
ui-actor-dns-admin = Para quem administra seu DNS
ui-actor-provider = Do lado do seu provedor de e-mail
ui-actor-service = Do nosso lado, não do seu
ui-actor-customer = Para quem preenche as configurações
ui-handoff-title = Configurações SMTP testadas: { $target }
ui-handoff-certificate = Certificado: { $subject } (nomes: { $names }), emitido por { $issuer }, válido de { $from } até { $until }.
ui-share-intro = Alguém que está conectando um aplicativo a este servidor de e-mail testou as configurações. Estes são os passos que só você pode dar; cada um diz por quê e o que o servidor respondeu.
ui-share-expires = Esta página será excluída em { $date }.
ui-share-print = Imprimir
ui-share-nothing = Nada aqui precisa de um administrador: o teste só encontrou passos para quem está preenchendo as configurações.
ui-share-attested = O serviço de teste assinou este resultado; o backend do aplicativo pode verificá-lo.
ui-share-server-said = O servidor respondeu:
ui-share-button = Enviar para sua equipe de TI
ui-share-creating = Criando um link…
ui-share-link = Qualquer pessoa com este link pode ler o que fazer até { $date }.
ui-share-copy = Copiar link
ui-share-copied = Link copiado
ui-share-email = Enviar por e-mail
ui-share-open = Imprimir
ui-share-mail-subject = Configurações de e-mail para { $target }: passos para você
ui-share-mail-text = Nosso aplicativo não consegue enviar e-mails por { $target }. O teste das configurações encontrou passos que só você pode dar; eles estão nesta página:
ui-share-gone = Este link expirou, foi excluído ou nunca existiu. Peça um novo a quem o enviou.
ui-share-unavailable = Os links compartilhados estão indisponíveis agora. Tente novamente em alguns minutos.
ui-share-delete = Excluir o link
ui-share-deleted = Link excluído: ele não abre mais nada.
ui-share-failed = Não foi possível criar o link: { $reason }

## Detecção ("Detectar configurações"), gerada pelo serviço

discover-table-serves = { $provider } atende endereços de { $domain } (tabela interna)
discover-table-none = não está na tabela interna
discover-mx-is = o MX { $host } é do { $provider }
discover-mx-unknown = o MX { $hosts } não pertence a nenhum provedor conhecido
discover-mx-none = { $domain } não tem registros MX
discover-mx-failed = a consulta MX de { $domain } falhou: { $error }
discover-autoconfig-lists = { $url } indica { $host }:{ $port } ({ $security })
discover-autoconfig-found = { $count ->
        [one] { $url }: 1 servidor de saída
       *[other] { $url }: { $count } servidores de saída
    }
discover-srv-not-offered = { $name } diz: não oferecido
discover-srv-detail = { $name } → { $host }:{ $port } (prioridade { $priority }, peso { $weight })
discover-srv-none = nenhum registro _submissions._tcp / _submission._tcp para { $domain }
discover-guess-skipped = outras fontes indicaram servidores
discover-guessed = suposição: { $host }:{ $port } ({ $security })
discover-guess-trying = testando { $count } nomes e portas comuns
discover-works = { $login ->
        [yes] { $host }:{ $port } com { $security } funciona, inclusive o login.
        [untried] { $host }:{ $port } com { $security } funciona (o login não foi testado: a senha só é enviada com criptografia a servidores de { $domain } ou de um provedor conhecido).
       *[no] { $host }:{ $port } com { $security } funciona.
    }
discover-none-answered = { $count ->
        [one] Encontramos 1 servidor possível para { $domain }, mas ele não respondeu como servidor SMTP; o motivo aparece ao lado. Peça ao seu provedor as configurações SMTP.
       *[other] Encontramos { $count } servidores possíveis para { $domain }, mas nenhum respondeu como servidor SMTP; os motivos aparecem ao lado. Peça ao seu provedor as configurações SMTP.
    }
discover-nothing = Nenhum servidor SMTP encontrado para { $domain }: ele não está na nossa tabela de provedores, o MX não aponta para nenhum provedor conhecido, não publica arquivo autoconfig nem registros SRV, e nenhum nome comum (smtp., mail. ou o próprio domínio) respondeu em 465, 587 ou 25. Peça ao seu provedor as configurações SMTP.
discover-outage = O serviço de teste não consegue alcançar o próprio resolvedor DNS, então nada pôde ser consultado: isso não diz nada sobre seu domínio ou suas configurações. Tente de novo em alguns minutos.
discover-verified = verificado ({ $checks })
discover-not-verified = não verificado
discover-not-verified-because = não verificado: { $reason } [{ $code }]
discover-not-tried = não verificado: o prazo acabou antes
discover-why = { $verification }; { $security }; segundo { $sources }

explain-not-recognised = { $case ->
        [library] Reconhecemos o jeito de escrever do { $library }, mas não a causa que ele aponta.
       *[other] Não reconhecemos nenhuma causa neste texto.
    }
    .help = Cole o erro inteiro, com a resposta do servidor (uma linha que começa com um número como 535 ou 550), ou use "Testar conexão": o teste ao vivo encontra a causa sozinho.
explain-several-causes = { $count ->
        [one] Este texto combina com mais de uma causa.
       *[other] Este texto combina com { $count } causas, a mais provável primeiro.
    }
    .help = Só o texto não permite distingui-las; "Testar conexão" com as mesmas configurações permite.
