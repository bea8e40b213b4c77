package nslab.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A veth pair: {@code peer} is the other end's name, {@code peerInto} the namespace it is made in
 * (null: where the command runs), {@code peerNamespace} the lab's name of that namespace.
 */
public record VethLink(String peer, String peerInto, String peerNamespace) implements LinkKind {
    static final int VETH_INFO_PEER = 1;

    public List<String> args(String name, String into) {
        List<String> a = new ArrayList<>(List.of("link", "add", "name", name));
        if (into != null) a.addAll(List.of("netns", into));
        a.addAll(List.of("type", "veth", "peer", "name", peer));
        if (peerInto != null) a.addAll(List.of("netns", peerInto));
        return a;
    }

    public String kind() {
        return "veth";
    }

    public void data(LinkRequest r) {
        r.peer(VETH_INFO_PEER, peer, peerInto);
    }

    public String explanation(String name, String namespace) {
        String ends = peerNamespace.equals(namespace)
                ? name + " and " + peer + ", both in " + namespace
                : name + " in " + namespace + " and " + peer + " in " + peerNamespace;
        return "creates a veth pair, a virtual cable whose two ends are " + ends + ": what one end sends, the other receives";
    }
}
