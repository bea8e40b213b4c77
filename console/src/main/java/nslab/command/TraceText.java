package nslab.command;

import java.util.List;
import nslab.model.Namespace;
import nslab.model.Source;
import nslab.trace.ArpRefusal;
import nslab.trace.Probe;
import nslab.trace.TraceWords;

/**
 * The English of a trace: its verdicts, the decision at each hop and the fixes, in the learner's
 * own terms (a lab line to add, change or remove, or the console's own line), from the values the
 * tracer hands over ({@link TraceWords}). {@link TraceRenderer} lays a worded trace out.
 */
public final class TraceText implements TraceWords {
    /** The one set of words; it holds nothing of its own. */
    public static final TraceText WORDS = new TraceText();

    private TraceText() {}

    private static String ref(Source s) {
        return s == null ? "?" : s.toString();
    }

    /** Where a line is added, as the lab writes it: {@code host { }} for the machine's own namespace. */
    static String into(String ns) {
        return Namespace.HOST.equals(ns) ? "`host { }`" : "namespace '" + ns + "'";
    }

    @Override
    public String reached(String to, String address, String in, boolean udp) {
        return "reaches " + to + (to.equals(address) ? "" : " (" + address + ")") + " in " + in
                + " and the answer comes back" + (udp ? " (if the program there answers)" : "");
    }

    @Override
    public String noAnswerDespiteTables(Probe probe) {
        return "the " + probe.describe() + " got no answer, although the kernel's tables let it there and back";
    }

    @Override
    public String lookWhereCounted() {
        return "look where the probe was last counted";
    }

    @Override
    public String answeredDespiteWalk(Probe probe, String walkSaid) {
        return "the " + probe.describe() + " got its answer: the kernel let it there and back, so the walk is wrong"
                + " where it stopped (it said: " + walkSaid + ")";
    }

    @Override
    public String byScriptAlone(String verdict) {
        return verdict + " — by the lab's script alone: the lab is not live, nothing was sent or confirmed";
    }

    @Override
    public String unread(String disagreement, List<String> rules) {
        return disagreement + " (the walk cannot read " + String.join("; ", rules) + ")";
    }

    @Override
    public String rule(String text, String ns) {
        return "`" + text + "` in " + ns;
    }

    @Override
    public String notCountedThere(String ns) {
        return "the tables let it through " + ns + ", but the probe was not counted there";
    }

    @Override
    public String notCountedThrough(String ns, String in) {
        return "the kernel's tables let the packet through, but the probe was not counted through "
                + ns + (in != null ? " (in by " + in + ")" : "");
    }

    @Override
    public String tablesLetButNoAnswer() {
        return "the kernel's tables let the packet there and back, but the probe got no answer";
    }

    @Override
    public String walkStopsButAnswered() {
        return "the walk stops, but the probe got its answer: something the walk does not read let it through";
    }

    @Override
    public String packet(boolean back, Probe probe) {
        return back ? "the answer" : "the " + probe.describe();
    }

    @Override
    public String noAddress(String target) {
        return "'" + target + "' is no address and no namespace of the lab with one";
    }

    @Override
    public String dnat(String dst, int port, String address, int newPort, Source at) {
        return "DNAT: the destination " + dst + " port " + port + " becomes " + address + " port " + newPort + " (" + ref(at) + ")";
    }

    @Override
    public String unMasquerade(String dst, String original) {
        return "conntrack undoes the masquerade: the destination " + dst + " becomes " + original + " again";
    }

    @Override
    public String route(boolean forwarding, String dst, String gateway, String dev, Source forwardingAt) {
        String verb = forwarding ? "forwards" : "sends";
        String how = gateway != null ? verb + " to " + dst + " via " + gateway + " out of " + dev
                : verb + " to " + dst + " straight out of " + dev + " (on its link)";
        if (forwarding) how += "; forwarding on" + (forwardingAt != null ? " (" + ref(forwardingAt) + ")" : "");
        return how;
    }

    @Override
    public String notLabRoute(String decision) {
        return decision + " (a route the lab did not write)";
    }

    @Override
    public String unDnat(String decision, String src, String original) {
        return decision + "; conntrack undoes the DNAT: the source " + src + " becomes " + original + " again";
    }

    @Override
    public String masquerade(String decision, String src, String rewritten, Source at) {
        return decision + "; masquerade: the source " + src + " becomes " + rewritten + " (" + ref(at) + ")";
    }

    @Override
    public String bridge(String bridge, String in, String out) {
        return "bridge " + bridge + " switches the frame" + (out != null ? " from port " + in + " to port " + out : " to itself");
    }

