# smtp-doctor – 日本語のメッセージ。
#
# en.ftl と同じ ID・属性・パラメーターを持つこと（crates/core/tests/catalogs.rs）。
# 文体: 設定画面向けに短く平易な「です・ます」。各社の呼び名に合わせる
# （「アプリ パスワード」など）。

## 診断

config-invalid = 設定が JSON オブジェクトではありません。
    .help = host、port、security、username、password、from を含む 1 つのオブジェクトとして設定を送ってください。

host-missing = SMTP サーバーが入力されていません。
    .help = プロバイダーの送信（SMTP）サーバー名を入力してください（例: smtp.example.com）。

host-invalid = { $case ->
        [reason] 「{ $host }」は有効なサーバー名ではありません: { $reason ->
            [empty] 名前が空です
            [too-long] 名前が 253 文字を超えています
            [empty-part] 名前に空の部分があります（ドットが 2 つ続いているか、先頭がドットです）
            [part-too-long] 「{ $detail }」の部分が 63 文字を超えています
            [bad-character] 「{ $detail }」はサーバー名に使えません
            [underscore] 「{ $detail }」の部分に、サーバー名に使えない「_」が含まれています
            [hyphen] 「{ $detail }」の部分がハイフンで始まるか終わっています
            [legacy-ip] 珍しい表記の IP アドレスで、{ $detail } を意味します
            [numeric-end] 最後の部分が数字なので、名前でも IP アドレスでもありません
            [bad-ipv6] 有効な IPv6 アドレスではありません
           *[idna] 有効な国際化ドメイン名ではありません
        }。
       *[other] SMTP サーバーが有効なサーバー名でも IP アドレスでもありません。
    }
    .help = { $reason ->
        [legacy-ip] IPv4 アドレスはドットで区切った 4 つの数字で書いてください。できればサーバー名を使ってください。
       *[other] サーバー名は、英字・数字・ハイフンをドットで区切ったものです（例: smtp.example.com）。
    }

host-has-scheme = { $case ->
        [web] SMTP サーバーが「{ $scheme }://」で始まっています。
        [scheme] SMTP サーバーが「{ $scheme }://」で始まっています。
       *[other] SMTP サーバーに URL の接頭辞が含まれています。
    }
    .help = { $case ->
        [web] これはウェブのアドレスです。送信に必要なのはメールサーバー名だけで、多くは smtp.<ドメイン> です。プロバイダーの SMTP 設定ページを確認してください。
       *[other] サーバー名だけを入力してください。ポートとセキュリティには専用の欄があります。
    }

host-has-port = { $case ->
        [port] SMTP サーバーの末尾にポート「:{ $port }」が付いています。
       *[other] SMTP サーバーにポート番号が含まれています。
    }
    .help = サーバー欄には名前だけを、ポートは「ポート」欄に入力してください。

host-has-whitespace = { $case ->
        [outer] SMTP サーバーの先頭か末尾にスペースがあります。
       *[other] SMTP サーバーにスペースが含まれています。
    }
    .help = { $case ->
        [outer] ここではスペースは無視されますが、ほかのソフトウェアでは無視されないことがあります。削除してください。
       *[other] サーバー名にスペースは入りません。削除してください。コピーした名前にはスペースが紛れ込みがちです。
    }

host-is-email = { $case ->
        [provider] { $address } はメールアドレスで、サーバー名ではありません。
        [address] { $address } はメールアドレスで、サーバー名ではありません。
       *[other] SMTP サーバーにメールアドレスが入力されています。
    }
    .help = { $case ->
        [provider] { $domain } のアドレスは { $provider } のサーバー { $host } から送信します。メールアドレスは「ユーザー名」と「差出人」に入力してください。
        [address] プロバイダーの送信サーバー（多くは smtp.{ $domain } または mail.{ $domain }）を入力してください。メールアドレスは「ユーザー名」と「差出人」に入力します。
       *[other] サーバーは smtp.example.com のような名前です。メールアドレスは「ユーザー名」か「差出人」に入力してください。
    }

host-incoming-server = { $case ->
        [provider] { $host } は { $provider } の受信用サーバー（IMAP/POP）です。
        [guess] { $host } は受信用サーバー（IMAP/POP）のようです。
       *[other] 受信用サーバー（IMAP/POP）のようです。
    }
    .help = { $case ->
        [provider] 送信には { $smtp-host } をポート { $endpoints } で使ってください。
        [guess] 送信には送信（SMTP）サーバーが必要で、多くは { $smtp-host } です。プロバイダーの設定を確認してください。
       *[other] 送信には送信（SMTP）サーバーが必要で、名前は多くの場合 smtp で始まります。
    }

host-ip-literal = { $case ->
        [ip] SMTP サーバーが IP アドレス { $ip } になっています。
       *[other] SMTP サーバーが IP アドレスになっています。
    }
    .help = 証明書は名前に対して発行されるため、IP アドレスではサーバー証明書の確認がたいてい失敗します。サーバー名を使ってください。

host-private = { $case ->
        [range] { $host } は{ $range ->
            [unspecified] 未指定のアドレス
            [loopback] ループバックアドレス
            [private] プライベートネットワークのアドレス
            [link-local] リンクローカルアドレス
            [cgnat] キャリアグレード NAT のアドレス
            [multicast] マルチキャストアドレス
            [broadcast] ブロードキャストアドレス
            [documentation] ドキュメント用のアドレス
            [benchmarking] ベンチマーク用のアドレス
            [local-name] ローカルネットワークの名前
           *[reserved] 予約済みのアドレス
        }で、インターネットからは届きません。
       *[other] SMTP サーバーがプライベートまたはローカルのアドレスです。
    }
    .help = テストサービスからも届きません。送信するサービスが同じネットワーク内で動いているのでなければ、サーバーの公開名を使ってください。

port-missing = ポートが入力されていません。
    .help = プロバイダーの案内に従い、587 と STARTTLS、または 465 と TLS/SSL を使ってください。

port-invalid = { $case ->
        [raw] 「{ $raw }」は 1〜65535 のポート番号ではありません。
       *[other] ポートが 1〜65535 の数字ではありません。
    }
    .help = SMTP のポートは整数で、通常は 587（STARTTLS）か 465（TLS/SSL）です。

port-incoming = { $case ->
        [port] ポート { $port } は { $protocol } 用のポートで、メールの受信に使います。
       *[other] このポートはメールの受信（IMAP/POP）用で、送信用ではありません。
    }
    .help = 送信には SMTP を使います: 587 と STARTTLS、または 465 と TLS/SSL です。

port-unusual = { $case ->
        [port] ポート { $port } は一般的な SMTP ポートではありません。
       *[other] 一般的な SMTP ポートではありません。
    }
    .help = 送信には通常 587（STARTTLS）、465（TLS/SSL）、2525、25 を使います。プロバイダーが案内しているポートを確認してください。

port-25-blocked = ポート 25 は送信がブロックされていることがよくあります。
    .help = { $case ->
        [platforms] 一部のホスティング基盤は送信方向のポート 25 をブロックしています（{ $blockers }）。アプリがそこで動いている場合は、送信サービスの別のポートを使ってください: { $alternatives }。ポート { $port } と { $security } はアプリからの送信向けです。
       *[other] 多くのクラウドやインターネット接続事業者は送信方向のポート 25 をブロックしています。587 と STARTTLS、または 465 と TLS/SSL を使ってください。
    }

tls-port-mismatch = { $case ->
        [port] { $expected ->
            [tls] ポート { $port } は TLS/SSL を想定していますが、{ $security } が選ばれています。
           *[other] ポート { $port } は STARTTLS を想定していますが、{ $security } が選ばれています。
        }
       *[other] セキュリティの設定がポートと合っていません。
    }
    .help = { $case ->
        [port] { $expected ->
            [tls] ポート { $port } のサーバーは最初のバイトから暗号化するため、暗号化しない接続は届かない挨拶を待ち続けます。TLS/SSL を選ぶか、ポート 587 と STARTTLS を使ってください。
           *[other] ポート { $port } のサーバーは平文で挨拶してから STARTTLS で暗号化に切り替えます。最初から TLS で接続すると「wrong version number」などのエラーになります。STARTTLS を選ぶか、ポート 465 と TLS/SSL を使ってください。
        }
       *[other] ポート 465 は TLS/SSL（最初から暗号化）、ポート 587・25・2525 は STARTTLS を使います。
    }

tls-conflicting-modes = { $case ->
        [settings] 「{ $setting }」は { $security } ですが、「{ $other-setting }」は { $other-security } です。
       *[other] 2 つのセキュリティ設定が食い違っています。
    }
    .help = TLS/SSL、STARTTLS、なしのどれか 1 つを選んでください。

tls-missing = セキュリティが選ばれていません。
    .help = ポート 465 なら TLS/SSL、ポート 587 なら STARTTLS を選んでください。

tls-invalid-mode = { $case ->
        [raw] 「{ $raw }」はセキュリティの設定ではありません。
       *[other] セキュリティの設定が TLS/SSL、STARTTLS、なしのいずれでもありません。
    }
    .help = TLS/SSL、STARTTLS、なしから選んでください。

tls-none = { $case ->
        [starttls-offered] サーバーは STARTTLS に対応していますが、暗号化が選ばれていません。
       *[other] 接続が暗号化されていません。
    }
    .help = 暗号化しないと、メールもログイン情報も平文で流れます。STARTTLS か TLS/SSL を使ってください。

auth-cleartext = パスワードが暗号化されずに送られます。
    .help = 暗号化されていない接続の認証情報は途中で読まれるおそれがあり、ほとんどのサーバーは受け付けません。STARTTLS か TLS/SSL を有効にしてください。

auth-username-missing = ユーザー名が必要です。
    .help = { $case ->
        [provider] { $provider } ではログインが必要です: { $username-kind ->
            [full-address] メールアドレス全体
            [literal] 「{ $word }」という文字列
            [domain-login] 送信ドメインの SMTP ログイン（例: postmaster@mg.example.com）
            [ses-username] SES が生成した SMTP ユーザー名（AKIA で始まります）
            [postmark-server-token] サーバー API トークン
            [mailjet-api-key] Mailjet の API キー
           *[any] アカウントに表示されている SMTP ログイン
        }。
       *[other] メールアカウントのログイン（通常はメールアドレス全体）を入力してください。
    }

auth-password-missing = { $case ->
        [xoauth2] OAuth2 のアクセストークンが必要です。
       *[other] パスワードが必要です。
    }
    .help = { $case ->
        [xoauth2] XOAUTH2 では、パスワード欄に OAuth2 のアクセストークンを入れます。
       *[other] このログインのパスワード（またはアプリ パスワード）を入力してください。
    }

