#!/usr/bin/env python3
"""A real SMTP server on loopback for Tandem's SMTP client tests (aiosmtpd).

Usage: server.py --port PORT --dir DIR [--mode MODE] [--cert CERT --key KEY] [--user U --password P] [--until-killed]

Modes:
  plain        accepts everything, no TLS
  starttls     offers STARTTLS (needs --cert/--key) and requires it before MAIL
  tls          TLS from the first byte (needs --cert/--key)
  auth         plain connection, AUTH PLAIN/LOGIN required, accepts only --user/--password
  refuse       answers 550 to any recipient whose address starts with "refused"
  drop-data    closes the connection after the message text, without answering
  drop-greet   closes every connection before the greeting
  silent       accepts connections and never answers

Each accepted message is written to DIR/<n>.json: envelope sender and recipients, the raw message text and,
parsed by Python's email package (an independent decoder): subject, from, to, text and html parts, and the
header names. DIR/ready is written once the server listens.
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Recorder:
    def __init__(self, directory, mode):
        self.directory = directory
        self.mode = mode
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode == "refuse" and address.lower().startswith("refused"):
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.mode == "drop-data":
            server.transport.abort()
            return "421 dropped"
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        text = html = None
        for part in message.walk():
            if part.get_content_maintype() == "multipart":
                continue
            if part.get_content_type() == "text/plain" and text is None:
                text = part.get_content()
            elif part.get_content_type() == "text/html" and html is None:
                html = part.get_content()
        self.count += 1
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "raw": raw.decode("utf-8", "replace"),
            "subject": str(message["subject"]),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "content_type": message.get_content_type(),
            "header_names": list(message.keys()),
            "text": text,
            "html": html,
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": bool(session.authenticated),
        }
        path = os.path.join(self.directory, "%d.json" % self.count)
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(path + ".tmp", path)
        return "250 2.0.0 queued as %d" % self.count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--mode", default="plain")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--until-killed", action="store_true",
                        help="keep serving after standard input closes (a server started from a script, not a test)")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    # A test process may have SIGTERM blocked, and children inherit that; and the test's end closes our stdin.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])

    def exit_when_stdin_closes():
        sys.stdin.read()
        os._exit(0)

    if not args.until_killed:
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()

    if args.mode in ("drop-greet", "silent"):
        async def drop(reader, writer):
            if args.mode == "silent":
                await asyncio.sleep(3600)
            writer.transport.abort()

        async def serve():
            server = await asyncio.start_server(drop, "127.0.0.1", args.port)
            open(os.path.join(args.dir, "ready"), "w").close()
            async with server:
                await server.serve_forever()

        asyncio.run(serve())
        return

    context = None
    if args.mode in ("starttls", "tls"):
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
            and auth_data.password.decode() == args.password
        return AuthResult(success=ok, handled=False)

    kwargs = {}
    if args.mode == "starttls":
        kwargs.update(tls_context=context, require_starttls=True)
    if args.mode == "tls":
        kwargs.update(ssl_context=context)
    if args.mode == "auth":
        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)
    controller = Controller(Recorder(args.dir, args.mode), hostname="127.0.0.1", port=args.port, **kwargs)
    controller.start()
    open(os.path.join(args.dir, "ready"), "w").close()
    threading.Event().wait()  # until the test closes our standard input (or kills us)


if __name__ == "__main__":
    main()