    @Override
    public String delivered(String dst, String ns, boolean inside, boolean otherInterface) {
        String decision = inside ? dst + " is " + ns + "'s own address: delivered inside " + ns
                : "delivered: " + dst + " is " + ns + "'s own address";
        return otherInterface ? decision + " (on another interface: Linux delivers it whichever it comes in by)" : decision;
    }

    @Override
    public String listens(String decision, Probe at, boolean listening) {
        return decision + (listening ? "; a program listens on " : "; nothing listens on ") + at.describe();
    }

    @Override
    public String refusedNoListener(String ns, Probe at, boolean tcp) {
        return "refused in " + ns + ": nothing listens on " + at.describe() + (tcp ? " (the answer is a reset)" : "");
    }

    @Override
    public String notListeningFix(Source runAt, String runCommand, boolean tcp, int port, String ns) {
        if (runCommand != null) return "the program of " + ref(runAt) + " (" + runCommand + ") is not listening: is it running?";
        return tcp ? "start a server there, e.g. add `run 'python3 -m http.server " + port + "'` to " + into(ns)
                : "add a `run` of a program that reads UDP port " + port + " to " + into(ns);
    }

    @Override
    public String leavesLab(String what, String ns, String dev, String nextHop) {
        return what + " leaves the lab from " + ns + " by " + dev + " toward " + nextHop + ", which no interface of the lab has";
    }

    @Override
    public String giveAddress(String dev, String dst) {
        return "give that address to an interface at the other end of " + dev + ", or route " + dst + " to a gateway that has it";
    }

    @Override
    public String circles(String what, int hops) {
        return what + " goes round in circles: more than " + hops + " hops";
    }

    @Override
    public String circlesFix() {
        return "look for two namespaces whose routes point at each other";
    }

    @Override
    public String ruleDecision(String chain, boolean policy, String target, String text, Source at) {
        String rule = policy ? "the chain's policy is " + target
                : at != null ? "rule " + text + " of " + ref(at) : "rule " + text + ", which the lab did not write";
        return chain + " " + target + ": " + rule;
    }

    @Override
    public String droppedByRule(String ns, String chain, boolean policy, String target, String text, Source at, String line) {
        String quoted = policy ? "the " + chain + " chain's policy " + target
                : at != null ? "`" + line + "` (" + ref(at) + ")" : "the rule `" + text + "`, which the lab did not write";
        return "dropped in " + ns + " by " + quoted;
    }

    @Override
    public String ruleFix(boolean policy, String text, Source at, String line) {
        if (at != null) return "remove or narrow `" + line + "` (" + ref(at) + ")";
        return policy ? "add an `accept` rule for this traffic" : "remove that rule (it is not the lab's)";
    }

    @Override
    public String specialRoute(String type, String prefix, String dst, String error) {
        String does = switch (type) {
            case "blackhole" -> "discards the packet without a word";
            case "prohibit" -> "discards the packet and answers \"administratively prohibited\"";
            case "unreachable" -> "discards the packet and answers \"host unreachable\"";
            default -> "does not forward it";
        };
        return "the " + type + " route " + prefix + " matches " + dst + " (the kernel: " + error + "): it " + does;
    }

    @Override
    public String droppedBySpecialRoute(String ns, String type, String prefix) {
        return "dropped in " + ns + " by the " + type + " route " + prefix;
    }

    @Override
    public String deleteSpecialRoute(String type, String prefix, String ns) {
        return "delete it: run `ip route del " + type + " " + prefix + "` in " + ns + " (a route the lab does not write)";
    }

    @Override
    public String forwardingOff(String key, String value) {
        return "forwarding is off (" + key + "=" + value + "): a packet for another address is dropped";
    }

    @Override
    public String droppedForwardingOff(String ns) {
        return "dropped in " + ns + ": forwarding is off";
    }

    @Override
    public String forwardFix(Source forwardAt, String ns) {
        return forwardAt != null ? "the lab's `forward true` (" + ref(forwardAt) + ") is not in force: apply the lab again"
                : "add `forward true` to " + into(ns);
    }

    @Override
    public String rpValues(int rp, String all, String iif, String onIif) {
        return "rp_filter " + rp + ": all=" + all + ", " + iif + "=" + onIif + ", the larger counts";
    }

    @Override
    public String deliveredBut(boolean local, String dst, String ns) {
        return local ? dst + " is " + ns + "'s own address, delivered whichever interface it comes in by, but " : "";
    }

    @Override
    public String ownSource(String delivered, String src, String ns, String key, String value) {
        return delivered + "the source " + src + " is " + ns + "'s own address and " + key + "=" + value + ": dropped as a martian";
    }

    @Override
    public String droppedOwnSource(String ns, String iif, String src) {
        return "dropped in " + ns + " on " + iif + ": it comes from the namespace's own address " + src;
    }

