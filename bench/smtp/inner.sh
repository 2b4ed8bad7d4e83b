#!/bin/bash
# Runs inside tests/support/with-keyring (see run).
set -euo pipefail
. "$1"
work=$BENCH_WORK
k=$BENCH_KURIERCTL
n=$BENCH_MESSAGES
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$work/msgs"
unset QT_LOGGING_RULES

printf '%s\n' "$PASSWORD_USER_PASSWORD" | "$k" account add --prefix Bench --email "$PASSWORD_USER" \
    --pop3-host "$KURIER_TEST_HOST" --smtp-host "$KURIER_TEST_HOST" --smtp-port "$SMTP_SUBMISSION_PORT" \
    --smtp-security starttls --ca-file "$KURIER_TEST_CA" --password-stdin >/dev/null

cat > "$work/msmtprc" <<RC
defaults
tls on
tls_starttls on
tls_trust_file $KURIER_TEST_CA
logfile -
account bench
host $KURIER_TEST_HOST
port $SMTP_SUBMISSION_PORT
from $PASSWORD_USER
auth plain
user $PASSWORD_USER
password $PASSWORD_USER_PASSWORD
account default : bench
RC
chmod 600 "$work/msmtprc"

# 200 small messages (about 600 bytes), each to its own recipient mailbox per tool and round.
make_messages() { # tool round
    local dir="$work/msgs/$1-$2"
    mkdir -p "$dir"
    for i in $(seq -w 1 "$n"); do
        cat > "$dir/$i.eml" <<MSG
From: Bench <$PASSWORD_USER>
To: bench-$1-$2@$KURIER_TEST_MAIL_DOMAIN
Subject: Benchmark message $i
Message-ID: <bench-$1-$2-$i@kurier.test>
Date: $(date -R)
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello, this is message $i of the SMTP benchmark, round $2.
$(printf 'Line of filler text to make a small but realistic message body. %.0s\n' 1 2 3 4 5 6)
MSG
    done
}

now() { date +%s.%N; }
total_k=0
total_m=0
printf '%-6s %12s %12s %8s\n' round kurierctl msmtp ratio
for r in $(seq 1 "$BENCH_ROUNDS"); do
    make_messages k "$r"
    make_messages m "$r"
    run_k() {
        local t0 t1
        t0=$(now)
        "$k" send Bench --raw "$work/msgs/k-$r"/*.eml >"$work/k-$r.out" 2>&1 || { cat "$work/k-$r.out" >&2; exit 1; }
        t1=$(now)
        tk=$(awk "BEGIN { print $t1 - $t0 }")
    }
    run_m() {
        local t0 t1
        t0=$(now)
        for f in "$work/msgs/m-$r"/*.eml; do
            msmtp -C "$work/msmtprc" -t < "$f" >>"$work/m-$r.out" 2>&1 || { cat "$work/m-$r.out" >&2; exit 1; }
        done
        t1=$(now)
        tm=$(awk "BEGIN { print $t1 - $t0 }")
    }
    # Interleaved, alternating which goes first.
    if [ $((r % 2)) -eq 1 ]; then run_k; run_m; else run_m; run_k; fi
    sent=$(grep -c ': sent (' "$work/k-$r.out" || true)
    [ "$sent" -eq "$n" ] || { echo "kurierctl sent $sent of $n" >&2; exit 1; }
    total_k=$(awk "BEGIN { print $total_k + $tk }")
    total_m=$(awk "BEGIN { print $total_m + $tm }")
    printf '%-6s %11.3fs %11.3fs %8.3f\n' "$r" "$tk" "$tm" "$(awk "BEGIN { print $tk / $tm }")"
done
printf '%-6s %11.3fs %11.3fs %8.3f\n' total "$total_k" "$total_m" "$(awk "BEGIN { print $total_k / $total_m }")"

# Everything arrived (Postfix delivers asynchronously: give it a moment).
expected=$((n * BENCH_ROUNDS))
for tool in k m; do
    for i in $(seq 1 100); do
        got=$(cat "$MAILDIR_ROOT"/bench-$tool-*@"$KURIER_TEST_MAIL_DOMAIN"/Maildir/new/* 2>/dev/null | grep -c '^Subject: Benchmark message' || true)
        [ "$got" -ge "$expected" ] && break
        sleep 0.1
    done
    echo "delivered ($tool): $got of $expected"
done
