#!/usr/bin/env bash
# Start-up and live-line benchmark of the console.
#   startup:   time from starting ./nslab until the prompt is on the screen (tmux, a real pty)
#   live line: time from pressing Enter on a lab line in live mode until its last command is
#              shown, i.e. the line compiled, validated, planned and its ip commands run
# Each figure is the median of RUNS (default 5) cold starts of the JVM. Needs tmux; runs the
# console in --sandbox, so it touches nothing on the machine. The jar must be built (./nslab builds it).
#
# The watching must not slow down what it watches: on a 2-core machine, polling the screen with a
# `tmux capture-pane` process every 10 ms makes the JVM start twice as slowly. So tmux copies what
# the pane shows into a file (pipe-pane), and the file is polled with bash builtins only: no
# process is started while a measurement runs.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
export NSLAB_HISTORY=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$work" "$NSLAB_HISTORY"' EXIT
mkfifo "$work/tick"
exec {tick}<>"$work/tick"   # read -t on a fifo nobody writes: a sleep without a process

ms() { local t=${EPOCHREALTIME/./}; NOW=$(( t / 1000 )); }   # NOW in ms; no process, no subshell
# wait_for LOG FROM PATTERN LIMIT_MS: waits until PATTERN shows in LOG after byte FROM; sets SEEN
# to the log's length then and WAITED to the ms since T0 (the caller's start).
wait_for() {
    local log=$1 from=$2 pat=$3 limit=$4 text
    while :; do
        IFS= read -r -d '' text < "$log" || true
        ms
        if [[ ${text:from} == *"$pat"* ]]; then SEEN=${#text}; WAITED=$(( NOW - T0 )); return 0; fi
        if (( NOW - T0 > limit )); then echo "timeout waiting for '$pat'" >&2; return 1; fi
        read -t 0.005 -u "$tick" || true
    done
}
# start SESSION COMMAND: a pane that waits for a go, copied to $work/SESSION.log; then go, T0 = now
start() {
    local s=$1 cmd=$2
    mkfifo "$work/$s.go"; : > "$work/$s.log"
    tmux new-session -d -s "$s" -x 200 -y 50 "cat $work/$s.go >/dev/null; exec $cmd"
    tmux pipe-pane -t "$s" "cat >> $work/$s.log"
    ms; T0=$NOW; echo go > "$work/$s.go"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# build once (and let the launcher create its class-data archive) outside the measurement
./nslab --version >/dev/null
echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
starts=(); lines=()
for i in $(seq "$RUNS"); do
    s=nslab-bench-$$-$i; log=$work/$s.log
    start "$s" "./nslab --sandbox"
    wait_for "$log" 0 'nslab> ' 20000; starts+=("$WAITED")
    tmux send-keys -t "$s" "namespace 'a'" Enter
    ms; T0=$NOW; wait_for "$log" "$SEEN" 'nslab> ' 5000
    sleep 2   # Groovy has warmed up in the background by now, as it would while a person types
    tmux send-keys -t "$s" "apply" Enter
    ms; T0=$NOW; wait_for "$log" "$SEEN" 'nslab live> ' 10000
    # type the line, wait until it is on the screen, then time from Enter to the last command shown
    tmux send-keys -t "$s" -l "namespace 'b' { veth 'v0' peer 'a'; ip '10.0.0.2/24' }"
    # (untimed; the pane's rendered text, since the raw output has colours inside the line)
    until tmux capture-pane -p -t "$s" | grep -q "/24' }"; do sleep 0.05; done
    IFS= read -r -d '' text < "$log" || true; SEEN=${#text}
    ms; T0=$NOW; tmux send-keys -t "$s" Enter
    wait_for "$log" "$SEEN" 'ip -n b link set dev v0 up' 10000; lines+=("$WAITED")
    tmux kill-session -t "$s"
    sleep 1   # let the sandbox go before the next cold start
done
# the same start-up without the sandbox (./nslab alone; nothing is applied)
plain=()
for i in $(seq "$RUNS"); do
    s=nslab-bench-plain-$$-$i; log=$work/$s.log
    start "$s" "./nslab"
    wait_for "$log" 0 'nslab> ' 20000; plain+=("$WAITED")
    tmux kill-session -t "$s"
    sleep 1
done
report() { printf '%s (ms): %s-> median %s ms\n' "$1" "$(printf '%s ' "${@:2}")" "$(printf '%s\n' "${@:2}" | median)"; }
report './nslab to prompt' "${plain[@]}"
report './nslab --sandbox to prompt' "${starts[@]}"
report 'live line applied' "${lines[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
