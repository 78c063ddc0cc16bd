"""aiosmtpd (PyPI) as a second real SMTP server for the probe's tests.

Listens on loopback: one port with STARTTLS (AUTH only after TLS), one with
implicit TLS. Accepts one login; refuses MAIL FROM addresses the login does
not own, as submission servers do. Prints READY when both listen and runs
until its stdin closes.
"""

import argparse
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--starttls-port", type=int, required=True)
    p.add_argument("--tls-port", type=int, required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--host", default="127.0.0.1")
    # Mechanisms not offered (a monitor test withdraws PLAIN).
    p.add_argument("--auth-exclude", default="CRAM-MD5")
    a = p.parse_args()

    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(a.cert, a.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == a.user
            and auth_data.password.decode() == a.password
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    class Handler:
        async def handle_MAIL(self, server, session, envelope, address, mail_options):
            auth = getattr(session, "auth_data", None)
            login = auth.login.decode() if isinstance(auth, LoginPassword) else None
            if login is not None and address.lower() != login.lower():
                return f"553 5.7.1 <{address}>: Sender address rejected: not owned by user {login}"
            envelope.mail_from = address
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            return "250 2.0.0 Ok: queued as AIO4242XYZ"

    common = dict(hostname=a.host, authenticator=authenticator, auth_exclude_mechanism=a.auth_exclude.split(","))
    starttls = Controller(Handler(), port=a.starttls_port, tls_context=ctx, require_starttls=False,
                          auth_require_tls=True, **common)
    implicit = Controller(Handler(), port=a.tls_port, ssl_context=ctx, auth_require_tls=False, **common)
    starttls.start()
    implicit.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        starttls.stop()
        implicit.stop()


if __name__ == "__main__":
    main()
