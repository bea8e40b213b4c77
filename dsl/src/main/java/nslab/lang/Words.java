package nslab.lang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vocabulary of the lab language: every word, where it may be written, the named arguments
 * ({@code key: value}) it takes, whether it takes a { } block, an example and what it means.
 * The builder checks named arguments against this table, and help, completion, highlighting,
 * "did you mean" and the docs read it; what a word does is in {@link LabScript},
 * {@link NamespaceBody} and {@link ExpectBody}, and WordsSpec fails when those methods and this
 * table disagree.
 */
public final class Words {

    public enum Context { TOP, NAMESPACE, EXPECT, AFTER }

    /**
     * One word. {@code keys}: the named arguments it takes (for {@code on}, those of the word it
     * follows); {@code block}: whether it takes a { } block (or the one-line {@code < ... >} form).
     */
    public record Word(String name, Context context, List<String> keys, boolean block, String example, String meaning) {
        public Word {
            keys = List.copyOf(keys);
        }

        /** Where the word may be written, as help and error messages say it. */
        public String where() {
            return Words.where(context);
        }
    }

    private static final Map<String, Word> WORDS = new LinkedHashMap<>();

    private static void word(String name, Context context, String example, String meaning) {
        word(name, context, List.of(), example, meaning);
    }

    private static void word(String name, Context context, List<String> keys, String example, String meaning) {
        WORDS.put(name, new Word(name, context, keys, false, example, meaning));
    }

    private static void blockWord(String name, Context context, String example, String meaning) {
        WORDS.put(name, new Word(name, context, List.of(), true, example, meaning));
    }

