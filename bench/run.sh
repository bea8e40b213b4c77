#!/bin/sh
# nslab benchmark: builds and destroys chain and star labs of N = 50, 200, 500 namespaces three
# ways, inside a private user + network + mount namespace (nothing touches this machine):
#   nslab    ./nslab apply --no-check / ./nslab destroy (whole program: JVM start, script, plan, journal)
#   plain    the printed plan run with sh: one process per command; destroy: one 'ip netns del' each
#   batched  by hand: 'ip -batch' for the root namespace plus one 'ip -n NS -batch' per namespace;
#            destroy: one 'ip -batch' of 'netns del' lines
# Prints the median of REPS runs of each and the ratios.  usage: bench/run.sh [N...]  (REPS=3)
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
sizes=${*:-50 200 500}
reps=${REPS:-3}

if [ "${NSLAB_IN_SANDBOX:-}" != 1 ]; then
    # build the jar outside the sandbox (the launcher builds when stale)
    "$root/nslab" --version >/dev/null
    exec unshare --user --map-root-user --net --mount --propagation private \
        sh -c 'mount -t tmpfs bench-run /run && ip link set dev lo up && NSLAB_IN_SANDBOX=1 exec sh "$0" "$@"' "$0" $sizes
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the launcher, as a user runs it (with its class-data-sharing archive), already inside this sandbox
nslab() { "$root/nslab" "$@"; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
clean() { # the sandbox must be empty between runs
    [ -z "$(ip netns list)" ] || { echo "bench: namespaces left behind" >&2; ip -all netns del; }
    # The kernel frees a deleted namespace's devices later, in the background; let it finish
    # (untimed) so that the next build does not pay for the previous destroy.
    sleep $(( n / 200 + 1 ))
}

printf '%-6s %5s  %-7s %9s %9s %9s %9s  %13s %14s %12s\n' topo N phase nslab engine plain batched nslab/batched engine/batched plain/nslab
for n in $sizes; do
    for topo in chain star; do
        d="$work/$topo$n"; mkdir -p "$d"
        sh "$here/labs.sh" $topo $n > "$d/lab.groovy"
        nslab plan "$d/lab.groovy" > "$d/plan.sh"
        grep -E '^(ip|sysctl|iptables|tc) ' "$d/plan.sh" > "$d/commands.txt"
        awk -v dir="$d" -f "$here/handbatch.awk" "$d/commands.txt"
        awk '/^ip netns add / { print "ip netns del " $4 }' "$d/commands.txt" > "$d/plain-destroy.sh"
        awk '/^ip netns add / { print "netns del " $4 }' "$d/commands.txt" > "$d/destroy.batch"
        na=; pa=; ba=; nd=; pd=; bd=; ea=; ed=
        for r in $(seq "$reps"); do
            t0=$(now); NSLAB_TIMING=1 nslab apply --no-check "$d/lab.groovy" >/dev/null 2>"$d/timing"; t1=$(now)
            NSLAB_TIMING=1 nslab destroy "$d/lab.groovy" >/dev/null 2>>"$d/timing"; t2=$(now); clean
            na="$na $(ms $t0 $t1)"; nd="$nd $(ms $t1 $t2)"
            # the engine's own part: without JVM start-up and compiling the script
            ea="$ea $(sed -n 's/.*apply \([0-9]*\)ms.*/\1/p' "$d/timing")"
            ed="$ed $(sed -n 's/.*destroy \([0-9]*\)ms.*/\1/p' "$d/timing")"
            # one process per command is slow: at N >= 500 it runs once (PLAIN_REPS) to keep the bench short
            if [ "$r" -le "$reps" ] && { [ "$n" -lt 500 ] || [ "$r" -le "${PLAIN_REPS:-1}" ]; }; then
                t0=$(now); sh -e "$d/plan.sh" >/dev/null; t1=$(now)
                sh -e "$d/plain-destroy.sh"; t2=$(now); clean
                pa="$pa $(ms $t0 $t1)"; pd="$pd $(ms $t1 $t2)"
            fi
            t0=$(now); sh -e "$d/run.sh"; t1=$(now)
            ip -batch "$d/destroy.batch"; t2=$(now); clean
            ba="$ba $(ms $t0 $t1)"; bd="$bd $(ms $t1 $t2)"
        done
        for phase in apply destroy; do
            if [ $phase = apply ]; then a=$(echo $na | median); e=$(echo $ea | median); p=$(echo $pa | median); b=$(echo $ba | median)
            else a=$(echo $nd | median); e=$(echo $ed | median); p=$(echo $pd | median); b=$(echo $bd | median); fi
            printf '%-6s %5s  %-7s %7sms %7sms %7sms %7sms  %12sx %13sx %11sx\n' $topo $n $phase $a $e $p $b \
                "$(awk -v a=$a -v b=$b 'BEGIN { printf "%.2f", a / b }')" "$(awk -v a=$e -v b=$b 'BEGIN { printf "%.2f", a / b }')" \
                "$(awk -v a=$a -v p=$p 'BEGIN { printf "%.2f", p / a }')"
        done
    done
done
echo "(medians of $reps runs (plain: ${PLAIN_REPS:-1} at N >= 500), wall clock; nslab = the whole ./nslab command: JVM start, compiling the script, planning,"
echo " journal, the kernel work; engine = nslab's apply/destroy part alone, as the console pays it;"
echo " targets at N=500: nslab/batched <= 1.5, plain/nslab >= 3)"
