# Turns a plan printed by 'nslab plan' (one command a line) into the hand-batched form: every
# root-namespace 'ip' command into root.batch, each namespace's 'ip -n NS' commands into NS.batch,
# and a run.sh that runs 'ip -batch' once plus 'ip -n NS -batch' once per namespace.
# usage: awk -v dir=DIR -f handbatch.awk plan.sh
/^ip -n / {
    ns = $3
    line = $0
    sub(/^ip -n [^ ]+ /, "", line)
    if (!(ns in seen)) { seen[ns] = 1; order[++count] = ns }
    print line > (dir "/ns-" ns ".batch")
    next
}
/^ip / {
    line = $0
    sub(/^ip /, "", line)
    print line > (dir "/root.batch")
    next
}
/^[a-z]/ { print "handbatch.awk: not an ip command: " $0 > "/dev/stderr"; exit 1 }
END {
    run = dir "/run.sh"
    print "ip -batch " dir "/root.batch" > run
    for (i = 1; i <= count; i++) print "ip -n " order[i] " -batch " dir "/ns-" order[i] ".batch" > run
}
