#!/usr/bin/env python3
"""A local SMTP server that accepts every mail and keeps nothing but a count, for bench/subscribers.sh.

Usage: smtp-sink.py PORT COUNT_FILE. Writes the number of mails received to COUNT_FILE every
half second. Python's smtpd (deprecated, still in 3.11) is what is there offline; it answers
one connection at a time, as a small mail relay would.
"""
import asyncore
import smtpd
import sys
import threading
import time
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)


class Sink(smtpd.SMTPServer):
    received = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        Sink.received += 1
        return None


def report(path):
    while True:
        with open(path, "w") as f:
            f.write(str(Sink.received))
        time.sleep(0.5)


if __name__ == "__main__":
    Sink(("127.0.0.1", int(sys.argv[1])), None, decode_data=False)
    threading.Thread(target=report, args=(sys.argv[2],), daemon=True).start()
    asyncore.loop()
