# Shared by the bench scripts (sourced): timing helpers and the settle step.
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# The kernel frees a deleted namespace later, on its 'netns' workqueue, holding the locks that a
# build needs; a run that starts before that is done pays for the one before. A kworker shows
# '+netns' in its name while it does that work. And a build leaves the kernel busy for a while:
# every new interface's IPv6 link-local traffic (duplicate address detection, router
# solicitations, MLD reports) is flooded by a bridge to each of its other ports, which keeps both
# CPUs in softirq for over 8 s after a 2000-port star is built. So: wait until no kworker is on
# that workqueue and the CPUs are idle (busy under 15%) for 0.3 s (at most SETTLE seconds, 300 by
# default: on a machine shared with other work the CPUs may never be idle).
settle() {
    quiet=0 waited=0
    while [ $quiet -lt 3 ] && [ $waited -lt $(( ${SETTLE:-300} * 10 )) ]; do
        if grep -qs '+netns' /proc/[0-9]*/comm || [ "$(busy_percent)" -ge 15 ]; then quiet=0; else quiet=$((quiet + 1)); fi
        waited=$((waited + 1))
    done
}
# busy_percent: how busy the CPUs were (all but idle and iowait) over the next 0.1 s
busy_percent() {
    a=$(head -1 /proc/stat); sleep 0.1; b=$(head -1 /proc/stat)
    printf '%s\n%s\n' "$a" "$b" | awk 'NR == 1 { for (i = 2; i <= NF; i++) x[i] = $i }
        NR == 2 { t = 0; for (i = 2; i <= NF; i++) { d[i] = $i - x[i]; t += d[i] }
                  printf "%d\n", (t > 0 ? 100 * (t - d[5] - d[6]) / t : 0) }'
}
# in_sandbox SCRIPT ARGS...: runs the bench SCRIPT again inside a private user + network + mount
# namespace with a /run and an /etc/netns of its own (a tmpfs, or an overlay on /etc kept in that
# /run where this machine has no /etc/netns), so neither journals nor name files reach the machine
in_sandbox() {
    exec unshare --user --map-root-user --net --mount --propagation private \
        sh -c 'mount -t tmpfs bench-run /run && ip link set dev lo up && { mount -t tmpfs nslab-netns /etc/netns 2>/dev/null || { mkdir -p /run/nslab-etc/up /run/nslab-etc/work && mount -t overlay nslab-etc -o lowerdir=/etc,upperdir=/run/nslab-etc/up,workdir=/run/nslab-etc/work /etc; }; } 2>/dev/null; NSLAB_IN_SANDBOX=1 exec sh "$0" "$@"' "$@"
}
# sandboxed ARGS...: outside the sandbox, checks that $launcher is built and runs this script again
# inside one (in_sandbox, with ARGS); inside, makes $work, a temporary folder removed when it ends
sandboxed() {
    if [ "${NSLAB_IN_SANDBOX:-}" != 1 ]; then
        "$launcher" --version >/dev/null
        in_sandbox "$0" "$@"
    fi
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    trap 'exit 130' INT TERM
}
