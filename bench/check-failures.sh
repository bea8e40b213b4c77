#!/bin/sh
# How long check and trace take to answer, failing and passing: server-gateway-client as it is
# (passing), without its 'forward true' (the gateway drops what it should forward), and with
# client's gateway mistyped (10.0.100.253: nobody answers ARP for it). Each lab is applied
# (--no-check), then './nslab check LAB' and './nslab trace LAB client server' are timed
# (the whole command: JVM start, script, pings, traces), REPS times each; medians printed.
# Inside a private user + network + mount namespace. Target: failing ones within 2 s.
# usage: bench/check-failures.sh  (REPS=3)
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
reps=${REPS:-3}

. "$here/common.sh"

if [ "${NSLAB_IN_SANDBOX:-}" != 1 ]; then
    "$root/nslab" --version >/dev/null
    in_sandbox "$0" "$@"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
example="$root/examples/server-gateway-client.groovy"
sed "s/^lab .*/lab 'passing'/" "$example" > "$work/passing.groovy"
sed "s/^lab .*/lab 'no-forward'/; /forward true/d" "$example" > "$work/no-forward.groovy"
sed "s/^lab .*/lab 'wrong-gateway'/; s/gateway '10.0.100.254'/gateway '10.0.100.253'/" "$example" > "$work/wrong-gateway.groovy"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $reps runs each"
printf '%-14s %-9s %10s %10s\n' lab expect check trace
for lab in passing no-forward wrong-gateway; do
    f="$work/$lab.groovy"
    "$root/nslab" apply --no-check "$f" >/dev/null
    c= t= cx= tx=
    for r in $(seq "$reps"); do
        t0=$(now); "$root/nslab" check "$f" >"$work/out" 2>&1 && cx=0 || cx=$?; t1=$(now)
        t2=$(now); "$root/nslab" trace "$f" client server >"$work/trace" 2>&1 && tx=0 || tx=$?; t3=$(now)
        c="$c $(ms $t0 $t1)"; t="$t $(ms $t2 $t3)"
    done
    printf '%-14s %-9s %8sms %8sms   (exit %s, %s)\n' $lab "$([ $cx = 0 ] && echo holds || echo fails)" \
        "$(echo $c | median)" "$(echo $t | median)" $cx $tx
    grep -E '^  client -> server' "$work/out" | head -1 | cut -c1-110
    "$root/nslab" destroy "$f" >/dev/null
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(medians of $reps runs; wall clock of the whole command. A JVM start alone is about 0.3-0.4 s of each)"
