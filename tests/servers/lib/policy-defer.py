#!/usr/bin/env python3
"""Postfix policy service of the test mail system (SMTPD_POLICY_README; spawned by master.cf).

A recipient whose local part starts with "defer<N>-" is refused with
"451 4.3.0 … try again later" the first N times it is offered, then accepted: a server that
defers and later takes the message, for tests of the Outbox's retry timer. Counted per address
in STATE_DIR (several smtpd processes may ask at once), so a test uses an address of its own.
Every other recipient: DUNNO (the next restriction decides). Standard library only.

usage: policy-defer.py STATE_DIR
"""

import fcntl
import os
import re
import sys

DEFER = re.compile(r"^defer(\d+)-", re.IGNORECASE)


def offered(state_dir, address):
    """How often `address` has been offered, this time included."""
    name = re.sub(r"[^a-z0-9@._-]", "_", address.lower())
    fd = os.open(os.path.join(state_dir, name), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        count = int(os.read(fd, 32) or b"0") + 1
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, str(count).encode())
        return count
    finally:
        os.close(fd)


def decide(state_dir, attributes):
    recipient = attributes.get("recipient", "")
    m = DEFER.match(recipient)
    if not m or attributes.get("protocol_state", "").upper() != "RCPT":
        return "DUNNO"
    if offered(state_dir, recipient) <= int(m.group(1)):
        return "451 4.3.0 Temporarily unable to accept this recipient, try again later (Kurier test policy)"
    return "DUNNO"


def main():
    state_dir = sys.argv[1]
    attributes = {}
    # One request per block of name=value lines, ended by an empty line; the answer is one
    # action=… line and an empty line. smtpd keeps the connection for further requests.
    for line in sys.stdin:
        line = line.rstrip("\r\n")
        if line:
            name, _, value = line.partition("=")
            attributes[name] = value
            continue
        sys.stdout.write("action=%s\n\n" % decide(state_dir, attributes))
        sys.stdout.flush()
        attributes = {}


if __name__ == "__main__":
    main()
