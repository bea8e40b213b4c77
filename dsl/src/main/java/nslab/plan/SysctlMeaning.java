package nslab.plan;

/** One sentence for the sysctls people meet in these labs; a plain one for the rest. */
final class SysctlMeaning {
    private SysctlMeaning() {}

    static String explain(String ns, String key, String value) {
        boolean on = !"0".equals(value);
        if (key.equals("net.ipv4.ip_forward")) {
            return on ? "lets " + ns + " forward IPv4 packets between its interfaces, like a router"
                    : "stops " + ns + " from forwarding IPv4 packets between its interfaces";
        }
        if (key.equals("net.ipv6.conf.all.forwarding")) {
            return (on ? "lets " : "stops ") + ns + " forward IPv6 packets between its interfaces";
        }
        if (key.endsWith(".accept_local")) {
            return (on ? "accepts" : "refuses") + " packets whose source is one of " + ns
                    + "'s own addresses (needed when both veth ends live in one namespace)";
        }
        if (key.endsWith(".rp_filter")) {
            return "sets reverse-path filtering to " + value + " (0 off, 1 strict, 2 loose) for " + key.split("\\.")[3];
        }
        if (key.endsWith(".arp_ignore")) {
            return "sets which ARP requests " + ns + " answers to " + value + " (0: any local address on any interface)";
        }
        if (key.endsWith(".arp_announce")) {
            return "sets which source address " + ns + " puts in its ARP requests to " + value;
        }
        return "sets the kernel setting " + key + " to " + value + " in " + ns;
    }
}
