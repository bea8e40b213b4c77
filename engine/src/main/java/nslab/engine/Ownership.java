package nslab.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nslab.plan.Effect;

/**
 * Which of a lab's namespaces and host interfaces are still the ones it made: by the identity the
 * journal recorded (nsfs device and inode, ifindex), not by name. {@code missing}: gone (deleted
 * by hand); {@code foreign}: the name is there but is another object now, made by someone else,
 * which nslab leaves alone.
 */
record Ownership(List<Journal.Entry> missing, List<Journal.Entry> foreign, List<String> messages) {

    static Ownership of(Journal journal, Executor exec, Path netnsDir) {
        List<Journal.Entry> missing = new ArrayList<>();
        List<Journal.Entry> foreign = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        Map<String, String> links = null;
        for (Journal.Entry e : journal.live()) {
            Effect effect = e.effect();
            if (effect.createdNamespace() != null) {
                String now = Identities.namespace(netnsDir, effect.createdNamespace());
                String was = e.identity(Identities.NETNS);
                if (now == null) {
                    missing.add(e);
                } else if (was != null && !was.equals(now)) {
                    foreign.add(e);
                    messages.add("namespace " + effect.createdNamespace() + " is no longer the lab's (deleted and made"
                            + " again outside nslab): left alone");
                }
            }
            for (Effect.Device d : Footprint.hostDevices(e.step)) {
                String was = e.identity(Identities.IFINDEX + d.name());
                if (was == null) continue;
                if (links == null) links = Identities.hostLinks(exec);
                String now = links.get(d.name());
                if (now == null) {
                    if (!missing.contains(e)) missing.add(e);
                } else if (!was.equals(now) && !foreign.contains(e)) {
                    foreign.add(e);
                    messages.add("interface " + d.name() + " in the root namespace is no longer the lab's (ifindex "
                            + now + ", the lab made " + was + "): left alone");
                }
            }
        }
        return new Ownership(missing, foreign, messages);
    }

    List<Journal.Entry> notOurs() {
        List<Journal.Entry> all = new ArrayList<>(missing);
        for (Journal.Entry e : foreign) if (!all.contains(e)) all.add(e);
        return all;
    }
}
