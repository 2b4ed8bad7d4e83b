#!/usr/bin/env python3
"""Writes a benchmark mailbox: COUNT RFC 5322 messages as files, mostly 2–20 KB of text, about
2 % with a 0.2–2 MB base64 attachment (deterministic for a given --seed).

usage: make-mailbox.py --out DIR [--count 2000] [--seed 1] [--big-share 0.02]
       make-mailbox.py --out DIR --single-size BYTES   (one message of about BYTES)
"""
import argparse
import base64
import os
import random

WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut "
         "labore et dolore magna aliqua Angebot Rechnung Besprechung Termin Lieferung Bestellung "
         "invoice meeting report quarterly budget schedule review").split()


def text_lines(rng, size):
    out, n = [], 0
    while n < size:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        if rng.random() < 0.02:
            line = "." + line  # dot-stuffing on the wire
        out.append(line)
        n += len(line) + 1
    return "\n".join(out) + "\n"


def message(rng, i, body_size, attachment_size):
    boundary = f"=-=bench-{i}=-="
    head = (f"From: Sender {i % 37} <sender{i % 37}@example.net>\n"
            f"To: bob@kurier.test\n"
            f"Subject: Benchmark message {i}\n"
            f"Date: Sat, 28 Nov 2026 {i % 24:02d}:{i % 60:02d}:00 +0000\n"
            f"Message-ID: <bench-{i}@example.net>\n"
            f"MIME-Version: 1.0\n")
    if not attachment_size:
        return (head + "Content-Type: text/plain; charset=utf-8\n\n" + text_lines(rng, body_size)).encode()
    blob = rng.randbytes(attachment_size)
    b64 = base64.encodebytes(blob).decode()  # 76-column lines
    return (head + f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n'
            f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\n" + text_lines(rng, body_size) +
            f"--{boundary}\nContent-Type: application/octet-stream; name=\"data{i}.bin\"\n"
            f"Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"data{i}.bin\"\n\n" +
            b64 + f"--{boundary}--\n").encode()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--count", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--big-share", type=float, default=0.02)
    p.add_argument("--single-size", type=int, default=0)
    a = p.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    total = 0
    if a.single_size:
        data = message(rng, 0, 2000, a.single_size * 3 // 4)
        with open(os.path.join(a.out, "00000000.eml"), "wb") as f:
            f.write(data)
        print(f"1 message, {len(data)} bytes")
        return
    for i in range(1, a.count + 1):
        big = rng.random() < a.big_share
        data = message(rng, i, rng.randint(1500, 19000) if not big else 3000,
                       rng.randint(150_000, 1_500_000) if big else 0)
        total += len(data)
        with open(os.path.join(a.out, f"{i:08d}.eml"), "wb") as f:
            f.write(data)
    print(f"{a.count} messages, {total} bytes")


if __name__ == "__main__":
    main()
