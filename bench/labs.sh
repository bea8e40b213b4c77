#!/bin/sh
# Writes the benchmark's lab scripts, with Groovy loops as a person writes 500 namespaces:
#   chain N: namespaces n1..nN, each linked to the next by a veth, a /30 address on both ends;
#   star N:  namespaces s1..sN, each cabled to a bridge in namespace 'hub': br0 for the first 1000,
#            br1 for the next 1000 and so on (a Linux bridge takes at most 1024 ports), the
#            bridges joined to br0 by veths inside hub.
# usage: labs.sh chain|star N > lab.groovy
kind=$1 n=$2
case "$kind" in
chain) cat <<LAB ;;
lab 'chain$n'
def n = $n
def addr = { int i, int h -> int b = 4 * i + h; "10.\${(b >> 16) & 255}.\${(b >> 8) & 255}.\${b & 255}/30" }
(1..<n).each { i ->
    namespace("n\$i") { veth "r\$i" peer "n\${i + 1}", name: "l\$i"; ip addr(i, 1) }
    namespace("n\${i + 1}") { dev("l\$i") { ip addr(i, 2) } }
}
LAB
star) cat <<LAB ;;
lab 'star$n'
def n = $n
(1..n).each { i ->
    namespace("s\$i") { veth "e\$i" peer 'hub', name: "h\$i"; ip "10.100.\${i.intdiv(250)}.\${i % 250 + 1}/16" }
}
def per = 1000, bridges = (n + per - 1).intdiv(per)
namespace('hub') {
    (1..<bridges).each { b -> veth "j\$b" peer "k\$b" }
    (0..<bridges).each { b ->
        bridge("br\$b") {
            ((b * per + 1)..Math.min(n, (b + 1) * per)).each { port "h\$it" }
            if (b == 0) (1..<bridges).each { port "j\$it" } else port "k\$b"
        }
    }
}
LAB
*) echo "usage: $0 chain|star N" >&2; exit 2 ;;
esac
