package nslab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nslab.plan.Command;
import nslab.plan.Tool;

/**
 * What one command creates and what it lives in: the namespaces and devices it names. Used to
 * know what vanishes together — everything in a namespace goes with the namespace, an address or
 * a route goes with its device, a veth goes when either end's namespace goes — so that undoing
 * does not try to remove what is already gone, and an incremental apply knows what it must redo.
 */
final class Footprint {
    /** A device in a namespace (null: the root namespace). */
    record Device(String namespace, String name) {}

    private Footprint() {}

    /** The namespace a {@code netns add} creates, or null. */
    static String createdNamespace(Command c) {
        List<String> a = c.args();
        if (c.tool() == Tool.IP && c.namespace() == null && a.size() == 3 && a.get(0).equals("netns")
                && a.get(1).equals("add")) return a.get(2);
        return null;
    }

    /**
     * Whether a command run from the root namespace leaves nothing there: it creates a namespace,
     * or devices that all land in namespaces (a veth made with both ends in place).
     */
    static boolean onlyCreatesInNamespaces(Command c) {
        if (createdNamespace(c) != null) return true;
        List<Device> devices = createdDevices(c);
        return !devices.isEmpty() && devices.stream().allMatch(d -> d.namespace() != null);
    }

    /** The devices a {@code link add} or {@code tuntap add} creates (both ends of a veth). */
    static List<Device> createdDevices(Command c) {
        List<Device> out = new ArrayList<>();
        if (c.tool() != Tool.IP) return out;
        List<String> a = c.args();
        if (a.size() >= 4 && a.get(0).equals("link") && a.get(1).equals("add")) {
            int name = a.indexOf("name");
            String first = name >= 0 ? a.get(name + 1) : a.get(2);
            int type = a.indexOf("type");
            out.add(new Device(netnsBetween(a, name, type, c.namespace()), first));
            int peer = a.indexOf("peer");
            if (peer >= 0) {
                int peerName = indexOf(a, "name", peer);
                if (peerName >= 0) out.add(new Device(netnsBetween(a, peerName, a.size(), c.namespace()), a.get(peerName + 1)));
            }
        } else if (a.size() >= 4 && a.get(0).equals("tuntap") && a.get(1).equals("add")) {
            int dev = a.indexOf("dev");
            if (dev >= 0) out.add(new Device(c.namespace(), a.get(dev + 1)));
        }
        return out;
    }

    /** The namespace a device lands in: a {@code netns X} between two positions, else where the command runs. */
    private static String netnsBetween(List<String> a, int from, int to, String otherwise) {
        for (int i = Math.max(from, 0); i < to - 1 && i < a.size() - 1; i++) {
            if (a.get(i).equals("netns")) return a.get(i + 1);
        }
        return otherwise;
    }

    private static int indexOf(List<String> a, String word, int from) {
        for (int i = from; i < a.size() - 1; i++) if (a.get(i).equals(word)) return i;
        return -1;
    }

    /** Every namespace the command lives in or reaches into. */
    static List<String> namespaces(Command c) {
        List<String> out = new ArrayList<>();
        if (c.namespace() != null) out.add(c.namespace());
        if (c.tool() == Tool.IP) {
            List<String> a = c.args();
            for (int i = 0; i < a.size() - 1; i++) if (a.get(i).equals("netns") && !a.get(i + 1).equals("add")
                    && !a.get(i + 1).equals("del") && i > 0) out.add(a.get(i + 1));
        }
        return out;
    }

    /** The devices a command configures (not those it creates): {@code dev X}, {@code master X}, {@code link X}, a per-device sysctl. */
    static List<Device> usedDevices(Command c) {
        List<Device> out = new ArrayList<>();
        List<String> a = c.args();
        if (c.tool() == Tool.IP || c.tool() == Tool.TC) {
            boolean creates = !createdDevices(c).isEmpty();
            for (int i = 0; i < a.size() - 1; i++) {
                String w = a.get(i);
                if (w.equals("dev") && !(creates && a.get(0).equals("tuntap")) || w.equals("master")
                        || (w.equals("link") && i > 0)) {
                    out.add(new Device(c.namespace(), a.get(i + 1)));
                }
            }
        } else if (c.tool() == Tool.SYSCTL) {
            for (String s : a) {
                String[] k = s.split("=", 2)[0].split("\\.");
                if (k.length >= 5 && k[2].equals("conf") && !k[3].equals("all") && !k[3].equals("default")) {
                    out.add(new Device(c.namespace(), k[3]));
                }
            }
        }
        return out;
    }

    static boolean sameNamespace(String a, String b) {
        return Objects.equals(a, b);
    }
}
