#!/bin/sh
# nslab benchmark: builds and destroys chain and star labs of N = 500, 1000, 2000 namespaces,
# inside a private user + network + mount namespace (nothing touches this machine):
#   nslab     ./nslab apply --no-check / ./nslab destroy on the netlink executor (the whole program:
#             JVM start, script, plan, journal, the kernel work)
#   nslab-ip  the same with --executor ip (one 'ip -n NS -batch' process per namespace)
#   batched   by hand: 'ip -batch' for the root namespace plus one 'ip -n NS -batch' per namespace;
#             destroy: one 'ip -batch' of 'netns del' lines
#   plain     destroy only: one 'ip netns del' per namespace (and, for N <= PLAIN_MAX, the build by
#             the printed plan run with sh, one process per command)
# Before every timed run the kernel has finished freeing the namespaces of the previous one (see
# settle). Prints the median of REPS runs of each, the ratios, and nslab's cost per namespace.
# usage: bench/run.sh [N...]  (REPS=3, PLAIN_MAX=500; WITH_IP=0 leaves out the nslab-ip column;
#        TOPOS="chain star")
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
sizes=${*:-500 1000 2000}
reps=${REPS:-3}
plain_max=${PLAIN_MAX:-500}
with_ip=${WITH_IP:-1}
topos=${TOPOS:-chain star}

. "$here/common.sh"

if [ "${NSLAB_IN_SANDBOX:-}" != 1 ]; then
    # build the jar outside the sandbox (the launcher builds when stale)
    "$root/nslab" --version >/dev/null
    in_sandbox "$0" $sizes
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the launcher, as a user runs it (with its class-data-sharing archive), already inside this sandbox
nslab() { "$root/nslab" "$@"; }
# after a destroy: nothing may be left, and the kernel must have freed it all
clean() {
    [ -z "$(ip netns list)" ] || { echo "bench: namespaces left behind" >&2; ip -all netns del; }
    settle
}
ratio() { awk -v a=$1 -v b=$2 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
printf '%-6s %5s  %-7s %9s %9s %9s %9s %9s  %13s %14s %11s %10s\n' topo N phase nslab engine nslab-ip batched plain \
    nslab/batched engine/batched plain/nslab us/ns
for n in $sizes; do
    for topo in $topos; do
        d="$work/$topo$n"; mkdir -p "$d"
        sh "$here/labs.sh" $topo $n > "$d/lab.groovy"
        nslab plan "$d/lab.groovy" > "$d/plan.sh"
        grep -E '^(ip|sysctl|iptables|tc) ' "$d/plan.sh" > "$d/commands.txt"
        awk -v dir="$d" -f "$here/handbatch.awk" "$d/commands.txt"
        awk '/^ip netns add / { print "ip netns del " $4 }' "$d/commands.txt" > "$d/plain-destroy.sh"
        awk '/^ip netns add / { print "netns del " $4 }' "$d/commands.txt" > "$d/destroy.batch"
        na=; ia=; pa=; ba=; nd=; id=; pd=; bd=; ea=; ed=
        clean
        for r in $(seq "$reps"); do
            t0=$(now); NSLAB_TIMING=1 nslab apply --executor netlink --no-check "$d/lab.groovy" >/dev/null 2>"$d/timing" || { cat "$d/timing" >&2; exit 1; }; t1=$(now); settle
            t2=$(now); NSLAB_TIMING=1 nslab destroy --executor netlink "$d/lab.groovy" >/dev/null 2>>"$d/timing"; t3=$(now); clean
            na="$na $(ms $t0 $t1)"; nd="$nd $(ms $t2 $t3)"
            # the engine's own part: without JVM start-up and compiling the script
            ea="$ea $(sed -n 's/.*apply \([0-9]*\)ms.*/\1/p' "$d/timing")"
            ed="$ed $(sed -n 's/.*destroy \([0-9]*\)ms.*/\1/p' "$d/timing")"
            if [ "$with_ip" = 1 ]; then
                t0=$(now); nslab apply --executor ip --no-check "$d/lab.groovy" >/dev/null; t1=$(now); settle
                t2=$(now); nslab destroy --executor ip "$d/lab.groovy" >/dev/null; t3=$(now); clean
                ia="$ia $(ms $t0 $t1)"; id="$id $(ms $t2 $t3)"
            fi
            t0=$(now); sh -e "$d/run.sh"; t1=$(now); settle
            t2=$(now); ip -batch "$d/destroy.batch"; t3=$(now); clean
            ba="$ba $(ms $t0 $t1)"; bd="$bd $(ms $t2 $t3)"
            # one process per command: once (the first repetition), and the build only up to PLAIN_MAX
            if [ "$r" = 1 ]; then
                if [ "$n" -le "$plain_max" ]; then
                    t0=$(now); sh -e "$d/plan.sh" >/dev/null; t1=$(now); settle; pa="$(ms $t0 $t1)"
                else
                    sh -e "$d/run.sh"; settle
                fi
                t2=$(now); sh -e "$d/plain-destroy.sh"; t3=$(now); clean
                pd="$(ms $t2 $t3)"
            fi
        done
        for phase in apply destroy; do
            if [ $phase = apply ]; then a=$(echo $na | median); e=$(echo $ea | median); i=$(echo $ia | median); i=${i:--}; p=${pa:--}; b=$(echo $ba | median)
            else a=$(echo $nd | median); e=$(echo $ed | median); i=$(echo $id | median); i=${i:--}; p=$pd; b=$(echo $bd | median); fi
            printf '%-6s %5s  %-7s %7sms %7sms %7sms %7sms %7sms  %12sx %13sx %10sx %10s\n' $topo $n $phase $a $e $i $b $p \
                "$(ratio $a $b)" "$(ratio $e $b)" "$(ratio $p $a)" "$(awk -v a=$a -v n=$n 'BEGIN { printf "%d", a * 1000 / n }')"
        done
    done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(medians of $reps runs (plain: one); wall clock, each run after the kernel finished freeing the last one's"
echo " namespaces; nslab = the whole ./nslab command; engine = its apply/destroy part alone, as the console"
echo " pays it; us/ns = nslab's microseconds per namespace. Targets: nslab/batched <= 0.6 for apply,"
echo " us/ns at 2000 within 1.3x of that at 500, plain/nslab >= 3 for destroy)"
