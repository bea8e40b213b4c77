package nslab.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nslab.model.Address;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * A namespace name stands for its first IPv4 address in command arguments and ping targets,
 * as in Mininet ({@code client ping server}).
 */
final class Targets {
    private Targets() {}

    /** Where {@code ip}'s object is ({@code ip -br a}: the "a"), which is never an address; -1 for other programs. */
    private static int ipObjectIndex(List<String> command) {
        if (command.isEmpty() || !command.get(0).equals("ip")) return -1;
        for (int i = 1; i < command.size(); i++) {
            String w = command.get(i);
            if (!w.startsWith("-")) return i;
            if (Set.of("-n", "-netns", "-f", "-family", "-b", "-batch", "-rc", "-rcvbuf", "-l", "-loops").contains(w)) i++;
        }
        return -1;
    }

    /** The address a namespace name stands for, or the word itself when it names none. */
    static String resolve(Lab lab, String word) {
        if (lab == null) return word;
        return lab.namespace(word).flatMap(Namespace::firstIpv4).map(Address::prefix)
                .map(p -> p.addressText()).orElse(word);
    }

    /**
     * Words after which a command takes an interface name ({@code ip link set dev X}, {@code tcpdump -i X},
     * {@code ip link set X up}). Interfaces are often named after the namespace at the other end, so
     * there a namespace name means the interface, not an address.
     */
    static final Set<String> BEFORE_INTERFACE = Set.of("dev", "-i", "--interface", "master", "set", "show", "del", "delete");

    /** The command with every argument after the program that names a namespace replaced by its address. */
    static List<String> substitute(Lab lab, List<String> command) {
        List<String> out = new ArrayList<>(command.size());
        int ipObject = ipObjectIndex(command);
        for (int i = 0; i < command.size(); i++) {
            boolean iface = i > 0 && BEFORE_INTERFACE.contains(command.get(i - 1));
            out.add(i == 0 || i == ipObject || iface ? command.get(i) : resolve(lab, command.get(i)));
        }
        return out;
    }
}
