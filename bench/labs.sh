#!/bin/sh
# Writes the benchmark's lab scripts: chain N (each namespace linked to the next by a veth with an
# address on both ends, a /30 per link) and star N (N namespaces cabled to one bridge in 'hub').
# usage: labs.sh chain|star N > lab.groovy
kind=$1 n=$2
case "$kind" in
chain)
    echo "lab 'chain$n'"
    awk -v n="$n" 'function addr(i, h,   b) { b = 4 * i + h; return sprintf("10.%d.%d.%d/30", int(b / 65536) % 256, int(b / 256) % 256, b % 256) }
    BEGIN {
        for (i = 1; i < n; i++) {
            printf "namespace \x27n%d\x27 { veth \x27r%d\x27 peer \x27n%d\x27, name: \x27l%d\x27; ip \x27%s\x27 }\n", i, i, i + 1, i, addr(i, 1)
            printf "namespace \x27n%d\x27 { dev \x27l%d\x27 { ip \x27%s\x27 } }\n", i + 1, i, addr(i, 2)
        }
    }' ;;
star)
    echo "lab 'star$n'"
    awk -v n="$n" 'BEGIN {
        for (i = 1; i <= n; i++)
            printf "namespace \x27s%d\x27 { veth \x27e%d\x27 peer \x27hub\x27, name: \x27h%d\x27; ip \x2710.%d.%d.%d/16\x27 }\n", i, i, i, 100, int(i / 250), i % 250 + 1
        # ports in calls of 100: a Groovy call takes at most 255 arguments
        printf "namespace \x27hub\x27 { bridge \x27br0\x27 {"
        for (i = 1; i <= n; i++) printf "%s \x27h%d\x27", (i % 100 == 1 ? (i > 1 ? "; port" : " port") : ","), i
        printf " } }\n"
    }' ;;
*) echo "usage: $0 chain|star N" >&2; exit 2 ;;
esac
