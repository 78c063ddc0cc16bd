"""Sends one message with Python's smtplib as an app would, and prints the
last line of the traceback an app's log shows (`type: message`).
Settings come from SMTP_* variables (see crates/probe/tests/explain_corpus.rs)."""
import os
import smtplib
import ssl
import traceback
from email.message import EmailMessage

env = os.environ
context = ssl.create_default_context(cafile=env.get("SMTP_CA") or None)
msg = EmailMessage()
msg["From"], msg["To"], msg["Subject"] = env["SMTP_FROM"], env["SMTP_TO"], "corpus"
msg.set_content("corpus")
host, port, security = env["SMTP_HOST"], int(env["SMTP_PORT"]), env["SMTP_SECURITY"]
try:
    if security == "tls":
        smtp = smtplib.SMTP_SSL(host, port, timeout=4, context=context)
    else:
        smtp = smtplib.SMTP(host, port, timeout=4)
        if security == "starttls":
            smtp.starttls(context=context)
    with smtp:
        if env.get("SMTP_USER"):
            smtp.login(env["SMTP_USER"], env["SMTP_PASS"])
        smtp.send_message(msg)
    print("OK")
except Exception as e:  # what the app's log shows
    print("".join(traceback.format_exception_only(type(e), e)).strip())
