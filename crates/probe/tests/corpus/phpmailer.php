<?php
// Sends one message with PHPMailer (Debian's libphp-phpmailer) as an app
// would, and prints `$mail->ErrorInfo` as an app's log shows it; with
// SMTP_DEBUG=1 first the dialogue and connection errors PHPMailer's SMTPDebug = 3 prints (what a
// developer pastes). Settings come from SMTP_* variables (see
// crates/probe/tests/explain_corpus.rs).
require "/usr/share/php/libphp-phpmailer/autoload.php";

use PHPMailer\PHPMailer\PHPMailer;

$env = getenv();
$mail = new PHPMailer(true);
$mail->isSMTP();
$mail->Host = $env["SMTP_HOST"];
$mail->Port = (int) $env["SMTP_PORT"];
$mail->Timeout = 4;
if (($env["SMTP_DEBUG"] ?? "") === "1") {
    $mail->SMTPDebug = 3;
    $mail->Debugoutput = "echo";
}
$mail->SMTPSecure = ["tls" => PHPMailer::ENCRYPTION_SMTPS, "starttls" => PHPMailer::ENCRYPTION_STARTTLS][$env["SMTP_SECURITY"]] ?? "";
$mail->SMTPAutoTLS = false;
if (($env["SMTP_USER"] ?? "") !== "") {
    $mail->SMTPAuth = true;
    $mail->Username = $env["SMTP_USER"];
    $mail->Password = $env["SMTP_PASS"];
}
if (($env["SMTP_CA"] ?? "") !== "") {
    $mail->SMTPOptions = ["ssl" => ["cafile" => $env["SMTP_CA"], "verify_peer" => true, "verify_peer_name" => true]];
}
$mail->setFrom($env["SMTP_FROM"]);
$mail->addAddress($env["SMTP_TO"]);
$mail->Subject = "corpus";
$mail->Body = "corpus";
try {
    $mail->send();
    echo "OK\n";
} catch (Exception $e) {
    echo $mail->ErrorInfo, "\n";
}
