#!/usr/bin/env python3
"""Small helpers for tests/servers/up (standard library only).

  helper.py render TEMPLATE OUT …     replace @NAME@ by the environment variable NAME
  helper.py pick-ports HOST N          print N distinct free TCP ports on HOST
  helper.py wait HOST CA SECONDS SPEC… wait until every server greets; SPEC is KIND:PORT with
                                       KIND one of pop3-stls pop3s lmtp smtp-starttls smtps https
"""

import os
import re
import socket
import ssl
import sys
import time


def render(template, out):
    with open(template, encoding="utf-8") as f:
        text = f.read()

    def value(m):
        name = m.group(1)
        if name not in os.environ:
            sys.exit(f"render {template}: variable {name} is not set")
        return os.environ[name]

    text = re.sub(r"@([A-Z][A-Z0-9_]*)@", value, text)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, out)


def pick_ports(host, count):
    # Bind them all at once so that they are distinct; the caller holds a lock against
    # parallel runs until its servers listen, and retries if a server still cannot bind.
    socks = []
    try:
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind((host, 0))
            socks.append(s)
        print(" ".join(str(s.getsockname()[1]) for s in socks))
    finally:
        for s in socks:
            s.close()


class NotYet(Exception):
    pass


def read_line(f):
    line = f.readline(65536)
    if not line:
        raise NotYet("connection closed")
    return line.decode("utf-8", "replace").rstrip("\r\n")


def smtp_reply(f):
    while True:
        line = read_line(f)
        if len(line) < 4 or line[3] != "-":
            return line


def check(kind, host, port, ctx):
    raw = socket.create_connection((host, port), timeout=3)
    try:
        if kind in ("pop3s", "smtps", "https"):
            sock = ctx.wrap_socket(raw, server_hostname=host)
        else:
            sock = raw
        f = sock.makefile("rwb")
        if kind == "https":
            f.write(f"GET /health HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
            f.flush()
            status = read_line(f)
            if " 200 " not in status:
                raise NotYet(status)
            return status
        if kind in ("pop3-stls", "pop3s"):
            greeting = read_line(f)
            if not greeting.startswith("+OK"):
                raise NotYet(greeting)
            if kind == "pop3-stls":
                f.write(b"STLS\r\n")
                f.flush()
                answer = read_line(f)
                if not answer.startswith("+OK"):
                    raise NotYet(answer)
                sock = ctx.wrap_socket(raw, server_hostname=host)
                f = sock.makefile("rwb")
            f.write(b"QUIT\r\n")
            f.flush()
            return greeting
        greeting = smtp_reply(f)
        if not greeting.startswith("220"):
            raise NotYet(greeting)
        verb = b"LHLO" if kind == "lmtp" else b"EHLO"
        f.write(verb + b" up.kurier.test\r\n")
        f.flush()
        smtp_reply(f)
        if kind == "smtp-starttls":
            f.write(b"STARTTLS\r\n")
            f.flush()
            answer = smtp_reply(f)
            if not answer.startswith("220"):
                raise NotYet(answer)
            sock = ctx.wrap_socket(raw, server_hostname=host)
            f = sock.makefile("rwb")
        f.write(b"QUIT\r\n")
        f.flush()
        return greeting
    finally:
        raw.close()


def wait(host, ca, seconds, specs):
    ctx = ssl.create_default_context(cafile=ca)
    deadline = time.monotonic() + float(seconds)
    pending = [s.split(":") for s in specs]
    last_error = {}
    while pending:
        still = []
        for kind, port in pending:
            try:
                greeting = check(kind, host, int(port), ctx)
                print(f"{kind} {host}:{port} {greeting}", flush=True)
            except (OSError, NotYet) as e:
                last_error[(kind, port)] = str(e)
                still.append((kind, port))
        pending = still
        if pending:
            if time.monotonic() > deadline:
                for kind, port in pending:
                    print(f"{kind} {host}:{port} did not greet: {last_error[(kind, port)]}", file=sys.stderr)
                sys.exit(1)
            time.sleep(0.05)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "render" and len(args) >= 2 and len(args) % 2 == 0:
        for i in range(0, len(args), 2):
            render(args[i], args[i + 1])
    elif cmd == "pick-ports" and len(args) == 2:
        pick_ports(args[0], int(args[1]))
    elif cmd == "wait" and len(args) >= 4:
        wait(args[0], args[1], args[2], args[3:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