    @Override
    public String sysctlFix(String key, String value, String ns) {
        return "add `sysctl '" + key + "', " + value + "` to " + into(ns);
    }

    @Override
    public String noRouteBack(String delivered, String rpValues, String src) {
        return delivered + "the reverse-path filter (" + rpValues + ") finds no route back to " + src;
    }

    @Override
    public String droppedNoRouteBack(String ns, String src) {
        return "dropped in " + ns + " by the reverse-path filter: " + ns + " has no route back to " + src;
    }

    @Override
    public String routeOrRp(String route, String ns, String rpFix) {
        return route == null ? rpFix : "add `" + route + "` to " + into(ns) + "; or " + rpFix;
    }

    @Override
    public String strictRp(String delivered, String rpValues, String iif, String src, String out) {
        return delivered + "the strict reverse-path filter (" + rpValues + ") drops it: it came in by " + iif
                + ", the route back to " + src + " leaves by " + out;
    }

    @Override
    public String droppedStrictRp(String ns, String src, String iif, String out) {
        return "dropped in " + ns + " by the strict reverse-path filter: the packet from " + src + " came in by " + iif
                + ", the route back to it leaves by " + out;
    }

    @Override
    public String strictRpFix(String rpFix, String route, String ns) {
        return rpFix + (route == null ? "" : "; or make the path symmetric: add `" + route + "` to " + into(ns));
    }

    @Override
    public String sourceRefused(String delivered, String error, String rpValues, boolean acceptLocal) {
        return delivered + "the kernel refuses it (" + error + ", " + rpValues + ", accept_local " + (acceptLocal ? 1 : 0) + ")";
    }

    @Override
    public String droppedSourceRefused(String ns, String iif, String error) {
        return "dropped in " + ns + " on " + iif + ": the kernel says " + error;
    }

    @Override
    public String lookAtSysctls(String iif, String ns) {
        return "look at the sysctls of " + iif + " in " + ns + " (`sysctl -a | grep " + iif + "`)";
    }

    @Override
    public String noRouteDecision(String dst, String error) {
        return "no route to " + dst + " (the kernel: " + error + ")";
    }

    @Override
    public String noRoute(boolean back, String ns, String dst) {
        return "no route " + (back ? "back " : "") + "from " + ns + " to " + dst;
    }

    @Override
    public String downToward(String dst, String dev) {
        return "no route to " + dst + ": " + dev + ", the interface toward it, is down";
    }

    @Override
    public String downVerdict(String verdict, String dev) {
        return verdict + ": " + dev + " is down";
    }

    @Override
    public String notInKernel(String verdict, String line) {
        return verdict + ": the lab's `" + line + "` is not in the kernel";
    }

    @Override
    public String notInForce(String line, Source at) {
        return "the lab's `" + line + "` (" + ref(at) + ") is not in force: apply the lab again";
    }

    @Override
    public String routeToAdd(String dst, String gateway, boolean hasDefault, String subnet, String ns) {
        String add = gateway == null ? "a `route` to " + dst + " (or a `gateway`)"
                : hasDefault ? "`route '" + subnet + "' via '" + gateway + "'`"
                : "`gateway '" + gateway + "'`";
        return "add " + add + " to " + into(ns);
    }

    @Override
    public String masqueradeOrRoute(String masquerade, String ns, String routeFix) {
        return masquerade + "; or, where " + ns + " is yours to change, " + routeFix;
    }

    @Override
    public String linkDown(String dev, String ns, String nextHop) {
        return dev + " in " + ns + " is down: no frame crosses the cable toward " + nextHop;
    }

    @Override
    public String noWay(String from, String fromDev, String nextHop, String dev, String ns) {
        return "no way from " + from + " by " + fromDev + " to " + nextHop + ": " + dev + " in " + ns + " is down";
    }

    private static String neighbour(boolean v6) {
        return v6 ? "neighbour (NDP)" : "ARP";
    }

    @Override
    public String arpSettings(int arpIgnore, String acceptLocal) {
        return " (arp_ignore=" + arpIgnore + ", accept_local=" + acceptLocal + ")";
    }

    @Override
    public String noNeighbourOwner(boolean v6, String nextHop) {
        return "no " + neighbour(v6) + " answer for " + nextHop + ": no interface of the lab has it";
    }

    @Override
    public String noNeighbour(boolean v6, String nextHop, String dev, String ns) {
        return "no " + neighbour(v6) + " answer for " + nextHop + " on " + dev + " in " + ns;
    }

    @Override
    public String noNeighbourFrom(boolean v6, String dev, String ns, String settings) {
        return "no " + neighbour(v6) + " answer from " + dev + " in " + ns + settings;
    }

