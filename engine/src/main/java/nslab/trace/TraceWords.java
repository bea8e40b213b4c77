package nslab.trace;

import java.util.List;
import nslab.model.Source;

/**
 * The words of a trace: what the walk decided at each hop, the verdict where the packet stops and
 * the lab line that would change it, each asked for with the names, addresses and values it needs.
 * The tracer decides and never words: the console module writes the English ({@code TraceText}).
 * A {@code Source} is a lab line's place (null: none); a {@code line} is that line's own text.
 */
public interface TraceWords {
    // the verdicts the trace as a whole comes to

    /** {@code to} (standing for {@code address}) was reached in {@code in}, and the answer came back. */
    String reached(String to, String address, String in, boolean udp);

    /** The probe got no answer, though the kernel's tables let it there and back. */
    String noAnswerDespiteTables(Probe probe);

    String lookWhereCounted();

    /** The probe was answered though the walk stopped, saying {@code walkSaid}. */
    String answeredDespiteWalk(Probe probe, String walkSaid);

    /** A verdict reached on the lab's script alone. */
    String byScriptAlone(String verdict);

    /** A disagreement, and the firewall rules on the way the walk cannot read ({@link #rule}). */
    String unread(String disagreement, List<String> rules);

    /** A rule the walk met. */
    String rule(String text, String ns);

    String notCountedThere(String ns);

    String notCountedThrough(String ns, String in);

    String tablesLetButNoAnswer();

    String walkStopsButAnswered();

    /** The packet or its answer, as the walk names it. */
    String packet(boolean back, Probe probe);

    /** There is no such address or namespace. */
    String noAddress(String target);

    // hops on the way

    String dnat(String dst, int port, String address, int newPort, Source at);

    String unMasquerade(String dst, String original);

    /** A route chose the way: via a gateway (null: on the link); {@code forwardingAt}: the line that turned forwarding on. */
    String route(boolean forwarding, String dst, String gateway, String dev, Source forwardingAt);

    String notLabRoute(String decision);

    String unDnat(String decision, String src, String original);

    String masquerade(String decision, String src, String rewritten, Source at);

    String bridge(String bridge, String in, String out);

    String delivered(String dst, String ns, boolean inside, boolean otherInterface);

    String listens(String decision, Probe at, boolean listening);

    String refusedNoListener(String ns, Probe at, boolean tcp);

    /** The fix for nothing listening: the lab's program ({@code runAt}, null: none) or one to add. */
    String notListeningFix(Source runAt, String runCommand, boolean tcp, int port, String ns);

    String leavesLab(String what, String ns, String dev, String nextHop);

    String giveAddress(String dev, String dst);

    String circles(String what, int hops);

    String circlesFix();

    // the firewall

    /** What a rule (or a chain's policy) decided, at the hop: {@code at} the lab line that added it. */
    String ruleDecision(String chain, boolean policy, String target, String text, Source at);

    String droppedByRule(String ns, String chain, boolean policy, String target, String text, Source at, String line);

    String ruleFix(boolean policy, String text, Source at, String line);

    // routes refused

    String specialRoute(String type, String prefix, String dst, String error);

    String droppedBySpecialRoute(String ns, String type, String prefix);

    String deleteSpecialRoute(String type, String prefix, String ns);

    String forwardingOff(String key, String value);

    String droppedForwardingOff(String ns);

    /** {@code forwardAt}: the lab's {@code forward true} that is not in force (null: the lab has none). */
    String forwardFix(Source forwardAt, String ns);

    // the source check

    /** The values of the reverse-path filter that decided. */
    String rpValues(int rp, String all, String iif, String onIif);

    /** The start of a decision on a packet for the namespace's own address (empty when it is forwarded). */
    String deliveredBut(boolean local, String dst, String ns);

    String ownSource(String delivered, String src, String ns, String key, String value);

    String droppedOwnSource(String ns, String iif, String src);

    String sysctlFix(String key, String value, String ns);

    String noRouteBack(String delivered, String rpValues, String src);

    String droppedNoRouteBack(String ns, String src);

    /** A symmetric route to add, or else the reverse-path fix. */
    String routeOrRp(String route, String ns, String rpFix);

    String strictRp(String delivered, String rpValues, String iif, String src, String out);

    String droppedStrictRp(String ns, String src, String iif, String out);

    String strictRpFix(String rpFix, String route, String ns);

    String sourceRefused(String delivered, String error, String rpValues, boolean acceptLocal);

    String droppedSourceRefused(String ns, String iif, String error);

    String lookAtSysctls(String iif, String ns);

    // no route

    String noRouteDecision(String dst, String error);

    String noRoute(boolean back, String ns, String dst);

    String downToward(String dst, String dev);

    String downVerdict(String verdict, String dev);

    String notInKernel(String verdict, String line);

    String notInForce(String line, Source at);

    /** What to add to reach {@code dst}: a route via {@code gateway}, the gateway itself, or a route to write. */
    String routeToAdd(String dst, String gateway, boolean hasDefault, String subnet, String ns);

    String masqueradeOrRoute(String masquerade, String ns, String routeFix);

    String linkDown(String dev, String ns, String nextHop);

    String noWay(String from, String fromDev, String nextHop, String dev, String ns);

    // neighbours

    /** The settings that decide an ARP answer (empty for IPv6). */
    String arpSettings(int arpIgnore, String acceptLocal);

    String noNeighbourOwner(boolean v6, String nextHop);

    String noNeighbour(boolean v6, String nextHop, String dev, String ns);

    String noNeighbourFrom(boolean v6, String dev, String ns, String settings);

    String arpRefusal(ArpRefusal why);

    String withReason(String decision, String reason);

    String ignoresOwnRequests(String nextHop, String dev, String settings, String ownerDev, String owner, String src);

    String arpRpDrop(String nextHop, String dev, String ns, String owner, boolean strict, String src);

    String arpRefused(String nextHop, String dev, String settings, String reason);

    String arpFix(String key, String dev, String ns);

    String silent(boolean v6, String nextHop, String dev, String settings);

    String lookAtSilent(String dev, String ns);

    // fixes

    String changeLine(String line, Source at, String to);

    String addLine(String line, String ns);

    String and(List<String> changes);

    String linkRoute(String dst, String dev, String ns, String mine, boolean single, boolean none, int length);

    String masqueradeFix(String subnet, String out, String ns);

    String removeDown(Source at, String dev, String ns);

    String linkUpAtConsole(String ns, String peer, String dev);

    String bringUp(String dev, String ns);

    String changeGateway(String line, Source at, String changed, String meant, String dev);

    String gatewayShouldBe(String nextHop, String meant, String dev);

    String noSuchNeighbour(String nextHop, String dev, String other);
}
