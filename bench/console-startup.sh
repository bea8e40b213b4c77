#!/usr/bin/env bash
# Start-up and live-line benchmark of the console (issue 4).
#   startup:   time from starting ./nslab until the prompt is on the screen (tmux, a real pty)
#   live line: time from pressing Enter on a lab line in live mode until its last command is
#              shown, i.e. the line compiled, validated, planned and its ip commands run
# Each figure is the median of RUNS (default 5) cold starts of the JVM. Needs tmux; runs the
# console in --sandbox, so it touches nothing on the machine. The jar must be built (./nslab builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
export NSLAB_HISTORY=$(mktemp)
now() { date +%s%N; }
wait_for() { # session pattern timeout_ms -> prints elapsed ns when the pane shows pattern
    local s=$1 pat=$2 limit=$3 t0=$4
    while :; do
        if tmux capture-pane -p -t "$s" | grep -q -- "$pat"; then echo $(( $(now) - t0 )); return 0; fi
        if (( ($(now) - t0) / 1000000 > limit )); then echo "timeout waiting for '$pat'" >&2; return 1; fi
        sleep 0.01
    done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# build once (and let the launcher create its class-data archive) outside the measurement
./nslab --version >/dev/null
echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
starts=(); lines=()
for i in $(seq "$RUNS"); do
    s=nslab-bench-$$-$i
    t0=$(now)
    tmux new-session -d -s "$s" -x 200 -y 50 "./nslab --sandbox"
    starts+=("$(wait_for "$s" '^nslab>' 20000 "$t0")")
    tmux send-keys -t "$s" "namespace 'a'" Enter
    wait_for "$s" 'nslab> namespace' 5000 "$(now)" >/dev/null
    sleep 2   # Groovy has warmed up in the background by now, as it would while a person types
    tmux send-keys -t "$s" "apply" Enter
    wait_for "$s" '^nslab live>' 10000 "$(now)" >/dev/null
    # type the line, wait until it is on the screen, then time from Enter to the last command shown
    tmux send-keys -t "$s" -l "namespace 'b' { veth 'v0' peer 'a'; ip '10.0.0.2/24' }"
    wait_for "$s" "10.0.0.2/24' }" 5000 "$(now)" >/dev/null
    t1=$(now)
    tmux send-keys -t "$s" Enter
    lines+=("$(wait_for "$s" 'ip -n b link set dev v0 up' 10000 "$t1")")
    tmux kill-session -t "$s"
done
# the same start-up without the sandbox (./nslab alone; nothing is applied)
plain=()
for i in $(seq "$RUNS"); do
    s=nslab-bench-plain-$$-$i
    t0=$(now)
    tmux new-session -d -s "$s" -x 200 -y 50 "./nslab"
    plain+=("$(wait_for "$s" '^nslab>' 20000 "$t0")")
    tmux kill-session -t "$s"
done
printf './nslab to prompt (ms): '; for v in "${plain[@]}"; do printf '%d ' $((v/1000000)); done
printf -- '-> median %d ms\n' "$(printf '%s\n' "${plain[@]}" | median | awk '{printf "%d", $1/1000000}')"
printf './nslab --sandbox to prompt (ms): '; for v in "${starts[@]}"; do printf '%d ' $((v/1000000)); done
printf -- '-> median %d ms\n' "$(printf '%s\n' "${starts[@]}" | median | awk '{printf "%d", $1/1000000}')"
printf 'live line applied (ms): '; for v in "${lines[@]}"; do printf '%d ' $((v/1000000)); done
printf -- '-> median %d ms\n' "$(printf '%s\n' "${lines[@]}" | median | awk '{printf "%d", $1/1000000}')"
rm -f "$NSLAB_HISTORY"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
