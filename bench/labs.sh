#!/bin/sh
# Writes the benchmark's lab scripts, with Groovy loops as a person writes 500 namespaces:
#   chain N: namespaces n1..nN, each linked to the next by a veth, a /30 address on both ends;
#   star N:  namespaces s1..sN, each cabled to bridge br0 in namespace 'hub'.
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
namespace('hub') { bridge('br0') { (1..n).each { port "h\$it" } } }
LAB
*) echo "usage: $0 chain|star N" >&2; exit 2 ;;
esac
