# Shared by the bench scripts (sourced): timing helpers and the settle step.
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# The kernel frees a deleted namespace later, on its 'netns' workqueue, holding the locks that a
# build needs; a run that starts before that is done pays for the one before. A kworker shows
# '+netns' in its name while it does that work: wait until none has for 0.3 s (at most 5 min).
settle() {
    quiet=0 waited=0
    while [ $quiet -lt 3 ] && [ $waited -lt 3000 ]; do
        if grep -qs '+netns' /proc/[0-9]*/comm; then quiet=0; else quiet=$((quiet + 1)); fi
        sleep 0.1; waited=$((waited + 1))
    done
}
# in_sandbox SCRIPT ARGS...: runs the bench SCRIPT again inside a private user + network + mount
# namespace with a /run and an /etc/netns of its own (a tmpfs, or an overlay on /etc kept in that
# /run where this machine has no /etc/netns), so neither journals nor name files reach the machine
in_sandbox() {
    exec unshare --user --map-root-user --net --mount --propagation private \
        sh -c 'mount -t tmpfs bench-run /run && ip link set dev lo up && { mount -t tmpfs nslab-netns /etc/netns 2>/dev/null || { mkdir -p /run/nslab-etc/up /run/nslab-etc/work && mount -t overlay nslab-etc -o lowerdir=/etc,upperdir=/run/nslab-etc/up,workdir=/run/nslab-etc/work /etc; }; } 2>/dev/null; NSLAB_IN_SANDBOX=1 exec sh "$0" "$@"' "$@"
}