    @Override
    public String arpRefusal(ArpRefusal why) {
        return switch (why.reason()) {
            case OWN_ADDRESS -> "the request comes from " + why.src() + ", an address of " + why.ns() + " itself";
            case RP_NO_ROUTE_BACK -> "the reverse-path filter drops the request from " + why.src() + ": no route back to it";
            case RP_OTHER_INTERFACE -> "the reverse-path filter drops the request from " + why.src()
                    + ": the route back to it does not leave by " + why.dev();
            case IGNORE_ALL -> "arp_ignore=" + why.value() + ": it answers no request";
            case IGNORE_OTHER_SUBNET -> "arp_ignore=2: " + why.src() + " is not on the subnet of " + why.target();
            case ARP_FILTER -> "arp_filter: its route back to " + why.src() + " does not leave by " + why.dev();
        };
    }

    @Override
    public String withReason(String decision, String reason) {
        return decision + ": " + reason;
    }

    @Override
    public String ignoresOwnRequests(String nextHop, String dev, String settings, String ownerDev, String owner, String src) {
        return "no ARP answer for " + nextHop + " on " + dev + settings + ": " + ownerDev + " in " + owner
                + " ignores requests from its own namespace's address " + src;
    }

    @Override
    public String arpRpDrop(String nextHop, String dev, String ns, String owner, boolean strict, String src) {
        return "no ARP answer for " + nextHop + " on " + dev + " in " + ns + ": " + owner + " drops the request by its "
                + (strict ? "strict " : "") + "reverse-path filter (the request comes from " + src + ")";
    }

    @Override
    public String arpRefused(String nextHop, String dev, String settings, String reason) {
        return "no ARP answer for " + nextHop + " on " + dev + settings + ": " + reason;
    }

    @Override
    public String arpFix(String key, String dev, String ns) {
        return "add `sysctl 'net.ipv4.conf.all." + key + "', 0` and `sysctl 'net.ipv4.conf." + dev + "." + key + "', 0` to " + into(ns);
    }

    @Override
    public String silent(boolean v6, String nextHop, String dev, String settings) {
        return "no " + neighbour(v6) + " answer for " + nextHop + " on " + dev + settings;
    }

    @Override
    public String lookAtSilent(String dev, String ns) {
        return "look at " + dev + " in " + ns + " and the cable to it: the kernel's tables do not say why it is silent";
    }

    @Override
    public String changeLine(String line, Source at, String to) {
        return "change `" + line + "` (" + ref(at) + ") to `" + to + "`";
    }

    @Override
    public String addLine(String line, String ns) {
        return "add `" + line + "` to " + into(ns);
    }

    @Override
    public String and(List<String> changes) {
        return String.join(" and ", changes);
    }

    @Override
    public String linkRoute(String dst, String dev, String ns, String mine, boolean single, boolean none, int length) {
        String why = none ? ns + " has no address there"
                : single ? ns + "'s address there, " + mine + ", is a /" + length + ", so no route to the other end comes with it"
                : ns + "'s address there, " + mine + ", is in another subnet";
        return "add `route '" + dst + "' dev '" + dev + "'` to " + into(ns) + " (" + dst + " is at the other end of "
                + dev + ", but " + why + ")";
    }

    @Override
    public String masqueradeFix(String subnet, String out, String ns) {
        return "add `masquerade '" + subnet + "', out: '" + out + "'` to " + into(ns)
                + " (the private source must leave " + ns + " with its address)";
    }

    @Override
    public String removeDown(Source at, String dev, String ns) {
        return "remove `down` from " + ref(at) + " (it keeps " + dev + " in " + ns + " down)";
    }

    @Override
    public String linkUpAtConsole(String ns, String peer, String dev) {
        return "`link " + ns + " " + peer + " up` at the console (" + dev + " in " + ns + " was taken down while the lab ran)";
    }

    @Override
    public String bringUp(String dev, String ns) {
        return "bring it up: run `ip link set dev " + dev + " up` in " + ns + " (it was taken down while the lab ran)";
    }

    @Override
    public String changeGateway(String line, Source at, String changed, String meant, String dev) {
        return "change `" + line + "` (" + ref(at) + ") to `" + changed + "`: " + meant + " is the one address at the other end of " + dev;
    }

    @Override
    public String gatewayShouldBe(String nextHop, String meant, String dev) {
        return "the gateway " + nextHop + " should be " + meant + ", the one address at the other end of " + dev;
    }

    @Override
    public String noSuchNeighbour(String nextHop, String dev, String other) {
        return other != null ? "no interface of the lab has " + nextHop + "; the one address at the other end of " + dev + " is " + other
                : "no interface of the lab has " + nextHop + ": give it to one at the other end of " + dev;
    }
}