    static {
        word("lab", Context.TOP, "lab 'three-hosts'", "names the lab (default: the script's base name)");
        blockWord("namespace", Context.TOP, "namespace 'server' { veth 'svr-veth' peer 'gateway' }",
                "declares a network namespace and configures it in the block; declaring it again adds to it");
        blockWord("ns", Context.TOP, "ns 'server' { ... }", "short for namespace");
        blockWord("host", Context.TOP, "host { veth 'veth-a' peer 'nstest' }",
                "configures the root network namespace, the machine itself");
        word("link", Context.TOP, List.of("ips"), "link 'net0', 'net1', ips: ['10.0.1.1/24', '10.0.1.2/24']",
                "joins two namespaces with a veth pair named after them");
        word("linear", Context.TOP, "linear 'r', 5",
                "makes namespaces r1..r5, each cabled to the next (a veth pair whose ends are named after the other namespace)");
        word("ring", Context.TOP, "ring 'r', 6", "makes namespaces r1..r6 cabled in a circle: each to the next, and the last to the first");
        word("star", Context.TOP, List.of("hub"), "star 'h', 8, hub: 'sw'",
                "makes namespaces h1..h8, each cabled to one bridge (br-h) in the hub namespace (sw unless hub: names it)");
        word("tree", Context.TOP, List.of("depth", "fanout"), "tree 'n', depth: 2, fanout: 3",
                "makes a tree of namespaces: n1 the root, fanout children for each, depth levels below the root");
        word("mesh", Context.TOP, "mesh 'n', 4", "makes namespaces n1..n4 with a cable between every pair");
        word("addresses", Context.TOP, "addresses '10.0.0.0/16'",
                "a pool: each cable without addresses gets a /30 from it (IPv6: a /127), each bridge LAN a /24 (a /64)");
        word("routes", Context.TOP, "routes 'auto'",
                "works out static routes along shortest paths for every namespace to every subnet of the lab,"
                        + " and turns forwarding on where a path crosses");
        blockWord("expect", Context.TOP, "expect { reach 'client' to 'server' }",
                "states what the lab must do; checked after apply and by check");
        word("veth", Context.NAMESPACE, "veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'",
                "creates a veth pair: a virtual cable with one end here and one in the peer namespace");
        blockWord("dev", Context.NAMESPACE, "dev 'svrgw-veth' { ip '192.168.100.254/24' }",
                "selects an interface declared elsewhere so that the next words apply to it");
        word("ip", Context.NAMESPACE, List.of("dev"), "ip '192.168.100.1/24'",
                "adds an address (IPv4 or IPv6, with prefix length) to the current interface");
        word("mtu", Context.NAMESPACE, "mtu 1400", "sets the current interface's MTU");
        word("mac", Context.NAMESPACE, "mac '02:00:00:00:00:01'", "sets the current interface's MAC address");
        word("up", Context.NAMESPACE, "up", "brings the current interface up (the default)");
        word("down", Context.NAMESPACE, "down", "leaves the current interface down");
        blockWord("bridge", Context.NAMESPACE, "bridge 'br0' { port 'bridge-net0', 'bridge-net1' }",
                "creates a Linux bridge, a virtual switch, in this namespace");
        word("port", Context.NAMESPACE, "port 'bridge-net0', 'bridge-net1'",
                "attaches interfaces of this namespace to the current bridge");
        blockWord("tap", Context.NAMESPACE, "tap 'tap0'", "creates a TAP device: Ethernet frames through /dev/net/tun");
        blockWord("tun", Context.NAMESPACE, "tun 'tun0'", "creates a TUN device: IP packets through /dev/net/tun");
        word("macvlan", Context.NAMESPACE, List.of("mode", "from"), "macvlan 'mv0', mode: 'bridge' on 'eth0'",
                "creates a MACVLAN device: its own MAC address on top of a parent interface"
                        + " (from: 'host': the parent is the host's; made there, moved here)");
        word("vxlan", Context.NAMESPACE, List.of("id", "remote", "dev", "port"), "vxlan 'vx0', id: 42, remote: '10.0.0.2', dev: 'eth0'",
                "creates a VXLAN tunnel: Ethernet over UDP (port 4789 by default)");
        word("vlan", Context.NAMESPACE, List.of("id"), "vlan 'eth0.10' on 'eth0', id: 10",
                "creates an 802.1Q VLAN device on a parent interface");
        word("gateway", Context.NAMESPACE, "gateway '192.168.100.254'", "adds a default route via that address");
        word("route", Context.NAMESPACE, "route '10.0.0.0/8' via '10.0.100.254'",
                "adds a route through a gateway (via), out of an interface (dev), or both");
        word("forward", Context.NAMESPACE, "forward true",
                "lets the namespace route packets between its interfaces (ip_forward)");
        word("sysctl", Context.NAMESPACE, "sysctl 'net.ipv4.conf.all.arp_ignore', 0", "sets a kernel setting of this namespace");
        word("hostSysctl", Context.NAMESPACE, "hostSysctl 'vm.swappiness', 10",
                "in host only: sets a kernel setting of the whole machine outside net. (restored by destroy)");
        word("loopback", Context.NAMESPACE, "loopback false", "leaves lo down (it is brought up by default)");
        word("masquerade", Context.NAMESPACE, List.of("from", "out"), "masquerade '10.0.0.0/24', out: 'eth0'",
                "source-NATs packets from a subnet to the address of the outgoing interface");
        word("accept", Context.NAMESPACE, List.of("in", "out"), "accept in: 'veth-a', out: 'eth0'", "accepts forwarded packets between interfaces");
        word("drop", Context.NAMESPACE, List.of("in", "out"), "drop in: 'eth1'", "drops forwarded packets");
        word("forwardPort", Context.NAMESPACE, List.of("to", "in", "proto"), "forwardPort 8080, to: '192.168.100.1:80', in: 'eth0'",
                "sends connections to a port on to another address (DNAT; TCP unless proto: 'udp')");
        word("netem", Context.NAMESPACE, List.of("limit", "delay", "jitter", "loss", "duplicate", "corrupt", "reorder"), "netem delay: '10ms', loss: '1%'",
                "impairs the current interface's outgoing traffic (tc netem)");
        word("rate", Context.NAMESPACE, "rate '10mbit'", "limits the current interface's outgoing rate (tc tbf)");
        word("run", Context.NAMESPACE, "run 'python3 -m http.server 80'",
                "starts a command in the namespace once the lab is built");
        word("ospf", Context.NAMESPACE, List.of("area", "interfaces", "cost"), "ospf area: 0, interfaces: ['eth0', 'eth1']",
                "runs FRR's OSPF here (zebra + ospfd), on every interface or on those listed; point-to-point on veth cables");
        WORDS.put("bgp", new Word("bgp", Context.NAMESPACE, List.of("asn"), true, "bgp asn: 65001", "runs FRR's BGP here (zebra + bgpd) as that AS;"
                + " neighbor and network lines follow it (or stand in its block)"));
        word("neighbor", Context.NAMESPACE, List.of("asn"), "neighbor '10.0.0.2', asn: 65002", "after bgp: a BGP peer and its AS");
        word("network", Context.NAMESPACE, "network '10.1.0.0/24'", "after bgp: a prefix BGP announces");
        word("frr", Context.NAMESPACE, "frr '''router rip\n network 10.0.0.0/8'''",
                "FRR configuration added as written (the daemons it names are started)");
        word("reach", Context.EXPECT, "reach 'client' to '192.168.100.1'",
                "a ping from the namespace must succeed (add dev: 'veth0' to ping out of that interface)");
        word("unreachable", Context.EXPECT, "unreachable 'net0' to '10.0.100.1'", "a ping from the namespace must fail");
        word("converged", Context.EXPECT, List.of("within"), "converged within: '30s'",
                "waits until every routing daemon's routes are in the kernel (apply and check wait that long at most)");
        word("peer", Context.AFTER, List.of("name", "ip"), "veth 'svr-veth' peer 'gateway'", "after veth: the namespace of the other end");
        word("on", Context.AFTER, List.of("mode", "from", "id"), "macvlan 'mv0' on 'eth0'", "after macvlan or vlan: the parent interface");
        word("via", Context.AFTER, "route 'default' via '10.0.100.254'", "after route: the gateway");
        word("to", Context.AFTER, List.of("dev"), "reach 'client' to 'server'", "after reach or unreachable: the target");
    }

    private Words() {}

    public static Optional<Word> find(String name) {
        return Optional.ofNullable(WORDS.get(name));
    }

    public static List<Word> all() {
        return List.copyOf(WORDS.values());
    }

    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(WORDS.keySet()));
    }

    /** The words that take named arguments, each with its keys. */
    public static Map<String, List<String>> keys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        WORDS.values().stream().filter(w -> !w.keys().isEmpty()).forEach(w -> keys.put(w.name(), w.keys()));
        return keys;
    }

    static String where(Context context) {
        return switch (context) {
            case TOP -> "at the top level of the script";
            case NAMESPACE -> "inside a namespace or host block";
            case EXPECT -> "inside an expect block";
            case AFTER -> "after another word";
        };
    }

    public static List<String> names(Context context) {
        return WORDS.values().stream().filter(w -> w.context() == context).map(Word::name).toList();
    }
}
