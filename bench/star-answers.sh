#!/bin/sh
# Does a fresh star answer at once? Builds star N (one bridge, N ports; bench/labs.sh) with
# './nslab apply --no-check' and, the moment apply returns, pings across it once
# (s1 -> sN, 'ping -c1 -W2'); then destroys it and lets the kernel settle (see settle in
# common.sh). Prints each run's apply time and whether the ping answered, and how busy the CPUs
# were in softirq over the 2 s after apply returned. Inside a private user + network + mount namespace.
# Between runs it waits for the kernel to free the namespaces (no '+netns' kworker), and for idle
# CPUs as settle in common.sh does but for at most SETTLE seconds (default 20): on a machine
# shared with other work they may never be idle.
# usage: bench/star-answers.sh [N]  (RUNS=5; NSLAB=path of the launcher to measure, default ./nslab)
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=${1:-500}
runs=${RUNS:-5}
launcher=${NSLAB:-$root/nslab}

. "$here/common.sh"

if [ "${NSLAB_IN_SANDBOX:-}" != 1 ]; then
    "$launcher" --version >/dev/null
    in_sandbox "$0" "$@"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
sh "$here/labs.sh" star "$n" > "$work/lab.groovy"
far="10.100.$((n / 250)).$((n % 250 + 1))"
# softirq share of all CPU time over the next 2 s, in percent
softirq() {
    a=$(head -1 /proc/stat); sleep 2; b=$(head -1 /proc/stat)
    printf '%s\n%s\n' "$a" "$b" | awk 'NR == 1 { for (i = 2; i <= NF; i++) x[i] = $i }
        NR == 2 { t = 0; for (i = 2; i <= NF; i++) { d[i] = $i - x[i]; t += d[i] }; printf "%d\n", (t > 0 ? 100 * d[8] / t : 0) }'
}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; star $n, $runs runs, $launcher"
# settle, bounded
rest() {
    quiet=0 waited=0
    while [ $quiet -lt 3 ] && [ $waited -lt $((${SETTLE:-20} * 10)) ]; do
        if grep -qs '+netns' /proc/[0-9]*/comm || [ "$(busy_percent)" -ge 15 ]; then quiet=0; else quiet=$((quiet + 1)); fi
        waited=$((waited + 1))
    done
    while grep -qs '+netns' /proc/[0-9]*/comm; do sleep 0.1; done
}
answered=0 times=
rest
for r in $(seq "$runs"); do
    t0=$(now); NSLAB_TIMING=1 "$launcher" apply --no-check "$work/lab.groovy" >/dev/null 2>"$work/timing"; t1=$(now)
    ports=$(sed -n 's/^timing: bridge ports \([0-9]*\)ms/\1/p' "$work/timing")
    softirq > "$work/softirq" &
    if ip netns exec s1 ping -c1 -W2 "$far" >/dev/null 2>&1; then ok=answered; answered=$((answered + 1)); else ok="NO ANSWER"; fi
    wait; si=$(cat "$work/softirq")
    echo "run $r: apply $(ms $t0 $t1) ms${ports:+ (of which $ports ms waiting for the bridge ports)}, ping s1 -> s$n ($far) right after: $ok; softirq over the next 2 s: $si%"
    times="$times $(ms $t0 $t1)"
    "$launcher" destroy "$work/lab.groovy" >/dev/null
    rest
done
echo "answered $answered of $runs; apply median $(echo $times | median) ms"
