#!/usr/bin/env python3
"""Sends N small messages to an SMTP server over C persistent connections in parallel processes, to
measure how fast the sink itself can take mail (the ceiling Porchlight's sending is compared with)."""
import multiprocessing
import smtplib
import sys
import time

BODY = ("From: bench@example.com\r\nTo: sink@example.com\r\nSubject: blast\r\nMessage-ID: <{id}@blast>\r\n"
        "Content-Type: text/plain\r\n\r\n" + "A line of text for a message of about two kilobytes.\r\n" * 40)


def worker(args):
    host, port, start, count = args
    with smtplib.SMTP(host, port) as client:
        for n in range(start, start + count):
            client.sendmail("bench@example.com", ["sink@example.com"], BODY.format(id=n))


def main():
    host_port, total, connections = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    host, port = host_port.rsplit(":", 1)
    share = total // connections
    started = time.monotonic()
    with multiprocessing.Pool(connections) as pool:
        pool.map(worker, [(host, int(port), i * share, share) for i in range(connections)])
    print(f"{share * connections} messages in {time.monotonic() - started:.2f}s from the client's side")


if __name__ == "__main__":
    main()
