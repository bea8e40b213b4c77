#!/bin/sh
# Labs that grow, at size (inside a private user + network + mount namespace):
#  1. tree 'n', depth: 3, fanout: 4 (85 namespaces) with pools and routes 'auto': apply, then a full
#     pingall (every namespace to the first IPv4 address of every other: 85 x 84 pings);
#  2. linear 'r', 200 with routes 'auto' (about 40,000 routes) beside the same lab with its routes
#     written by hand (a Groovy loop), applied alternately REPS times each; medians and their ratio.
# usage: bench/grown.sh  (REPS=3; NSLAB=path of the launcher, default ./nslab)
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
reps=${REPS:-3}
launcher=${NSLAB:-$root/nslab}

. "$here/common.sh"
sandboxed "$@"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

# 1. tree depth 3, fanout 4
cat > "$work/tree.groovy" <<'LAB'
addresses '10.0.0.0/16'
tree 'n', depth: 3, fanout: 4
routes 'auto'
LAB
settle
t0=$(now); "$launcher" apply --no-check "$work/tree.groovy" >/dev/null; t1=$(now)
names=$(ip netns list | cut -d' ' -f1)
targets=$(for n in $names; do ip -n "$n" -4 -o addr show scope global | awk '{ print $4; exit }' | cut -d/ -f1; done)
pings=0 failed=0
for a in $names; do
    mine=$(ip -n "$a" -4 -o addr show scope global | awk '{ print $4 }' | cut -d/ -f1)
    for t in $targets; do
        case " $(echo $mine) " in *" $t "*) continue ;; esac
        pings=$((pings + 1))
        ip netns exec "$a" ping -c1 -W2 "$t" >/dev/null 2>&1 || failed=$((failed + 1))
    done
done
t2=$(now)
routes=$(for n in $names; do ip -n "$n" route show | grep -c via || true; done | awk '{ s += $1 } END { print s }')
echo "tree depth 3 fanout 4: $(echo $names | wc -w) namespaces, $routes routes; apply $(ms $t0 $t1) ms;" \
     "pingall $pings pings, $failed unanswered, $(ms $t1 $t2) ms"
"$launcher" destroy "$work/tree.groovy" >/dev/null

# 2. linear 200: routes 'auto' against the same routes by hand
cat > "$work/auto.groovy" <<'LAB'
lab 'linear-auto'
addresses '10.0.0.0/16'
linear 'r', 200
routes 'auto'
LAB
# cable j joins r(j) (.1 of its /30) and r(j+1) (.2), as the pool numbers them
cat > "$work/hand.groovy" <<'LAB'
lab 'linear-hand'
addresses '10.0.0.0/16'
linear 'r', 200
def at = { int cable, int host -> int b = (cable - 1) * 4 + host; "10.0.${b >> 8}.${b & 255}" }
(1..200).each { i ->
    namespace "r$i" {
        if (i > 1 && i < 200) forward true
        (1..199).each { j ->
            if (j < i - 1) route "${at(j, 0)}/30" via at(i - 1, 1)
            if (j > i) route "${at(j, 0)}/30" via at(i, 2)
        }
    }
}
LAB
"$launcher" plan "$work/auto.groovy" | grep -c ' route add ' > "$work/auto.count"
"$launcher" plan "$work/hand.groovy" | grep -c ' route add ' > "$work/hand.count"
echo "linear 200: $(cat "$work/auto.count") routes by routes 'auto', $(cat "$work/hand.count") by hand"
auto= hand=
for r in $(seq "$reps"); do
    for kind in auto hand; do
        settle
        t0=$(now); NSLAB_TIMING=1 "$launcher" apply --no-check "$work/$kind.groovy" >/dev/null 2>"$work/timing"; t1=$(now)
        echo "  $kind run $r: $(ms $t0 $t1) ms ($(grep '^timing: compile' "$work/timing"))"
        eval "$kind=\"\$$kind $(ms $t0 $t1)\""
        "$launcher" destroy "$work/$kind.groovy" >/dev/null
    done
done
ma=$(echo $auto | median) mh=$(echo $hand | median)
echo "linear 200 apply, median of $reps: routes 'auto' $ma ms, by hand $mh ms, ratio $(awk "BEGIN { printf \"%.2f\", $ma / $mh }")"