auth-password-whitespace = パスワードの先頭か末尾にスペースがあります。
    .help = パスワードをコピーすると、スペースや改行が紛れ込みがちです。本当にパスワードの一部でない限り削除してください。

auth-mechanism-unknown = { $case ->
        [raw] 「{ $raw }」はこのツールが知らないログイン方式です。
       *[other] ログイン方式が auto、plain、login、cram-md5、xoauth2、none のいずれでもありません。
    }
    .help = プロバイダーから特に指示がなければ auto のままにしてください。

auth-app-password = { $case ->
        [provider] { $provider } では、アカウントのパスワードではなくアプリ パスワードが必要です。
       *[other] このプロバイダーではアプリ パスワードが必要です。
    }
    .help = { $case ->
        [provider] { $url } で作成し（2 段階認証プロセスを有効にする必要があります）、パスワードとして貼り付けてください。
       *[other] アカウントのセキュリティ設定でアプリ パスワードを作成し、普段のパスワードの代わりに使ってください。
    }

auth-username-format = { $case ->
        [full-address] { $provider } ではユーザー名にメールアドレス全体が必要です（「{ $username }」ではありません）。
        [literal] { $provider } ではユーザー名は文字どおり「{ $word }」です。
        [domain-login] { $provider } では送信ドメインの SMTP ログインが必要です（例: postmaster@mg.example.com）。
        [not-an-address] { $provider } は SMTP のユーザー名にメールアドレスを使いません。
        [prefix] { $provider } の SMTP ユーザー名は { $prefix } で始まります。
        [unsendable] ユーザー名を送信できません: { $error }。
       *[other] このプロバイダーでは別の種類のユーザー名が必要です。
    }
    .help = { $case ->
        [literal] { $provider } ではユーザー名は常に「{ $word }」で、キーはパスワード欄に入れます。
        [not-an-address] { $credential ->
            [ses-username] SES が生成した SMTP ユーザー名（AKIA で始まります）
            [postmark-server-token] サーバー API トークン
            [mailjet-api-key] Mailjet の API キー
           *[other] プロバイダーが案内しているユーザー名
        }を使ってください。
        [prefix] { $credential ->
            [ses-username] SES が生成した SMTP ユーザー名（AKIA で始まります）
            [postmark-server-token] サーバー API トークン
            [mailjet-api-key] Mailjet の API キー
           *[other] プロバイダーが案内しているユーザー名
        }を使ってください。
       *[other] プロバイダーが SMTP 用に案内しているユーザー名を使ってください。
    }

auth-credential-type = { $case ->
        [wrong] これは{ $wrong-credential ->
            [brevo-api-key] Brevo の API キー（xkeysib-…）
           *[other] 別の種類のキー
        }で、SMTP の認証情報ではありません。
        [prefix] { $provider } の SMTP には{ $credential ->
            [sendgrid-api-key] 「Mail Send」権限のある SendGrid API キー（SG.…）
            [brevo-smtp-key] Brevo の SMTP キー（xsmtpsib-…）
            [resend-api-key] Resend の API キー（re_…）
           *[other] SMTP 用の認証情報
        }が必要ですが、このシークレットは { $prefix } で始まっていません。
        [aws-secret-key] これは AWS のシークレットアクセスキー（40 文字）のようで、SES の SMTP パスワード（44 文字）ではありません。
        [ses-length] SES の SMTP パスワードは 44 文字ですが、これは違います。
        [app-password] { $provider } のアプリ パスワード（16 文字の英字）には見えません。
        [uuid] { $provider } の SMTP はサーバー API トークンをパスワードに使いますが、このシークレットはその形式ではありません。
       *[other] シークレットの種類が違うようです。
    }
    .help = { $case ->
        [wrong] { $provider } の SMTP には{ $credential ->
            [sendgrid-api-key] 「Mail Send」権限のある SendGrid API キー（SG.…）
            [brevo-smtp-key] Brevo の SMTP キー（xsmtpsib-…）
            [resend-api-key] Resend の API キー（re_…）
           *[other] SMTP 用の認証情報
        }が必要です。
        [aws-secret-key] SES コンソール（SMTP 設定）で SMTP 認証情報を作成するか、このリージョン用にキーから SMTP パスワードを導出してください。
        [ses-length] SES の SMTP 認証情報を作成したときに表示された SMTP パスワードを使ってください。
        [app-password] SMTP ではアカウントのパスワードは使えません。アプリ パスワードを作成してここに貼り付けてください（4 文字ごとのスペースはあっても構いません）。
       *[other] API キーやアカウントのパスワードではなく、プロバイダーが SMTP 用に発行する認証情報を使ってください。
    }

auth-oauth-required = { $case ->
        [required] { $provider } は SMTP でパスワードを受け付けなくなりました（{ $since } 以降）。
        [retiring] { $provider } は { $date } に SMTP のパスワード ログインを既定で無効にします。
        [retired] { $provider } は { $date } から SMTP のパスワード ログインを既定で無効にしています。
       *[other] このプロバイダーは SMTP でパスワードを受け付けなくなりました。
    }
    .help = { $case ->
        [required] パスワードもアプリ パスワードも拒否されます。代わりに OAuth2 でサインインしてください。
        [retiring] { $oauth-note ->
            [microsoft-365] それまでは、メールボックスで有効になっていれば基本認証の SMTP AUTH が使えます。その後は、管理者が再び有効にしない限り既存テナントでは無効になります。
           *[other] {""}
        }今のうちに Microsoft (OAuth2) でサインインしておけば、その日に何も変わりません。
        [retired] { $oauth-note ->
            [microsoft-365] パスワード ログインは、管理者がテナントとメールボックスで SMTP AUTH を再び有効にした場合にしか使えず、Microsoft は今後完全に廃止します。
           *[other] {""}
        }代わりに Microsoft (OAuth2) でサインインしてください。
       *[other] パスワードではなく OAuth2 でサインインしてください。
    }

## OAuth2 アクセストークン (読むだけで検証はしません。検証するのはサーバーです)

auth-token-missing = { $case ->
        [provider] { $provider } でサインインするか、アクセストークンを入力してください。
       *[other] OAuth2 にはアクセストークンが必要です。
    }
    .help = OAuth2 では、サーバーはパスワードの代わりに有効期間の短いアクセストークンを確認します。サインイン ボタンを使うか、アプリのバックエンドで新しいアクセストークンを「アクセストークン」欄に入れてください。

auth-token-kind = { $kind ->
        [id-token] これは ID トークンで、アクセストークンではありません。
        [refresh-token] これはリフレッシュトークンで、アクセストークンではありません。
        [authorization-code] これは認可コードで、アクセストークンではありません。
        [client-secret] これはアプリのクライアント シークレットで、アクセストークンではありません。
       *[other] これはアクセストークンではありません。
    }
    .help = { $kind ->
        [id-token] ID トークンは誰がサインインしたかをアプリに伝えるものです。メール サーバーが受け付けるのは、同じサインインのアクセストークン (トークン応答の access_token) だけです。
        [refresh-token] リフレッシュトークンはアプリのバックエンドに置き、有効期間の短いアクセストークンと交換します。テストにはそのアクセストークンを渡してください。
        [authorization-code] サインインのリダイレクトで届くコードは、先にトークン エンドポイントで交換する必要があります。アクセストークンはその交換で返されます。
        [client-secret] クライアント シークレットはプロバイダーに対してアプリを識別するもので、バックエンドに置くものです。メール サーバーにはサインインしたアカウントのアクセストークンが必要です。
       *[other] サインインしたアカウントのアクセストークンを入力してください。
    } 形だけで判断しています。最終的に判断するのはサーバーです。

auth-token-expired = アクセストークンは { $minutes } 分前に期限切れになりました。
    .help = アクセストークンの有効期間は約 1 時間です。もう一度サインインするか、バックエンドでリフレッシュトークンを使って更新し、新しいトークンでテストしてください。

auth-token-expiring = アクセストークンは { $seconds } 秒後に期限切れになり、テストが終わる前に切れます。
    .help = 新しいアクセストークンを取得して (バックエンドがリフレッシュトークンで更新します) もう一度テストしてください。

auth-token-audience = { $case ->
        [graph] このアクセストークンは Microsoft Graph 用で、SMTP 用ではありません。
        [google-for-microsoft] これは Google のアクセストークンです。{ $provider } には Microsoft のトークンが必要です。
        [microsoft-for-google] これは Microsoft のアクセストークンです。{ $provider } には Google のトークンが必要です。
       *[other] このアクセストークンは { $audience } 用で、SMTP 用ではありません。
    }
    .help = { $case ->
        [graph] Graph トークンは Graph API では使えますが、SMTP は 535 5.7.3 Authentication unsuccessful と応答します。サインイン時にスコープ https://outlook.office.com/SMTP.Send (offline_access と一緒に) を要求してください。
        [google-for-microsoft] Microsoft でサインインし、https://outlook.office.com/SMTP.Send を要求してください。
        [microsoft-for-google] Google でサインインし、スコープ https://mail.google.com/ を要求してください。
       *[other] Microsoft 365 と Outlook.com では、サインイン時に https://outlook.office.com/SMTP.Send を要求してください。
    } トークンの内容はここで読んでいるだけで、検証はしていません。署名を確認するのはサーバーです。

auth-token-scope = このアクセストークンでは SMTP でメールを送れません。SMTP.Send のアクセス許可がありません。
    .help = 現在のアクセス許可: { $scopes }。アプリの登録に委任されたアクセス許可 SMTP.Send (Office 365 Exchange Online) を追加し、サインイン時に https://outlook.office.com/SMTP.Send を要求してください。ユーザーなしで送信するアプリには SMTP.SendAsApp が必要です。

auth-token-user = アクセストークンは { $token-user } に発行されていますが、ユーザー名は { $username } です。
    .help = ログインではトークンと一緒にユーザー名を送るため、一致しないとサーバーが拒否します。サインインしたアカウントを使うか、{ $username } としてサインインしてください。

auth-token-tenant = { $case ->
        [personal] このトークンは個人用 Microsoft アカウントのものです。Microsoft 365 には職場または学校のアカウントが必要です。
       *[work] このトークンは職場または学校のアカウントのものです。Outlook.com には個人用 Microsoft アカウントが必要です。
    }
    .help = { $case ->
        [personal] 組織のアカウントでサインインするか、Outlook.com や Hotmail のアドレスには smtp-mail.outlook.com を使ってください。
       *[work] Microsoft 365 のメールボックスには smtp.office365.com を使ってください。
    }

