#!/bin/sh
# The destroy figure alone, side by side: the whole './nslab destroy LAB.groovy' (JVM start, journal,
# identity checks, the kernel work, the end-state check) against one 'ip netns del' per namespace,
# on the same lab built the same way (by nslab, so that it has a journal), inside a private user +
# network + mount namespace. Prints the median of REPS runs.  usage: bench/destroy.sh [N] (REPS=3)
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=${1:-500}
reps=${REPS:-3}

. "$here/common.sh"

if [ "${NSLAB_IN_SANDBOX:-}" != 1 ]; then
    "$root/nslab" --version >/dev/null # build the jar outside the sandbox (the launcher builds when stale)
    in_sandbox "$0" "$n"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
nslab() { "$root/nslab" "$@"; }
# after a destroy: nothing may be left, and the kernel must have freed it all
clean() { [ -z "$(ip netns list)" ] || { echo "bench: namespaces left behind" >&2; exit 1; }; settle; }

printf '%-6s %5s  %13s %13s %12s\n' topo N 'nslab destroy' 'ip netns del' plain/nslab
settle
for topo in chain star; do
    sh "$here/labs.sh" $topo "$n" > "$work/lab.groovy"
    nd=; pd=
    for r in $(seq "$reps"); do
        nslab apply --no-check "$work/lab.groovy" >/dev/null; settle
        t0=$(now); nslab destroy "$work/lab.groovy" >/dev/null; t1=$(now); clean
        nd="$nd $(ms $t0 $t1)"
        nslab apply --no-check "$work/lab.groovy" >/dev/null
        rm -f /run/nslab/*.journal # the namespaces are now removed by hand, one process each
        ip netns list | cut -d' ' -f1 > "$work/names"; settle
        t0=$(now); while read -r ns; do ip netns del "$ns"; done < "$work/names"; t1=$(now); clean
        pd="$pd $(ms $t0 $t1)"
    done
    a=$(echo $nd | median); p=$(echo $pd | median)
    printf '%-6s %5s  %11sms %11sms %11sx\n' $topo "$n" "$a" "$p" "$(awk -v a=$a -v p=$p 'BEGIN { printf "%.2f", p / a }')"
done
echo "(medians of $reps runs, wall clock; target at N=500: plain/nslab >= 3)"
