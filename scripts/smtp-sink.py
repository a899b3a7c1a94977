#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) that keeps what it receives, for tests and benchmarks.

Each accepted message is appended as one JSON line to MAILDIR/messages.jsonl:
  n           1, 2, 3, ... in order of arrival
  connection  which TCP connection carried it (1, 2, ...): equal numbers mean a reused connection
  peer        "host:port" of the client
  tls         true if the session had switched to TLS with STARTTLS (false with --implicit-tls)
  user        the AUTH login, or null
  mail_from, rcpt_tos, data   the envelope and the raw message (dot-stuffing already undone)
  parsed      what Python's email package makes of it: an independent decoder for tests to compare with
              (subject/from/to/reply_to/message_id decoded, text and html parts decoded, defects)

Test hooks, chosen by the recipient's local part:
  hangup@...    accepted, then the server closes the connection (as servers that cap messages per connection do)
  reject@...    RCPT answered "550 5.1.1" (permanent)
  tempfail@...  RCPT answered "451 4.3.0" (transient)

--count-only stores nothing but Message-IDs and, on SIGTERM/SIGINT, prints
  {"messages": N, "distinct_message_ids": D, "seconds": S, "per_second": R}.
--ready-file is written once listening, with "host:port" (useful with --port 0).
"""
import argparse
import asyncio
import email
import email.policy
import itertools
import json
import logging
import os
import signal
import ssl
import sys
import time
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_message(data: bytes) -> dict:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    parts = {}
    for part in msg.walk():
        if part.get_content_maintype() == "text" and part.get_content_type() not in parts:
            parts[part.get_content_type()] = part.get_content()
    return {
        "subject": str(msg["subject"] or ""),
        "from": str(msg["from"] or ""),
        "to": str(msg["to"] or ""),
        "reply_to": str(msg["reply-to"] or ""),
        "message_id": str(msg["message-id"] or ""),
        "text": parts.get("text/plain"),
        "html": parts.get("text/html"),
        "header_names": list(msg.keys()),
        "defects": [type(d).__name__ for d in msg.defects]
        + [type(d).__name__ for p in msg.walk() for d in p.defects],
    }


class Sink:
    def __init__(self, maildir, count_only):
        self.maildir = maildir
        self.count_only = count_only
        self.count = 0
        self.message_ids = set()
        self.first = None
        self.last = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local == "reject":
            return "550 5.1.1 Mailbox unavailable (sink test hook)"
        if local == "tempfail":
            return "451 4.3.0 Try again later (sink test hook)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        now = time.monotonic()
        self.first = self.first or now
        self.last = now
        self.count += 1
        if self.count_only:
            # Only the Message-ID, found without parsing, so the sink stays fast enough to measure against.
            head = envelope.content.split(b"\r\n\r\n", 1)[0]
            start = head.find(b"Message-ID:")
            if start >= 0:
                self.message_ids.add(head[start:head.find(b"\r\n", start) if head.find(b"\r\n", start) > 0 else None])
        else:
            record = {
                "n": self.count,
                "connection": getattr(server, "sink_connection", 0),
                "peer": "%s:%s" % tuple(session.peer[:2]) if session.peer else None,
                "tls": session.ssl is not None,
                "user": session.auth_data.decode() if isinstance(session.auth_data, bytes) else None,
                "mail_from": envelope.mail_from,
                "rcpt_tos": envelope.rcpt_tos,
                "data": envelope.content.decode("utf-8", errors="replace"),
                "parsed": parse_message(envelope.content),
            }
            # One write per line, flushed at once, so a reader never sees half a record.
            with open(os.path.join(self.maildir, "messages.jsonl"), "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")
        if any(r.split("@")[0].lower() == "hangup" for r in envelope.rcpt_tos):
            asyncio.get_running_loop().call_soon(server.transport.close)
        return "250 OK"


def make_authenticator(expected_user, expected_password):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == expected_user and auth_data.password == expected_password)
        # handled=False: let aiosmtpd send the 235/535 reply itself.
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)
    return authenticator


async def main(args):
    # AUTH without TLS is deliberate here (loopback only), and aiosmtpd's deprecation notes are not ours.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    tls_context = None
    if args.tls_cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(args.tls_cert, args.tls_key)
    auth = {}
    if args.auth:
        user, _, password = args.auth.partition(":")
        auth = dict(authenticator=make_authenticator(user.encode(), password.encode()),
                    auth_required=True, auth_require_tls=False)
    if not args.count_only:
        os.makedirs(args.maildir, exist_ok=True)
    sink = Sink(args.maildir, args.count_only)
    connections = itertools.count(1)

    def factory():
        protocol = SMTP(sink, hostname="porchlight-sink", tls_context=None if args.implicit_tls else tls_context,
                        data_size_limit=None, **auth)
        protocol.sink_connection = next(connections)
        return protocol

    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, host=args.host, port=args.port,
                                      ssl=tls_context if args.implicit_tls else None)
    host, port = server.sockets[0].getsockname()[:2]
    if args.ready_file:
        tmp = args.ready_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%s:%d\n" % (host, port))
        os.replace(tmp, args.ready_file)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    if args.count_only:
        seconds = (sink.last - sink.first) if sink.count > 1 else 0.0
        rate = (sink.count - 1) / seconds if seconds > 0 else 0.0
        print(json.dumps({"messages": sink.count, "distinct_message_ids": len(sink.message_ids),
                          "seconds": round(seconds, 3), "per_second": round(rate, 1)}), flush=True)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=2525, help="0 picks a free port (see --ready-file)")
    p.add_argument("--maildir", help="where messages.jsonl goes (required unless --count-only)")
    p.add_argument("--tls-cert", help="PEM certificate: offer STARTTLS")
    p.add_argument("--tls-key", help="PEM key for --tls-cert")
    p.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps) instead of STARTTLS")
    p.add_argument("--auth", metavar="USER:PASS", help="require AUTH PLAIN/LOGIN with these credentials")
    p.add_argument("--count-only", action="store_true", help="only count messages (benchmarks)")
    p.add_argument("--ready-file", help="written with host:port once listening")
    args = p.parse_args(argv)
    if not args.count_only and not args.maildir:
        p.error("--maildir is required unless --count-only")
    if args.implicit_tls and not args.tls_cert:
        p.error("--implicit-tls needs --tls-cert and --tls-key")
    if bool(args.tls_cert) != bool(args.tls_key):
        p.error("--tls-cert and --tls-key go together")
    return args


if __name__ == "__main__":
    asyncio.run(main(parse_args(sys.argv[1:])))
