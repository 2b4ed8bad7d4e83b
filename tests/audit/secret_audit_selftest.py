#!/usr/bin/env python3
"""Self-test of scripts/secret-audit: the audit must find planted secrets (plain, inside a base64
SASL PLAIN and XOAUTH2 payload, URL-encoded, a JWT signature alone, a refresh-token fragment),
report FILE:LINE without printing the secret, pass on a clean directory, and refuse to pass
when no secrets were recorded (an audit that searched for nothing proves nothing).
Also end to end: a file a process writes and deletes below TMPDIR under the LD_PRELOAD helper,
and a secret on a command line seen by the ps sampler, are both found.
   secret_audit_selftest.py PATH/TO/secret-audit PATH/TO/libkurier_audit_preload.so"""
import base64
import os
import subprocess
import sys
import tempfile
import urllib.parse

audit = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print(f"FAIL: {what}")


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)


def run(d):
    r = subprocess.run([sys.executable, audit, "scan", d], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = r.stdout.decode()
    print(out)
    return r.returncode, out


password = "bob-Passw0rd-7f3a"
secret = "Kv8Q~test.secret_0a1b2c3d4e5f"
jwt = ("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + "eyJ1cG4iOiJhbGljZUBrdXJpZXIudGVzdCIsIm5vbmNlIjoiWjJ4In0"
       + ".c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2VuLXRoYXQtaXMtbG9uZy1lbm91Z2g")
refresh = "1.AQ2bJ3" + "x7Yk-9_Lm" * 30

with tempfile.TemporaryDirectory() as d:
    write(f"{d}/secrets/env-test", f"PASSWORD_USER=bob@kurier.test\nPASSWORD_USER_PASSWORD={password}\n"
                                   f"OAUTH_CONFIDENTIAL_CLIENT_SECRET={secret}\nOAUTH_BASE=https://127.0.0.2:1\n")
    write(f"{d}/secrets/oauth-test.tsv", f"access_token\t{jwt}\nrefresh_token\t{refresh}\n")
    write(f"{d}/logs/tst_x.1.log", "line one\nline two https://127.0.0.2:1\n")
    write(f"{d}/tmp/tst_x-abc/config/kurier/kurier.ini", "[Account-1]\nprefix=B\n")

    code, out = run(d)
    check(code == 0, "a clean directory passes")
    check("0 hits" in out, "a clean directory reports 0 hits")
    check("4 secrets" in out, "all four secrets were collected")

    plain = base64.b64encode(b"\0bob@kurier.test\0" + password.encode()).decode()
    xoauth2 = base64.b64encode(f"user=alice@kurier.test\x01auth=Bearer {jwt}\x01\x01".encode()).decode()
    write(f"{d}/logs/tst_x.1.log", f"third line password={password}\n", "a")
    write(f"{d}/removed/tst_x-abc/transcript.log.~5-0", f"C: AUTH PLAIN {plain}\n")
    write(f"{d}/servers/i/log/dovecot.log", f"a\nb\nauth: {xoauth2}\n")
    write(f"{d}/ps/cmdlines.txt", f"1\tcurl -d client_secret={urllib.parse.quote(secret, safe='').replace('~', '%7E')}\n")
    write(f"{d}/tmp/tst_x-abc/config/kurier/kurier.ini", f"sig={jwt.rsplit('.', 1)[1]}\n", "a")
    write(f"{d}/tmp/tst_x-abc/data/mail/new/1", f"X-Debug: {refresh[100:140]}\n")

    code, out = run(d)
    check(code == 1, "planted secrets fail the audit")
    for where in ("logs/tst_x.1.log:3: password (plain)",
                  "removed/tst_x-abc/transcript.log.~5-0:1: password (base64)",
                  "servers/i/log/dovecot.log:3: access_token (base64)",
                  "ps/cmdlines.txt:1: client_secret (url-encoded)",
                  "tmp/tst_x-abc/config/kurier/kurier.ini:3: access_token (JWT signature)",
                  "tmp/tst_x-abc/data/mail/new/1:1: refresh_token (fragment)"):
        check(where in out, f"reported: {where}")
    for s in (password, secret, jwt, refresh[100:140]):
        check(s not in out, "the report never prints a secret")

with tempfile.TemporaryDirectory() as d:
    write(f"{d}/logs/tst_x.1.log", "nothing\n")
    code, out = run(d)
    check(code == 1 and "would prove nothing" in out, "no recorded secrets fail the audit")

with tempfile.TemporaryDirectory() as d:
    write(f"{d}/secrets/oauth-t.tsv", f"password\t{password}\nclient_secret\t{secret}\n"
                                     f"access_token\t{jwt}\nrefresh_token\t{refresh}\n")
    write(f"{d}/logs/tst_y.2.log", "QWARN: Maximum amount of warnings exceeded. Use -maxwarnings to override.\n")
    code, out = run(d)
    check(code == 1 and "incomplete" in out, "a truncated QTest log fails the audit")

# End to end: the preload keeps a deleted file, the sampler sees a command line.
import importlib.machinery
import importlib.util
import time

preload = sys.argv[2]
loader = importlib.machinery.SourceFileLoader("secret_audit", audit)
spec = importlib.util.spec_from_loader("secret_audit", loader)
module = importlib.util.module_from_spec(spec)
loader.exec_module(module)
with tempfile.TemporaryDirectory() as d:
    for sub in ("tmp", "secrets", "ps", "logs"):
        os.makedirs(f"{d}/{sub}")
    write(f"{d}/secrets/oauth-t.tsv", f"password\t{password}\nclient_secret\t{secret}\n"
                                     f"access_token\t{jwt}\nrefresh_token\t{refresh}\n")
    env = dict(os.environ, KURIER_AUDIT_DIR=d, TMPDIR=f"{d}/tmp", LD_PRELOAD=preload, LEAK=password)
    r = subprocess.run(["sh", "-c", 'mkdir "$TMPDIR/t" && printf "pw=%s\\n" "$LEAK" > "$TMPDIR/t/cfg" '
                                    '&& rm -r "$TMPDIR/t"'], env=env)
    check(r.returncode == 0 and not os.path.exists(f"{d}/tmp/t"), "the preload leaves deletion working")
    sampler = module.PsSampler(f"{d}/ps", interval=0.02)
    sampler.start()
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(1.5)", f"--token={refresh}"])
    time.sleep(0.5)
    sampler.finish()
    child.kill()
    child.wait()
    check(sampler.samples > 5, "the sampler samples")
    code, out = run(d)
    check(code == 1, "leaks through the preload and the sampler fail the audit")
    check("removed/t/cfg.~" in out and ": password (plain)" in out, "the deleted file was kept and searched")
    check("ps/cmdlines.txt:" in out and "refresh_token (plain)" in out, "the command line was sampled and searched")

# The sampler notices a "kurierctl" that keeps core dumps on and shows KURIER_PASSWORD in its
# environment block (a copy of sleep under that name, started without any hardening).
import shutil
with tempfile.TemporaryDirectory() as d:
    fake = os.path.join(d, "kurierctl")
    shutil.copy("/bin/sleep", fake)
    sampler = module.PsSampler(os.path.join(d, "ps"), interval=0.05)
    sampler.start()
    child = subprocess.Popen(["sh", "-c", f'ulimit -c 1024 2>/dev/null; exec "{fake}" 3'],
                             env=dict(os.environ, KURIER_PASSWORD="x" * 12))
    time.sleep(1.2)
    sampler.finish()
    child.kill()
    child.wait()
    infos = [i for i in sampler.kurier.values() if i["exe"] == "kurierctl"]
    import resource
    if resource.getrlimit(resource.RLIMIT_CORE)[1] != 0:  # else no process can have core dumps
        check(any("late" in i for i in infos), "an unhardened kurierctl is flagged (core limit)")
    check(any("exposed" in i for i in infos), "a kurierctl showing KURIER_PASSWORD is flagged")

print("secret_audit_selftest:", "FAILED" if failures else "all checks passed")
sys.exit(1 if failures else 0)
