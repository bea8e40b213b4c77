// Seed 003, second lab: net0 and net1 are cabled to namespace 'bridge', where a Linux bridge
// switches frames between the two cables. A Groovy loop writes the two look-alike namespaces.
lab 'bridge'

(0..1).each { i ->
    namespace "net$i" {
        veth "net$i-bridge" peer 'bridge', name: "bridge-net$i"
        ip "10.0.1.${i + 1}/24"
    }
}

namespace 'bridge' {
    bridge 'br' { port 'bridge-net0', 'bridge-net1' }
}

expect {
    reach 'net0' to '10.0.1.2'
    reach 'net1' to 'net0'
}
