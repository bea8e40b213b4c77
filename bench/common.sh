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