auth-token-rejected = { $case ->
        [invalid] サーバーがアクセストークンを拒否しました。無効か期限切れです。
        [m365] Microsoft 365 がアクセストークンを拒否しました。
        [scope] サーバーがアクセストークンを拒否しました。スコープ { $scope } がありません。
       *[other] サーバーがアクセストークンを拒否しました。
    }
    .help = { $case ->
        [invalid] 新しいアクセストークンを取得して (もう一度サインインするか、バックエンドで更新して) もう一度テストしてください。
        [m365] たいていは次のどれかです。トークンが SMTP 用ではない (Microsoft Graph のスコープではなく https://outlook.office.com/SMTP.Send を要求してください)。メールボックスで SMTP AUTH が無効 (Set-CASMailbox -Identity <メールボックス> -SmtpClientAuthenticationDisabled $false)。ユーザーなしで送信するアプリの場合、そのサービス プリンシパルにメールボックスの権限がない (Add-MailboxPermission)。
        [scope] { $scope } を要求してもう一度サインインしてください。
       *[other] もう一度サインインしてください。それでも失敗する場合、そのアカウントは SMTP の使用を許可されていない可能性があります。
    }

auth-mechanism-withdrawn = サーバーは { $withdrawn } を提供しなくなりました（現在の提供: { $offered }）。
    .help = PLAIN と LOGIN がなくなった場合、パスワードによるログインが無効にされています。メールアカウントの管理者が SMTP AUTH を再び有効にするか、接続を OAuth に切り替える必要があります（Microsoft 365: Set-CASMailbox -SmtpClientAuthenticationDisabled $false）。

from-missing = { $case ->
        [sender-check] 差出人の確認には有効な差出人アドレスが必要です。
       *[other] 差出人アドレスが入力されていません。
    }
    .help = メールの送信元アドレスを入力してください（例: you@example.com）。

from-invalid = { $case ->
        [reason] 差出人が有効なアドレスではありません: { $reason ->
            [empty] 空です
            [no-at] @ がありません
            [empty-local] @ の前に何もありません
            [empty-domain] @ の後に何もありません
            [local-too-long] @ の前の部分が 64 文字を超えています
            [bad-local] 「{ $detail }」は引用符で囲まない限り @ の前に使えません
            [dots] @ の前の部分がドットで始まるか終わっている、またはドットが 2 つ続いています
            [bad-domain] ドメインが無効です
            [domain-without-dot] ドメインにドットがありません
            [unclosed-angle] < に対応する > がありません
            [trailing-text] アドレスの後に「{ $detail }」が続いています
            [unquoted-comma] 名前にカンマがあり、二重引用符で囲む必要があります
            [unclosed-quote] 二重引用符が閉じていません
            [several] アドレスが複数含まれています
           *[control] 名前に制御文字「{ $detail }」が含まれています
        }。
       *[other] 差出人が有効なメールアドレスではありません。
    }
    .help = you@example.com のようなアドレスを使ってください。名前を付ける場合は「お名前 <you@example.com>」の形にします。

from-domain-mismatch = { $case ->
        [domains] 差出人は { $from-domain } ですが、ログインは { $login-domain } です。
       *[other] 差出人のドメインがログインのドメインと違います。
    }
    .help = 多くのサーバーは、アカウントのエイリアスでない限り別のアドレスとしての送信を拒否します。ログインのアドレスから送るか、このアドレスをエイリアスとして追加してください。

provider-port-unsupported = { $case ->
        [provider] { $provider } はポート { $port } でメールを受け付けません。
       *[other] このプロバイダーはこのポートでメールを受け付けません。
    }
    .help = { $case ->
        [provider] { $provider } の受付ポート: { $endpoints }。
       *[other] プロバイダーが案内しているポートのいずれかを使ってください。
    }

provider-known = { $case ->
        [provider] { $provider } です。
       *[other] 既知のプロバイダーです。
    }
    .help = { $case ->
        [provider] 案内されている設定: { $endpoints }。{ $provider-notes ->
            [gmail] Google は通常のアカウント パスワードを受け付けません。アプリ パスワード（2 段階認証プロセスが必要）か OAuth2 を使ってください。587 では STARTTLS の後にだけログインできます。
            [google-relay] リレーは、Workspace 管理者が設定した許可 IP リストか SMTP AUTH のどちらかを、管理コンソールの設定に従って受け付けます。
            [microsoft365] Microsoft 365 は 587 と STARTTLS のみで、465 はありません。
            [icloud] iCloud の App 用パスワードには、Apple アカウントの 2 ファクタ認証が必要です。
            [zoho] Zoho はアカウントのパスワード、または 2 要素認証が有効ならアプリ パスワードを受け付けます。Zoho はアカウント自身のアドレスかそのエイリアスからしか送信しません。組織アカウントは smtppro.zoho.* を使います。データセンターのドメイン（zoho.eu、zoho.in など）を使ってください。
            [fastmail] Fastmail は 465 と TLS/SSL を推奨しています。587 と STARTTLS も使えますが推奨されていません。
            [ses] SES の SMTP 認証情報はリージョンごとです。作成したリージョンのホストを使ってください。差出人 ID は同じリージョンで検証が必要で、サンドボックスのアカウントは検証済みの宛先にしか送れません。
            [sendgrid] SendGrid では検証済みの差出人 ID が必要です。
            [mailgun] アカウントのパスワードではなく、ドメインの SMTP パスワードを使ってください。米国（smtp.mailgun.org）と EU（smtp.eu.mailgun.org）のアカウントは別です。
            [postmark] Postmark にはポート 465 がなく、接続すると止まったままになります。
            [brevo] ユーザー名は、アカウントの「SMTP & API」設定に表示される SMTP ログインです。
            [mailjet] パスワードは API のシークレットキーです。差出人アドレスかドメインを Mailjet で検証しておく必要があります。
           *[other] {""}
        } 出典: { $source }（{ $checked } 確認）。
       *[other] 案内されている設定をここに表示します。
    }

dns-not-found = { $case ->
        [host] { $host } は DNS に存在しません。
       *[other] サーバー名が存在しません。
    }
    .help = SMTP サーバーの綴りを確認してください。この名前は DNS にありません。

dns-no-address = { $case ->
        [host] { $host } は存在しますが、IP アドレスがありません。
       *[other] サーバー名は存在しますが、IP アドレスがありません。
    }
    .help = この名前には A レコードも AAAA レコードもありません。サーバー名ではなくメールドメイン（MX）かもしれません。プロバイダーが案内している SMTP サーバーを使ってください。

dns-timeout = { $case ->
        [host] { $host } の DNS 検索がタイムアウトしました。リゾルバーはほかの問い合わせには答えているため、{ $host } のネームサーバーが応答していません。
        [deadline] サーバーを検索している間に、テストの制限時間（{ $seconds } 秒）が過ぎました。
       *[other] DNS 検索が時間内に応答しませんでした。
    }
    .help = リゾルバーが応答しませんでした。もう一度試してください。続く場合は、ドメインのネームサーバーに到達できません。

dns-failed = { $case ->
        [rcode] { $host } の DNS 検索に失敗しました: リゾルバーの応答は { $rcode } でした。
        [error] { $host } の DNS 検索に失敗しました: { $error }。
       *[other] DNS 検索に失敗しました。
    }
    .help = リゾルバーがエラー（SERVFAIL または REFUSED）を返しました。ドメインのネームサーバーが故障しているか、応答を拒否しています。DNS 管理者による修正が必要です。後でもう一度試してください。

dns-address-changed = { $host } の解決先が { $after } に変わりました（以前: { $before }）。
    .help = 通常はプロバイダーがサーバーを移転したものです。メールが送信できていれば対応は不要です。ファイアウォールでサーバーのアドレスを許可している場合は一覧を更新してください。

probe-dns-unavailable = { $case ->
        [host] テストサービスが { $host } を検索できませんでした。テストサービス自身の DNS リゾルバーが応答していません。設定はテストされていません。
       *[other] テストサービスが自身の DNS リゾルバーに接続できません。
    }
    .help = これはテストサービス側の問題で、設定の問題ではありません。変更は必要ありません。数分後にもう一度試してください。

policy-blocked-address = { $case ->
        [address] { $address } は内部アドレスのため、テストサービスは接続しません。
        [name] { $host } は内部アドレスを指しているため、テストサービスは接続しません。
       *[other] サーバー名が内部アドレスを指しているため、テストサービスは接続しません。
    }
    .help = 安全のため、テストサービスは公開アドレスにしか接続しません。サーバーの公開名を使ってください。

policy-blocked-port = { $case ->
        [port] テストサービスはポート { $port } に接続しません。
        [host-port] テストサービスはこのサーバーのポート { $port } に接続しません。
       *[other] テストサービスはこのポートに接続しません。
    }
    .help = { $case ->
        [port] テストするのは次のポートだけです: { $allowed }。プロバイダーの SMTP ポートを使ってください。
        [host-port] テストするのは次のポートだけです: { $allowed }。プロバイダーの SMTP ポートを使ってください。
       *[other] テストするのは一般的なメールのポート（25、465、587、2525）だけです。プロバイダーが案内しているポートを使ってください。
    }

policy-blocked-recipient = { $case ->
        [invalid] 宛先を使えません: { $error }。
        [other-recipient] テストはご自身の差出人アドレス（{ $from }）にだけ送信し、{ $recipient } には送りません。
       *[other] テストはご自身の差出人アドレスにだけ送信します。
    }
    .help = 差出人と送信の確認では差出人アドレスを宛先に使うため、テストが第三者にメールを届けることはありません。宛先を空にするか、そのドメインを許可するよう運営者に依頼してください。

tcp-refused = { $case ->
        [addresses] { $addresses } がポート { $port } への接続を拒否しました。
       *[other] サーバーが接続を拒否しました。
    }
    .help = このポートで待ち受けているものがないか、ファイアウォールが拒否しています。ポートを確認してください。

tcp-timeout = { $case ->
        [addresses] { $addresses } から応答がなく、接続がタイムアウトしました。
        [deadline] 接続中に、テストの制限時間（{ $seconds } 秒）が過ぎました。
       *[other] 接続がタイムアウトしました。
    }
    .help = まったく応答がありません。ファイアウォールが通信を破棄しているか、サーバーが許可された IP アドレスしか受け付けていません。{ $allowlist ->
        [yes] このテストは { $egress } から接続します。サーバーの管理者にこれらのアドレスを許可するよう依頼してください。
       *[no] {""}
    }{ $blocked ->
        [yes] 一部のホスティング基盤は送信方向のポート { $port } をブロックしています（{ $blockers }）。アプリがそこで動いている場合は、送信サービスの別のポートを使ってください: { $alternatives }。
       *[no] {""}
    }

tcp-unreachable = { $case ->
        [addresses] テストサービスから { $addresses } に到達できません。
        [mixed] 接続できません（{ $failures }）。
       *[other] サーバーのネットワークに到達できません。
    }
    .help = テストサービスからこのアドレスへの経路がありません。

tcp-some-addresses-failed = { $case ->
        [addresses] { $failed } は失敗しました。{ $connected } はつながったので、テストはそちらで続けました。
        [no-ipv6-route] { $failed } は失敗しました。{ $connected } はつながったので、テストはそちらで続けました。
       *[other] サーバーのアドレスの一部が応答しませんでした。
    }
    .help = { $case ->
        [no-ipv6-route] テストサービスには IPv6 の経路がないため IPv6 アドレスには到達できませんが、IPv4 は使えます。これはサーバーの問題ではありません。IPv6 のないクライアントは、このテストと同じく IPv4 を使います。
       *[other] サーバー名には複数のアドレスがあり、すべてが使えるわけではありません。使えないアドレスを選んだクライアントは失敗するか待たされます。サーバーの管理者がその DNS レコードを直すか削除すべきです。
    }

smtp-no-greeting = { $case ->
        [seconds] 接続しましたが、{ $seconds } 秒以内に挨拶がありませんでした。
        [no-tls-either] 接続しましたが、{ $seconds } 秒以内に挨拶がなく、TLS でも応答がありません。
        [after-tls] 接続は暗号化されましたが、SMTP の挨拶がありませんでした。
       *[other] サーバーは接続を受け付けましたが、挨拶を送ってきません。
    }
    .help = { $case ->
        [no-tls-either] 原因はセキュリティの設定ではありません。平文の SMTP でも TLS でも応答がありません。サーバーが過負荷か、信頼しないクライアントを遅らせている（ターピット）か、途中の何かが接続を保持しています。後でもう一度試し、続く場合はテストサービスのアドレスが許可されているかサーバーの管理者に確認してください。
       *[other] SMTP サーバーはすぐに 220 で挨拶します。応答がない場合、多くはそのポートが最初のバイトから暗号化を求めています。TLS/SSL を選んでください。
    }

smtp-greeting-rejected = { $case ->
        [reply] サーバーが挨拶の段階でこの接続を拒否しました（{ $reply-code }）。
       *[other] サーバーが挨拶の段階でこのクライアントを拒否しました。
    }
    .help = サーバーはこちらのアドレスからの接続を拒否しています（許可リストまたはブロックリスト）。テストサービスのアドレスを許可するよう管理者に依頼してください。

smtp-ehlo-rejected = { $case ->
        [helo-works] サーバーはこちらの挨拶（EHLO、{ $reply-code }）を拒否しましたが、古い HELO は受け付けました。拡張機能がないため、暗号化もログインもサイズ上限もわかりません。
        [both] サーバーはこちらの挨拶（EHLO、{ $reply-code }）も古い HELO も拒否しました。テストサービスとはメールのやり取りを始めません。
       *[other] サーバーがこちらの挨拶（EHLO）を拒否しました。
    }
    .help = { $case ->
        [both] 両方の挨拶を拒否するサーバーは、このクライアントを拒否しています。テストサービスのアドレスが許可されているか管理者に確認してください。
       *[other] これがないと、サーバーは暗号化もログインも提供しません。サーバーが非常に古いか設定に誤りがあります。管理者に確認してください。
    }

smtp-helo-rejected = { $case ->
        [name] サーバーが拒否したのは、このテストサービスが名乗った名前（{ $name }）で、あなたの設定ではありません（{ $reply-code }）。
       *[other] サーバーが、このテストサービスが名乗った名前を拒否しました。
    }
    .help = { $case ->
        [name] EHLO 名を確認するサーバーは、クライアントのアドレスを指す実在のホスト名を求めます。このテストサービスの運営者は、公開ホスト名を --helo に指定して起動する必要があります（現在は { $name }）。あなたの設定は正しい可能性があります。アプリは自分の名前で名乗ります。
       *[other] サーバーは EHLO/HELO 名を確認しています。これはテストサービスの設定で、あなたの設定ではありません。運営者が --helo で解決可能な実在のホスト名を設定します。
    }

smtp-temporary-failure = { $case ->
        [greylisted] サーバーが{ $command ->
            [mail-from] 差出人（MAIL FROM）
           *[rcpt-to] 宛先（RCPT TO）
        }を保留しました（{ $reply-code }）。グレイリスティングのようです。一時的な拒否で、最終的な拒否ではありません。
        [deferred] サーバーが{ $command ->
            [mail-from] 差出人（MAIL FROM）
           *[rcpt-to] 宛先（RCPT TO）
        }を保留しました（{ $reply-code }）。一時的な拒否で、最終的な拒否ではありません。
       *[other] サーバーが一時的に拒否しました（4xx）。
    }
    .help = 一時的な拒否（グレイリスティング、キューの満杯、サーバー側の問題）は設定の誤りではありません。メールソフトは再試行し、たいてい後で成功します。数分後にもう一度テストしてください。

smtp-busy = { $case ->
        [greeting] サーバーが混雑しており、すぐに接続を閉じました（421）。
       *[other] サーバーが混雑しているか、接続を閉じようとしています（421）。
    }
    .help = 後でもう一度試してください。続く場合は、サーバーがこのアドレスからの接続を制限している可能性があります。

smtp-slow-greeting = { $case ->
        [seconds] サーバーの挨拶は { $seconds } 秒後でした。
       *[other] サーバーの挨拶に数秒かかりました。
    }
    .help = 挨拶が遅いのは、ターピット、過負荷、フィルタリングの兆候です。挨拶の前にあきらめるクライアントもあります。

smtp-timeout = { $case ->
        [deadline] サーバーの応答が終わる前に、テストの制限時間（{ $seconds } 秒）が過ぎました。
       *[other] サーバーが応答しなくなりました。
    }
    .help = サーバーはコマンドを受け付けましたが、時間内に応答しませんでした。過負荷か、途中のファイアウォールが接続を切っている可能性があります。

smtp-closed = { $case ->
        [io] 接続に失敗しました: { $error }。
        [while-sending] 送信中に接続が失敗しました: { $error }。
       *[other] サーバーが接続を閉じました。
    }
    .help = サーバーがセッションの途中で切断しました。直前の応答があれば、そこに理由が書かれています。

smtp-protocol-error = { $case ->
        [too-long] サーバーの応答がテストの上限（行の長さ、行数、サイズ）を超えました。
        [cram-md5] サーバーの CRAM-MD5 チャレンジが正しい base64 ではありませんでした。
        [line-break] 改行を含むコマンドの送信を、テストが拒否しました。
        [starttls-injection] サーバーが STARTTLS の応答の後にデータを送ってきたため、テストを中止しました（インジェクション攻撃の可能性）。
       *[other] サーバーの応答が SMTP のプロトコルに違反しています。
    }
    .help = 応答が長すぎるか、行が多すぎるか、SMTP の応答ではありませんでした。テストは自身を守るため読み取りを止めました。

smtp-not-smtp = { $case ->
        [greeting] サーバーの挨拶が 220 ではなく { $reply-code } でした。
        [peer] このポートは SMTP サーバーではなく、{ $peer ->
            [http] ウェブサーバー（HTTP）
            [imap] IMAP サーバー（受信用）
            [pop3] POP3 サーバー（受信用）
            [ssh] SSH サーバー
           *[other] SMTP サーバーではない何か
        }のように応答します。
       *[other] このポートのサーバーは SMTP を話しません。
    }
    .help = ここでは別のもの（ウェブ、IMAP など）が応答しています。サーバーとポートを確認してください。

tls-expected-implicit = { $case ->
        [verified] ポート { $port } は暗号化しない接続には応答せず、暗号化した接続には応答しました。最初のバイトから TLS が必要です。
        [cert-problem] ポート { $port } は暗号化しない接続には応答せず、暗号化した接続には応答しました。最初のバイトから TLS が必要です。
       *[other] このポートは最初のバイトから暗号化（TLS）が必要です。
    }
    .help = { $case ->
        [verified] TLS/SSL を選んでください。確認済み: ポート { $port } への暗号化した接続は使えます。
        [cert-problem] TLS/SSL を選んでください。ポート { $port } への暗号化した接続は使えますが、証明書に問題があり、次の確認で表示されます。
       *[other] このポートでは TLS/SSL を選んでください。
    }

tls-expected-starttls = { $case ->
        [plain-answer] ポート { $port } は TLS ではなく平文で応答しました。
        [verified] ポート { $port } は TLS ではなく平文で応答しました。
        [starttls-failed-too] ポート { $port } は TLS ではなく平文で応答しました。
       *[other] このポートはまず平文の SMTP で話し、その後 STARTTLS で暗号化に切り替えます。
    }
    .help = { $case ->
        [verified] このポートは平文の SMTP で話した後、STARTTLS で暗号化します。確認済み: ポート { $port } の STARTTLS は使えます。
        [starttls-failed-too] このポートはまず平文の SMTP で話しますが、STARTTLS による暗号化への切り替えもうまくいきませんでした。ポート 465 と TLS/SSL を試すか、プロバイダーに問い合わせてください。
       *[other] このポートでは STARTTLS を選んでください。
    }

tls-starttls-unavailable = { $case ->
        [refused] サーバーは STARTTLS を提示しましたが、拒否しました（{ $reply-code }）。
        [port] ポート { $port } のサーバーは STARTTLS に対応していません。
       *[other] サーバーは STARTTLS に対応していません。
    }
    .help = サーバーはこの接続を暗号化できません。ポート 465 と TLS/SSL を試してください。

tls-client-cert-required = { $case ->
        [alert] サーバーはクライアント証明書を求め、届かなかったためアラート「{ $alert }」でセッションを終了しました。
        [closed] サーバーはクライアント証明書を求め、届かなかったためセッションを閉じました（{ $error }）。
        [handshake] サーバーはクライアント証明書を求め、届かなかったため暗号化の確立を中断しました（{ $error }）。
       *[other] サーバーはクライアント証明書を必要としています。
    }
    .help = このサーバーは、信頼する証明書を提示したクライアントしか受け付けません（相互 TLS）。アプリにはプロバイダーの送信用サービスを使うか、管理者に問い合わせてください。

tls-server-misconfigured = { $case ->
        [starttls-refused] サーバーは STARTTLS を提示した後で拒否しました（{ $reply-code }）。暗号化の設定が壊れています（Postfix は証明書や鍵を読み込めないときにこう応答します）。
        [internal-error] サーバーはアラート「internal_error」で暗号化の確立を中断しました。クライアント側が何を提示しても起きる、サーバー側の障害です。
       *[other] サーバー側の暗号化（TLS）が壊れています。
    }
    .help = { $other ->
        [works] サーバーの管理者に伝えてください: 証明書、鍵、または暗号化ライブラリが壊れています（OpenSSL 3 でビルドした OpenSMTPD 6.8 は接続のたびにこうなります）。それまでの間は、ポート { $other-port } の { $other-security } が使えます（2 回目の接続で確認済み）。
        [fails] サーバーの管理者に伝えてください: 証明書、鍵、または暗号化ライブラリが壊れています（OpenSSL 3 でビルドした OpenSMTPD 6.8 は接続のたびにこうなります）。ポート { $other-port } の { $other-security } も試しましたが使えません。サーバーが直るまで、どの設定でも解決しません。
        [no-answer] サーバーの管理者に伝えてください: 証明書、鍵、または暗号化ライブラリが壊れています（OpenSSL 3 でビルドした OpenSMTPD 6.8 は接続のたびにこうなります）。ポート { $other-port }（{ $other-security }）はテストサービスに応答しないため、ほかに使える設定はわかりません。
       *[other] サーバーが自身の問題（使えない証明書や鍵など）のために暗号化の確立を中断しました。あなたの設定では解決できません。サーバーの管理者に伝えてください。
    }

tls-handshake-failed = { $case ->
        [alert] サーバーがアラート「{ $alert }」で暗号化の確立を中断しました。
        [error] 暗号化（TLS）を確立できませんでした: { $error }。
        [closed] 暗号化の確立中にサーバーが接続を閉じました（{ $error }）。
        [timeout] 暗号化の確立中に、サーバーが時間内に応答しませんでした。
        [server-name] このサーバー名は暗号化した接続に使えません。
        [setup] 暗号化を準備できませんでした: { $error }。
        [plain-answer] 暗号化の確立中に、サーバーが平文で応答しました。
       *[other] 暗号化（TLS）を確立できませんでした。
    }
    .help = { $case ->
        [alert] サーバーは、現在のクライアントが提示するバージョンや暗号方式（最新の方式による TLS 1.2/1.3）をどれも受け付けません。設定が古いか壊れています。
       *[other] サーバーとテストに共通の TLS バージョンや暗号方式がないか、サーバーが途中で切断しました。もう一方のセキュリティ設定を試すか、サーバーの管理者に問い合わせてください。
    }

tls-old-protocol = { $case ->
        [version] サーバーは { $version } しか話しません（応答でそれを選びました）。このクライアントは、現在のほかのクライアントと同様に TLS 1.2 か 1.3 が必要です。
        [refused] サーバーは TLS 1.2 と 1.3 を拒否しました。TLS 1.1 以前しか話しません。
        [legacy-version] サーバーは { $version } しか話しません（TLS 1.1 を提示したときにそれを選びました）。このクライアントは、現在のほかのクライアントと同様に TLS 1.2 か 1.3 が必要です。
        [client-refused] サーバーはこの接続の TLS バージョンを拒否しました（{ $reply-code }）。TLS 1.2 以降しか受け付けません。
       *[other] サーバーは古い TLS バージョンしか話しません。
    }
    .help = { $case ->
        [version] TLS 1.0 と 1.1 は現在のクライアントやライブラリでは無効です。サーバーの管理者が TLS 1.2 以降を有効にする必要があり、クライアント側の設定では解決できません。
        [refused] TLS 1.0 と 1.1 は現在のクライアントやライブラリでは無効です。サーバーの管理者が TLS 1.2 以降を有効にする必要があり、クライアント側の設定では解決できません。
        [legacy-version] TLS 1.0 と 1.1 は現在のクライアントやライブラリでは無効です。サーバーの管理者が TLS 1.2 以降を有効にする必要があり、クライアント側の設定では解決できません。
        [client-refused] このテストは TLS 1.2 以降で話したので、途中の何か（TLS を検査するプロキシやファイアウォール）がダウングレードしています。アプリケーションにこの応答が出る場合は、その TLS ライブラリが古すぎます。TLS 1.2 を有効にする（.NET Framework なら 4.7 以降、または SecurityProtocol を Tls12 に）か、更新してください。
       *[other] TLS 1.0 と 1.1 は古く、多くのクライアントが拒否します。
    }

tls-cert-expired = { $case ->
        [dates] サーバーの証明書の有効期限が切れています（有効期間 { $not-before }〜{ $not-after }）。
       *[other] サーバーの証明書の有効期限が切れています。
    }
    .help = サーバーの管理者が証明書を更新する必要があります。

tls-cert-not-yet-valid = { $case ->
        [dates] サーバーの証明書はまだ有効ではありません（有効期間 { $not-before }〜{ $not-after }）。
       *[other] サーバーの証明書はまだ有効ではありません。
    }
    .help = 証明書の開始日が未来になっています。サーバーの時計か証明書が間違っています。

tls-cert-name-mismatch = { $case ->
        [names] 証明書は { $names } 用で、{ $host } 用ではありません。
        [other-names] 証明書はほかの名前用で、{ $host } 用ではありません。
       *[other] サーバーの証明書は別の名前用です。
    }
    .help = { $case ->
        [names] 証明書が対象とするサーバー名を使ってください: { $names }。
       *[other] 証明書が対象とするサーバー名を使ってください。
    }

tls-cert-untrusted = { $case ->
        [self-signed] サーバーの証明書は自己署名です。
        [unknown-issuer] サーバーの証明書は不明な認証局（{ $issuer }）が発行したものです。
        [refused] サーバーの証明書は拒否されました: { $error }。
       *[other] サーバーの証明書は信頼されていません。
    }
    .help = { $case ->
        [self-signed] クライアントはこれを拒否します。サーバーには公的な認証局（Let's Encrypt など）の証明書が必要です。社内の認証局の場合は、そのルート証明書を --ca-file でテストサービスに渡してください。
        [unknown-issuer] クライアントはこれを拒否します。サーバーには公的な認証局（Let's Encrypt など）の証明書が必要です。社内の認証局の場合は、そのルート証明書を --ca-file でテストサービスに渡してください。
       *[other] 自己署名か、不明な認証局が発行したものです。
    }

tls-cert-expiring = サーバーの証明書はあと { $days } 日で期限切れになります（{ $not-after }）。
    .help = それまでにサーバーの管理者が証明書を更新する必要があります。期限を過ぎると、証明書を確認するクライアントはすべて接続を拒否します。

tls-cert-replaced = サーバーが別の証明書を提示するようになりました（発行者 { $issuer }、有効期限 { $not-after }）。
    .help = 通常は定期的な更新で、対応は不要です。今後接続に失敗する場合は、まずこの新しい証明書を確認してください。

auth-not-offered = { $case ->
        [encrypted] 認証情報が入力されていますが、サーバーはログインを提供していないため、確認されていません。ログイン不要のリレー（その場合は認証情報を削除してください）か、許可された IP アドレスしか受け付けないサーバーかもしれません。
        [plain] 認証情報が入力されていますが、サーバーはこの暗号化されていない接続ではログインを提供していないため、確認されていません。多くのサーバーは STARTTLS の後にだけログインを提供します。
       *[other] 認証情報が入力されていますが、サーバーはログインを提供していません。
    }
    .help = サーバーはここで AUTH を提示していないため、認証情報は確認されていません。STARTTLS の後にだけ AUTH を提供するか、ログイン不要のリレーの可能性があります。

auth-mechanism-unsupported = { $case ->
        [refused] サーバーがログイン方式を拒否しました。
        [oauth-only] サーバーは OAuth2 のアクセストークン（{ $offered }）しか受け付けず、パスワードは使えません。
        [password-only] サーバーはパスワードによるログイン（{ $offered }）しか提供していないため、アクセストークンはここでは使えません。
        [none-known] サーバーが提供するのは { $offered } で、このツールが話せるログイン方式はありません。
        [not-offered] サーバーが提供するのは { $offered } で、{ $wanted } はありません。
        [use-auto] サーバーが提供するのは { $offered } で、{ $wanted } はありません。
       *[other] サーバーは選んだログイン方式を提供していません。
    }
    .help = { $case ->
        [oauth-only] ここではどのパスワードも使えません。OAuth2（ログイン方式 oauth2）でサインインするか、アプリ パスワードを受け付けるプロバイダーの SMTP サービスを使ってください。
        [password-only] アカウントのパスワード（またはアプリ パスワード）をログイン方式 password で使うか、OAuth2 を受け付けるプロバイダーのサーバーを使ってください。
        [use-auto] サーバーは { $usable } を提供しています。auto にするとテストはそれを使います。
       *[other] auto か、サーバーが提供する方式を選んでください。
    }

auth-requires-tls = { $case ->
        [mail] サーバーはメールを受け付ける前に暗号化を求めています。
       *[other] サーバーはログインの前に暗号化を求めています。
    }
    .help = { $case ->
        [mail] STARTTLS（またはポート 465 で TLS/SSL）を選んでください。このサーバーは暗号化されていないセッションを拒否します。
       *[other] STARTTLS か TLS/SSL を選んでください。
    }

auth-failed = { $case ->
        [reply] { $who ->
            [provider] { $provider } がユーザー名またはパスワードを拒否しました（{ $reply-code }）。
           *[server] サーバーがユーザー名またはパスワードを拒否しました（{ $reply-code }）。
        }
       *[other] ユーザー名またはパスワードが拒否されました。
    }
    .help = { $hint ->
        [m365-credentials] Microsoft 365 によると、認証情報が間違っているか、このメールボックスで SMTP AUTH が無効です。両方を確認するか、OAuth2 を使ってください。
        [gmail-credentials] Google は通常のアカウント パスワードを受け付けません。アプリ パスワード（2 段階認証プロセスが必要）を作成し、ユーザー名にはメールアドレス全体を使ってください。
       *[other] ユーザー名とパスワードを確認してください。多くのプロバイダーは SMTP にアプリ パスワードを求めます。
    }

auth-app-password-required = { $case ->
        [reply] { $who ->
            [provider] { $provider } では、このアカウントにアプリ パスワードが必要です。
           *[server] このサーバーでは、このアカウントにアプリ パスワードが必要です。
        }
        [url] { $who ->
            [provider] { $provider } では、このアカウントにアプリ パスワードが必要です。
           *[server] このサーバーでは、このアカウントにアプリ パスワードが必要です。
        }
       *[other] プロバイダーがアプリ パスワードを求めています。
    }
    .help = { $case ->
        [url] { $url } でアプリ パスワードを作成し（2 段階認証プロセスを有効にする必要があります）、アカウントのパスワードの代わりに使ってください。
       *[other] アカウントのセキュリティ設定でアプリ パスワードを作成し、ここで使ってください。
    }

auth-disabled-by-provider = { $case ->
        [reply] { $who ->
            [provider] { $provider } では、このアカウントの SMTP ログインが無効になっています。
           *[server] このサーバーでは、このアカウントの SMTP ログインが無効になっています。
        }
       *[other] このアカウントの SMTP ログインは無効になっています。
    }
    .help = { $hint ->
        [m365-tenant] 組織全体で SMTP AUTH が無効です。Exchange 管理者が Set-TransportConfig -SmtpClientAuthenticationDisabled $false で有効にします (メールボックス側でも無効なら Set-CASMailbox -Identity <メールボックス> -SmtpClientAuthenticationDisabled $false も)。OAuth2 のログインにも必要です。
        [m365-mailbox] このメールボックスで SMTP AUTH が無効です。Exchange 管理者が Set-CASMailbox -Identity <メールボックス> -SmtpClientAuthenticationDisabled $false で有効にします (Microsoft 365 管理センター: ユーザー、メール、メール アプリの管理、認証済み SMTP)。OAuth2 のログインにも必要です。
        [m365-basic-off] ここでは Microsoft 365 がパスワードを拒否します (セキュリティの既定値、またはクライアント送信の基本認証の廃止)。代わりに OAuth2 でサインインしてください。
        [m365-disabled] Microsoft 365 では、管理者がメールボックスで「認証済み SMTP」を有効にし（テナントでも許可し）、またはアプリが OAuth2（XOAUTH2）でサインインする必要があります。
       *[other] アカウントまたは組織が SMTP ログインを無効にしています。管理者が有効にするか、OAuth2 を使ってください。
    }

auth-rate-limited = { $case ->
        [reply] { $who ->
            [provider] { $provider } はログインを一時的に拒否しています: 試行回数が多すぎます。
           *[server] サーバーはログインを一時的に拒否しています: 試行回数が多すぎます。
        }
       *[other] ログインの試行回数が多すぎます。
    }
    .help = 数分待ってから、もう一度試してください。

sender-rejected = { $case ->
        [login-required] サーバーは差出人を受け付ける前にログインを求めています。
        [mail-from] サーバーがこの差出人アドレスを拒否しました（{ $reply-code }）。
        [rcpt-to] サーバーは、このログインでこのアドレスとして送信することを拒否しました。
        [data] サーバーは、このアドレスとしての送信を拒否しました。
       *[other] このログインではこのアドレスとして送信できません。
    }
    .help = { $case ->
        [login-required] ユーザー名とパスワードを入力してください。このサーバーは匿名のクライアントのためにリレーしません。
       *[other] ログイン自身のアドレスから送るか、このアドレスをアカウントが送信に使えるエイリアスとして追加してください。
    }

sender-smtputf8-required = { $case ->
        [address] { $address } には ASCII 以外の文字が含まれていますが、このサーバーは SMTPUTF8 に対応していないため受け付けられません（何も送信していません）。
       *[other] アドレスが ASCII だけでなく、サーバーはそのようなアドレスを受け付けません。
    }
    .help = サーバーが SMTPUTF8 に対応していないため、ASCII 以外の文字を含むアドレスを扱えません。送信には ASCII のアドレス（エイリアス）を使ってください。

recipient-rejected = { $case ->
        [reply] サーバーが宛先を拒否しました（{ $reply-code }）。
        [unreachable] お使いのサーバーは { $domain } の受信者のメールサーバーに接続できず、配信をあきらめました。
        [no-domain] 宛先のドメイン { $domain } は存在しません。メールサーバーがありません。
       *[other] サーバーが宛先を拒否しました。
    }
    .help = { $case ->
        [unreachable] 受信者のドメインに稼働中のメールサーバーがないか、そのサーバーがお使いのサーバーからの接続を受け付けていない可能性があります。アドレスを確認し、正しければ受信者側の管理者にサーバーが応答しない理由を確認してください。
        [no-domain] アドレスのドメインに入力ミスがないか確認してください。
       *[other] サーバーはこの宛先へのメールを受け付けません。
    }

send-rejected = { $case ->
        [reply] サーバーがメッセージを拒否しました（{ $reply-code }）。
        [unbuildable] テストメッセージを作成できませんでした: { $error }。
       *[other] サーバーがメッセージを拒否しました。
    }
    .help = メッセージは送信後に拒否されました。理由はサーバーの応答に書かれています。

send-sender-unverified = { $case ->
        [reply] プロバイダーがメッセージを拒否しました: 差出人アドレスが検証されていません。
       *[other] プロバイダーが未検証の差出人を拒否しました。
    }
    .help = プロバイダーのコンソールでこの差出人アドレスかドメインを検証してから、もう一度試してください。

send-too-large = { $case ->
        [announced] サーバーが、通知したメッセージのサイズを拒否しました（{ $reply-code }）。
        [data] サーバーが、テストメッセージを大きすぎるとして拒否しました（{ $reply-code }）。
        [size-limit] サーバーが受け付けるのは最大 { $limit } バイト（SIZE { $limit }）のメッセージで、{ $size } バイトのテストメッセージはそれより大きく、実際のメッセージもほぼすべて同様です。何も送信していません。
       *[other] メッセージがサーバーの受け付けるサイズを超えています。
    }
    .help = サーバーのサイズ上限（SIZE）がメッセージより小さく、小さなメッセージでも拒否されます。管理者が上限を引き上げる必要があります。

send-ok = { $case ->
        [queued] { $recipient } 宛てのテストメッセージが受け付けられました（キュー ID { $queue-id }）。
        [accepted] { $recipient } 宛てのテストメッセージが受け付けられました。
       *[other] テストメッセージが受け付けられました。
    }
    .help = サーバーはメッセージを配信キューに入れました。


domain-spf-missing = { $case ->
        [suggest] { $domain } は SPF レコードを公開していないため、受信側はこのサーバーがこのドメインのメールを送ってよいと判断できません。
       *[other] { $domain } は SPF レコードを公開していません。
    }
    .help = Gmail と Yahoo は、SPF と DKIM のどちらにも合格しないメールを拒否するか迷惑メールにします。{ $case ->
        [suggest] { $domain } に TXT レコードを 1 つ公開してください: { $record }
       *[other] { $domain } に、メールを送るサーバーを示す SPF の TXT レコードを 1 つ公開してください（include はプロバイダーのドキュメントに記載されています）。
    }

domain-spf-invalid = { $case ->
        [several] { $name } は SPF レコードを複数公開しています。受信側はこれをエラーとみなし、すべて無視します。
        [syntax] { $name } の SPF レコードに、受信側が理解できない項目があります: { $term }
        [lookups] この SPF レコードには DNS 問い合わせが { $count } 回必要です。受信側は 10 回で打ち切り、エラーとみなします。
        [void] この SPF レコードには結果のない問い合わせが { $count } 回あります。受信側は 2 回で打ち切り、エラーとみなします。
        [mx] SPF レコードの mx 項目が 10 台を超えるメールサーバーを指しています（{ $name }）。受信側はエラーとみなします。
        [loop] { $domain } の SPF レコードが { $name } を通じて自分自身を含んでいます。
        [include-missing] SPF レコードが { $name } を include していますが、そこには SPF レコードがありません。受信側はエラーとみなします。
        [redirect-missing] SPF レコードが { $name } にリダイレクトしていますが、そこには SPF レコードがありません。受信側はエラーとみなします。
       *[other] { $domain } の SPF レコードは使用できません。
    }
    .help = { $case ->
        [several] v=spf1 で始まり、各 include を 1 回ずつ含む 1 つの TXT レコードにまとめてください。
        [lookups] 使わなくなったサービスの include を削除するか、一部のメールを独自のレコードを持つサブドメインから送ってください。include をアドレスの一覧に置き換えないでください（「フラット化」）。プロバイダーはアドレスを変更します。
        [void] 名前が存在しなくなった項目を削除してください。
        [include-missing] その include を削除するか、プロバイダーのドキュメントに従って綴りを直してください。
        [redirect-missing] redirect= を SPF レコードを公開している名前に向けてください。
       *[other] 有効な SPF（RFC 7208）になるようにレコードを修正してください。それまで受信側はすべてのメッセージで SPF を失敗とみなします。
    }

domain-spf-excludes-relay = { $case ->
        [provider] { $domain } の SPF レコードに { $provider }（include:{ $include }）が含まれていないため、そこから送ったメールは SPF に失敗します。
        [address] { $domain } の SPF レコードは { $host }（{ $address }）を許可していません。結果は { $result } です。
       *[other] { $domain } の SPF レコードはこのサーバーを許可していません。
    }
    .help = { $case ->
        [provider] 既存の TXT レコードを次のように変更してください（2 つ目を追加しないでください）: { $record }
        [address] このサーバー自身がメールを送る場合は、既存の TXT レコードを次のように変更してください（2 つ目を追加しないでください）: { $record }
       *[other] ドメインの唯一の SPF レコードにこのサーバーを追加してください。
    }

domain-dmarc-missing = { $case ->
        [several] { $at } に DMARC レコードが複数あるため、受信側はすべて無視します。
       *[none] { $domain } には DMARC ポリシーがありません。
    }
    .help = { $case ->
        [several] { $at } の TXT レコードを 1 つだけにしてください。
       *[none] なくてもメールは届きますが、Gmail と Yahoo（2025 年 11 月から拒否）、Outlook.com（2025 年 5 月 5 日から 550 5.7.515）は大量送信者に DMARC を求めています。配信を変えずに始めるには、{ $name } に TXT レコードを公開してください: { $record }
    }

domain-dmarc-unaligned = { $case ->
        [provider] { $domain } は DMARC に失敗したメールを{ $policy ->
            [reject] 拒否する
           *[quarantine] 迷惑メールにする
        }よう受信側に求めていますが、{ $provider } から送ったメールは失敗します。{ $domain } の署名がなく、SPF も対象外だからです。
       *[other] { $domain } は DMARC に失敗したメールを{ $policy ->
            [reject] 拒否する
           *[quarantine] 迷惑メールにする
        }よう受信側に求めていますが、このサーバーから送ったメールは失敗します。
    }
    .help = { $case ->
        [provider] { $provider } の設定で { $domain } のドメイン認証を設定してください。公開すべき DKIM レコード（{ $name } など）が表示されます。ポリシーは { $at } に公開されています。
       *[other] サーバーに { $domain } の DKIM 鍵で署名させるか、ドメインの SPF レコードで許可してください。ポリシーは { $at } に公開されています。
    } Gmail、Yahoo、Outlook.com はすべての送信者に DMARC ポリシーを適用します。

domain-dkim-missing = { $case ->
        [revoked] { $provider } が { $domain } の署名に使う DKIM 鍵が失効しているか読み取れません（セレクター { $selectors }）。
       *[none] { $domain } は { $provider } 用の DKIM 鍵を公開していません（セレクター { $selectors }）。
    }
    .help = { $provider } の設定で { $domain } の DKIM を有効にし、表示されるレコード（{ $name } など）を公開してください。DKIM がないと SPF だけが頼りになり、Gmail と Yahoo は大量送信者に両方を求めています。

domain-dkim-weak-key = { $domain } のセレクター { $selector } の DKIM 鍵は { $bits } ビットしかありません。
    .help = 受信側は 2048 ビットの鍵を推奨しており、短い鍵を弱いとみなすところもあります。{ $provider } の設定で 2048 ビットの鍵を作成して公開してください。

domain-lookup-failed = { $case ->
        [spf] { $domain } の SPF レコードを確認できませんでした。DNS の問い合わせが完了しませんでした。
        [dmarc] { $domain } の DMARC ポリシーを確認できませんでした。DNS の問い合わせが完了しませんでした。
        [dkim] { $domain } の DKIM 鍵を確認できませんでした。DNS の問い合わせが完了しませんでした。
       *[other] { $domain } のレコードを確認できませんでした。
    }
    .help = これはお使いのレコードの問題を示すものではありません。ドメインの DNS サーバーか当方の DNS サーバーが時間内に応答しませんでした。しばらくしてからもう一度お試しください。

domain-ok = { $case ->
        [spf] { $domain } の SPF レコードはこのサーバーを許可しています{ $policy ->
            [none] {"。"}
           *[other] {""}。DMARC ポリシー（{ $policy }）にも合格します。
        }
        [dkim] { $domain } はこのプロバイダーが署名に使う DKIM 鍵を公開しています{ $policy ->
            [none] {"。"}
           *[other] {""}。DMARC ポリシー（{ $policy }）にも合格します。
        }
       *[records] { $domain } の SPF と DMARC のレコードは問題ありません。
    }
    .help = 受信側は、このサーバーが { $domain } のメールを送ってよいと確認できます。


arrival-ok = { $case ->
        [headers] { $receiver } がメッセージを確認し、{ $domain } の認証に問題は見つかりませんでした。
       *[other] テストメッセージは { $seconds } 秒後に届き、差出人はそのままで、{ $domain } の DKIM、SPF、DMARC に合格しました。
    }
    .help = Gmail などの受信側は、{ $domain } からの正当なメールとみなします。

arrival-not-arrived = サーバーはテストメッセージを受け付けましたが、{ $count ->
        [one] 1 秒
       *[other] { $count } 秒
    }以内に届きませんでした。
    .help = サーバーはキューに入れた後、保留、破棄、または差し戻しました。アカウントの送信済みアイテムと配信不能通知、プロバイダーの配信ログを確認してください。送信制限、未確認の送信者、ブロックされた宛先がよくある原因です。

probe-inbox-busy = サーバーはテストメッセージを受け付けましたが、{ $count ->
        [one] 1 秒
       *[other] { $count } 秒
    }以内に届きませんでした。その間、テストサービス自身の受信サーバーが接続を断っていました（同時接続が多すぎるため）。メッセージは後で再送されるよう求められただけかもしれません。
    .help = これはテストサービス側の問題で、設定の問題ではありません。変更は必要ありません。数分後にもう一度テストしてください。

arrival-from-rewritten = { $case ->
        [none] メッセージは差出人アドレスなしで届きました（設定: { $configured }）。
       *[other] メッセージは差出人 { $configured } ではなく { $seen } として届きました。
    }
    .help = このログインで使えない差出人は、プロバイダーが置き換えます。Gmail はログインのアドレスにします。{ $configured } をアカウントの送信元アドレスに追加する（Gmail:「名前」の「他のメールアドレスを追加」）か、ログインのアドレスから送ってください。

arrival-dkim-missing = メッセージは DKIM 署名なしで届きました。
    .help = メールプロバイダーでドメインの DKIM 署名を有効にし、表示される鍵を公開してください。Gmail と Yahoo はすべての送信者に SPF か DKIM を、大量送信者には両方を求めています。

arrival-dkim-fail = { $case ->
        [weak-key] { $domain } の DKIM 署名（セレクター { $selector }）の鍵は { $detail } ビットで、短すぎて有効とみなされません。
        [unnamed] { $domain } の DKIM 署名を検証できません: { $detail }。
       *[fail] { $domain } の DKIM 署名（セレクター { $selector }）を検証できません: { $detail }。
    }
    .help = { $case ->
        [weak-key] このセレクターに 2048 ビットの鍵を公開し、それで署名してください。
        [unnamed] サーバーが署名に使う鍵が、そのセレクターで { $domain } の DNS に公開されている鍵と同じか、署名後にメッセージを変更するものがないかを確認してください。
       *[fail] { $selector }._domainkey.{ $domain } に公開されている鍵がサーバーの署名に使う鍵と同じか、署名後にメッセージを変更するものがないかを確認してください。
    }

arrival-spf-fail = { $case ->
        [no-address] { $domain } の SPF が失敗しました。メッセージの送信元アドレスは SPF レコードで許可されていません。
       *[other] { $domain } の SPF が失敗しました。メッセージは SPF レコードで許可されていない { $address } から来ました。
    }
    .help = { $domain } の唯一の SPF レコードに、プロバイダーの include（またはこのアドレス）を追加してください。

arrival-dmarc-fail = { $case ->
        [no-policy] メッセージは { $domain } の DMARC に失敗しました。SPF も DKIM も差出人ドメインと一致しません。
       *[other] メッセージは { $domain } の DMARC に失敗しました（ポリシー { $policy }）。SPF も DKIM も差出人ドメインと一致しません。
    }
    .help = 受信側はこのメッセージに { $at } のポリシーを適用します。{ $domain } の DKIM 鍵で署名するか、SPF レコードで許可された { $domain } のエンベロープ送信者で送ってください。

## 修正ボタンの文言

fix-use-port = ポート { $port } を使う
fix-use-endpoint = ポート { $port } と { $security } を使う
fix-use-security = { $security } を使う
fix-use-host = { $host } を使う
fix-use-host-port = { $host } とポート { $port } を使う
fix-use-host-security = { $host } と { $security } を使う
fix-use-host-port-security = { $host }、ポート { $port }、{ $security } を使う
fix-use-from = { $from } を使う
fix-send-from = { $from } から送る
fix-send-as = { $from } として送る
fix-quote-name = 名前を引用符で囲む
fix-use-username = { $username } を使う
fix-move-address = アドレスを「ユーザー名」と「差出人」に移す
fix-auth-auto = ログイン方式を自動で選ぶ
fix-auth-xoauth2 = OAuth2（XOAUTH2）を使う
fix-auth-oauth2 = OAuth2 でサインインする
fix-auth-password = パスワードでログインする

## ラベル

security-tls = TLS/SSL
security-starttls = STARTTLS
security-none = 暗号化なし

field-host = SMTP サーバー
field-port = ポート
field-security = セキュリティ
field-username = ユーザー名
field-password = パスワード
field-from = 差出人アドレス
field-auth = ログイン方式
field-accessToken = アクセストークン
field-general = 全般

step-dns = サーバーを検索
step-connect = 接続
step-greeting = サーバーの挨拶
step-ehlo = 名乗る
step-tls = 暗号化（TLS）
step-auth = ログイン
step-sender = 差出人アドレスで送信できるか
step-send = テストメールを送信
step-domain = 送信ドメインを確認
step-arrival = テストメールは届いたか

## コマンドライン

cli-server = サーバー:
cli-fix = 修正:
cli-no-problems = 問題は見つかりませんでした。
cli-works = この設定で動作します。
cli-does-not-work = この設定ではまだ動作しません。

## ブラウザーの要素（ui-*）

ui-show = 表示
ui-hide = 隠す
ui-show-password = パスワードを表示
ui-hide-password = パスワードを隠す
ui-extra-checks = 追加の確認
ui-check-sender = 差出人アドレスで送信できるか確認する
ui-check-send = 差出人アドレスにテストメールを送る
ui-check-domain = 自分のドメインのメールが届くか確認する（SPF、DKIM、DMARC）
ui-check-arrival = テストサービスの受信箱にテストメールを送り、どう届くか確認する
ui-test = 接続をテスト
ui-test-wait = 接続をテスト（あと { $seconds } 秒）
ui-cancel = キャンセル
ui-steps = 接続の手順
ui-details = 技術的な詳細: 証明書、サーバー、やり取り
ui-transcript = サーバーとのやり取り（パスワードは除去済み）
ui-copy = サポート用にコピー
ui-copied = コピーしました。
ui-copy-select = 選択しました: Ctrl+C（⌘C）でコピーしてください。
ui-gate = まず接続をテストしてください。保存できるのは動作する設定だけです。
ui-load-failed = チェッカーを読み込めませんでした: { $reason }
ui-stale = 前回のテストから設定が変わりました。もう一度テストしてください。
ui-nothing-to-test = テスト対象がありません: for="…" でフォームを関連付けるか、config プロパティを設定してください。
ui-testing = { $host } をテストしています…
ui-testing-server = サーバーをテストしています…
ui-finished = テストが終わりました。{ $headline }
ui-cancelled = テストをキャンセルしました。
ui-test-failed = テストに失敗しました: { $reason }
ui-applied = 適用しました: { $fix }。確認のため、もう一度テストしてください。
ui-use-suggestion = 応答した設定を使う
ui-starting = 開始しています…
ui-finishing = 仕上げています…
ui-step-pass = 成功
ui-step-fail = 失敗
ui-step-warn = 成功（警告あり）
ui-step-skipped = スキップ
ui-step-running = 実行中
ui-headline-service = テストサービスに問題があり、設定はテストされていません
ui-headline-works = 動作します: この設定でメールを送信できます
ui-headline-works-warnings = 動作しますが、確認したい点があります
ui-headline-fails = この設定ではまだ動作しません
ui-headline-arrival = 接続は成功しましたが、このドメインのメールは届かない可能性があります。下の「メールは届きますか？」をご覧ください。
ui-arrive = メールは届きますか？
ui-arrive-publish = { $name } に公開:
ui-arrival-seen = 受信箱で確認した内容
ui-arrival-delay = 配信までの時間
ui-arrival-from = 表示された差出人
ui-arrival-dkim = DKIM
ui-arrival-spf = SPF
ui-arrival-tls = 受信箱への配信の暗号化
ui-arrival-plain = なし（平文、TLS 未使用）
ui-more-problems = ほかに { $count } 件の問題が下にあります
ui-suggestion-found = 応答する設定が見つかりました:
ui-suggestion-server = サーバー { $host }
ui-suggestion-port = ポート { $port }
ui-suggestion-apply = この設定を使って再テスト
ui-allowlist-title = メールサーバーが既知のアドレスしか受け付けない場合:
ui-allowlist-ask = 管理者に、このテストと当サービスのメールの送信元である次のアドレスを許可するよう依頼してください（{ $count } 件）:
ui-allowlist-unknown = 管理者に、当サービスの送信元アドレスを許可するよう依頼してください（運営者はここでは公開していません）。
ui-certificate = 証明書
ui-cert-covers = 対象
ui-cert-issuer = 発行者
ui-cert-valid-until = 有効期限
ui-cert-in-days = あと { $days } 日
ui-cert-days-ago = { $days } 日前
ui-cert-trusted = 信頼済み
ui-cert-protocol = プロトコル
ui-yes = はい
ui-no = いいえ
ui-server = サーバー
ui-login-methods = ログイン方式: { $methods }
ui-service-unreachable = { $origin } のテストサービスに接続できません。接続を確認するか、1 分後にもう一度試してください。
ui-service-status = テストサービスの応答は { $status } でした。
ui-service-rate-limited = お使いのアドレスからのテストが多すぎます。{ $seconds } 秒後にもう一度試してください。
ui-service-unauthorized = このページはテストサービスを使えません（キーがない、期限切れ、または誤っています）。
ui-service-busy = テストサービスが混み合っています。数秒後にもう一度試してください。
ui-service-stopped = テストが途中で止まりました。もう一度試してください。
ui-token-unreachable = このページのサーバーが応答しませんでした（トークン）。
ui-token-refused = このページのサーバーがテスト用トークンを発行しませんでした（{ $status }）。
ui-email = メールアドレス
ui-email-example = 例: you@example.com
ui-detect = 設定を検出
ui-detect-empty = まずメールアドレスを入力してください。
ui-detect-checking = 応答するか確認しています…
ui-detect-filled = { $provider }: { $host }、ポート { $port } を入力しました。
ui-detect-also = ほかに案内されている設定: { $endpoints }。
ui-detect-app-password = アプリ パスワードが必要です:
ui-detect-app-password-link = { $provider } で作成
ui-detect-looking = プロバイダーの設定（MX、autoconfig、SRV レコード、一般的な名前）を探し、応答するか確認しています…
ui-detect-sources = 各情報源の結果
ui-detect-not-checked = （ライブで確認できませんでした: { $reason }）
ui-detect-failed = プロバイダーを特定できませんでした: { $reason }
ui-detect-found = 見つかり、確認済みです: { $host }、ポート { $port }、{ $security }。
ui-detect-unreachable = テストサービスは今 { $host } に接続できませんでした。「接続をテスト」で詳しくわかります。
ui-detect-candidates = 見つかった設定（おすすめ順）
ui-detect-how = 見つけ方: { $count } 件の候補を { $ms } ミリ秒で確認
ui-use-these = この設定を使う
ui-source-provider = プロバイダー表
ui-source-mx = MX レコード
ui-source-autoconfig = autoconfig ファイル
ui-source-srv = SRV レコード
ui-source-guess = 推測
ui-connect = サインイン
ui-connect-with = { $provider } でサインイン
ui-connect-again = もう一度サインイン
ui-connect-waiting = 開いたウィンドウでサインインを完了してください。
ui-connect-signed-in = { $username } としてサインインしました。接続にはパスワードの代わりにこのサインインを使います。
ui-connect-popup-blocked = ブラウザーがサインイン用のウィンドウをブロックしました。このサイトのポップアップを許可してから、もう一度お試しください。
ui-connect-cancelled = サインインをキャンセルしました。
ui-connect-timeout = サインインに時間がかかりすぎました。もう一度お試しください。
ui-connect-failed = サインインできませんでした: { $reason }
ui-connect-apply = { $provider } のサインインを使う
ui-connect-expired = サインインの有効期限が切れました。テストや保存の前にもう一度サインインしてください。
ui-explain-label = すでに送信していますか？ アプリが記録したエラーを貼り付けてください
ui-explain-example = 例: Invalid login: 535-5.7.8 Username and Password not accepted
ui-explain = 説明する
ui-explain-empty = まずエラーを貼り付けてください。
ui-explain-working = エラーを読んでいます…
ui-explain-failed = エラーを説明できませんでした: { $reason }
ui-explain-library = { $library } の表現です。
ui-explain-receiver = 受信側 { $receiver } の判定です。
ui-explain-reply = サーバーの応答: { $reply }
ui-explain-truncated = （最初の 64 KB だけを読みました。）
ui-actor-it-admin = IT チーム向け
ui-actor-dns-admin = DNS 管理者向け
ui-actor-provider = メールプロバイダー側の問題
ui-actor-service = こちら側の問題です（設定の変更は不要）
ui-actor-customer = 設定を入力する方向け
ui-handoff-title = テストした SMTP 設定: { $target }
ui-handoff-certificate = 証明書: { $subject }（名前: { $names }）、発行者 { $issuer }、有効期間 { $from } 〜 { $until }。
ui-share-intro = アプリケーションをこのメールサーバーに接続しようとしている方が設定をテストしました。以下はあなたにしかできない手順です。それぞれに理由とサーバーの応答を記載しています。
ui-share-expires = このページは { $date } に削除されます。
ui-share-print = 印刷
ui-share-nothing = 管理者が行うことはありません。テストで見つかったのは、設定を入力する人の手順だけです。
ui-share-attested = テストサービスがこの結果に署名しました。アプリケーションのバックエンドで検証できます。
ui-share-server-said = サーバーの応答:
ui-share-button = IT チームに送る
ui-share-creating = リンクを作成しています…
ui-share-link = このリンクを知っている人は { $date } まで手順を読めます。
ui-share-copy = リンクをコピー
ui-share-copied = リンクをコピーしました
ui-share-email = メールで送る
ui-share-open = 印刷
ui-share-mail-subject = { $target } のメール設定: お願いしたい手順
ui-share-mail-text = 当社のアプリケーションは { $target } 経由でメールを送信できません。設定テストで、あなたにしかできない手順が見つかりました。このページに記載されています:
ui-share-gone = このリンクは期限切れか、削除されたか、存在しません。送信者に新しいリンクを依頼してください。
ui-share-unavailable = 共有リンクは現在利用できません。数分後にもう一度お試しください。
ui-share-delete = リンクを削除
ui-share-deleted = リンクを削除しました。もう何も開きません。
ui-share-failed = リンクを作成できませんでした: { $reason }

## 設定の検出（サービス側で生成）

discover-table-serves = { $provider } が { $domain } のアドレスを扱っています（内蔵の表）
discover-table-none = 内蔵の表にありません
discover-mx-is = MX { $host } は { $provider } のものです
discover-mx-unknown = MX { $hosts } は既知のプロバイダーのものではありません
discover-mx-none = { $domain } には MX レコードがありません
discover-mx-failed = { $domain } の MX 検索に失敗しました: { $error }
discover-autoconfig-lists = { $url } に { $host }:{ $port }（{ $security }）があります
discover-autoconfig-found = { $url }: 送信サーバー { $count } 件
discover-srv-not-offered = { $name }: 提供なし
discover-srv-detail = { $name } → { $host }:{ $port }（優先度 { $priority }、重み { $weight }）
discover-srv-none = { $domain } には _submissions._tcp / _submission._tcp レコードがありません
discover-guess-skipped = ほかの情報源がサーバーを示しました
discover-guessed = 推測: { $host }:{ $port }（{ $security }）
discover-guess-trying = 一般的な名前とポートを { $count } 通り試しています
discover-works = { $login ->
        [yes] { $host }:{ $port }（{ $security }）で動作し、ログインもできます。
        [untried] { $host }:{ $port }（{ $security }）で動作します（ログインは試していません: パスワードは { $domain } か既知のプロバイダーのサーバーにだけ、暗号化して送ります）。
       *[no] { $host }:{ $port }（{ $security }）で動作します。
    }
discover-none-answered = { $domain } のサーバー候補が { $count } 件見つかりましたが、どれも SMTP サーバーとして応答しませんでした。理由はそれぞれの横にあります。プロバイダーに SMTP 設定を問い合わせてください。
discover-nothing = { $domain } の SMTP サーバーは見つかりませんでした: プロバイダー表になく、MX は既知のプロバイダーを指さず、autoconfig ファイルも SRV レコードも公開されておらず、一般的な名前（smtp.、mail.、ドメイン自体）も 465・587・25 で応答しませんでした。プロバイダーに SMTP 設定を問い合わせてください。
discover-outage = テストサービスが DNS リゾルバーに接続できないため、何も検索できませんでした。ドメインや設定の問題ではありません。数分後にもう一度試してください。
discover-verified = 確認済み（{ $checks }）
discover-not-verified = 未確認
discover-not-verified-because = 未確認: { $reason } [{ $code }]
discover-not-tried = 未確認: 期限が先に来ました
discover-why = { $verification }。{ $security }。情報源: { $sources }

explain-not-recognised = { $case ->
        [library] { $library } の書き方だとわかりますが、原因は特定できません。
       *[other] このテキストから原因を特定できません。
    }
    .help = サーバーの応答（535 や 550 などの数字で始まる行）を含めてエラー全体を貼り付けるか、「接続をテスト」を実行してください。ライブテストが原因を自分で見つけます。
explain-several-causes = { $count ->
        [one] このテキストは複数の原因に当てはまります。
       *[other] このテキストは { $count } 個の原因に当てはまります（可能性の高い順）。
    }
    .help = テキストだけでは区別できません。同じ設定で「接続をテスト」すれば区別できます。
