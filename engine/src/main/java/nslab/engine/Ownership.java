package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nslab.plan.Effect;
import nslab.exec.Executor;

/**
 * Which of a lab's namespaces and host interfaces are still the ones it made: by the identity the
 * journal recorded (nsfs device, inode and change time, ifindex), not by name. {@code missing}: gone
 * (deleted by hand); {@code foreign}: the name is there but is another object now, made by someone
 * else, which nslab leaves alone; {@code unproven}: no identity recorded (a host interface made
 * when nslab was killed before its ifindex was read; a namespace, whose identity the lab records
 * before it names it, so one without is not the lab's unless an older nslab made it), so nothing
 * tells it from one made by someone else: left alone too, and said so;
 * {@code remnants}: the empty, unmounted {@code /run/netns} files of namespaces whose removal the
 * journal had recorded as begun (a destroy killed halfway) or whose naming it had (an apply killed
 * between making the name's file and mounting the namespace on it), to be removed.
 */
record Ownership(List<Journal.Entry> missing, List<Journal.Entry> foreign, List<Journal.Entry> unproven,
                 List<Journal.Entry> remnants, List<String> messages) {

    static Ownership of(Journal journal, Executor exec, Path netnsDir) {
        Ownership o = new Ownership(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Map<String, String> links = null;
        for (Journal.Entry e : journal.live()) {
            Effect effect = e.effect();
            String ns = effect.createdNamespace();
            if (ns != null) {
                String now = Identities.namespace(netnsDir, ns);
                String was = e.identity(Identities.NETNS);
                boolean leftFile = now != null && Identities.unmountedFile(netnsDir, ns);
                if (now == null) {
                    o.missing.add(e);
                } else if (leftFile && (e.state() == Journal.State.REMOVING || (was != null && !was.equals(now)))) {
                    // an empty name file that is not the namespace journalled: a removal, or a naming, cut short by a kill
                    o.remnants.add(e);
                } else if (was == null) {
                    // the lab records a namespace's identity before it names it: this one it did not name (or an
                    // older nslab, or one that could not hold namespaces, was stopped before it recorded one)
                    o.unproven.add(e);
                    o.messages.add("namespace " + ns + " has no identity in the lab's journal, so nothing tells it from one"
                            + " made by someone else: left alone; if it is the lab's, remove it with 'ip netns del " + ns + "'");
                } else if (!was.equals(now)) {
                    o.foreign.add(e);
                    o.messages.add("namespace " + ns + " is no longer the lab's (deleted and made again outside nslab): left alone");
                }
            }
            for (Effect.Device d : Footprint.hostDevices(e.step)) {
                String was = e.identity(Identities.IFINDEX + d.name());
                if (was == null && reachesNamespace(effect)) continue; // goes with the lab namespace its other end is in
                if (links == null) links = Identities.hostLinks(exec);
                String now = links.get(d.name());
                if (was == null) {
                    // wholly in the host: nothing proves it is the one the lab made
                    if (now != null && !o.unproven.contains(e)) {
                        o.unproven.add(e);
                        o.messages.add("interface " + d.name() + " in the root namespace cannot be told from one made by"
                                + " someone else (nslab was stopped after it was made and before its ifindex was"
                                + " recorded): left alone; if it is the lab's, remove it with 'ip link del " + d.name() + "'");
                    }
                } else if (now == null) {
                    if (!o.missing.contains(e)) o.missing.add(e);
                } else if (!was.equals(now) && !o.foreign.contains(e)) {
                    o.foreign.add(e);
                    o.messages.add("interface " + d.name() + " in the root namespace is no longer the lab's (ifindex "
                            + now + ", the lab made " + was + "): left alone");
                }
            }
        }
        return o;
    }

    private static boolean reachesNamespace(Effect e) {
        return e.creates().stream().anyMatch(d -> d.namespace() != null);
    }

    /** What is not the lab's to remove: gone, someone else's, or not provably the lab's. */
    List<Journal.Entry> notOurs() {
        List<Journal.Entry> all = new ArrayList<>(missing);
        for (Journal.Entry e : foreign) if (!all.contains(e)) all.add(e);
        for (Journal.Entry e : unproven) if (!all.contains(e)) all.add(e);
        return all;
    }

    /** Removes the remnants' files (an empty, unmounted file, checked again just before); returns what was removed. */
    List<String> removeRemnants(Path netnsDir) {
        List<String> removed = new ArrayList<>();
        for (Journal.Entry e : remnants) {
            String ns = e.effect().createdNamespace();
            try {
                if (Identities.unmountedFile(netnsDir, ns)) {
                    Files.delete(netnsDir.resolve(ns));
                    removed.add("ip netns del " + ns);
                }
            } catch (IOException e2) {
                // gone meanwhile
            }
        }
        return removed;
    }
}
