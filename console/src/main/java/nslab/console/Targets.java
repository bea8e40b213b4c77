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

    /** ip's options that take a value: a namespace (-n), a family, a file, a number; never an address. */
    private static final Set<String> IP_OPTIONS_WITH_VALUE = Set.of("-n", "-netns", "-f", "-family", "-b", "-batch",
            "-rc", "-rcvbuf", "-l", "-loops");

    /**
     * The positions in an {@code ip} command that hold no address: the values of its options
     * ({@code ip -n client ...}: a namespace's name, not its address) and its object
     * ({@code ip -br a}: the "a"). None for other programs.
     */
    private static Set<Integer> ipWordsNotAddresses(List<String> command) {
        Set<Integer> kept = new java.util.HashSet<>();
        if (command.isEmpty() || !command.get(0).equals("ip")) return kept;
        for (int i = 1; i < command.size(); i++) {
            String w = command.get(i);
            if (!w.startsWith("-")) {
                kept.add(i);
                break;
            }
            if (IP_OPTIONS_WITH_VALUE.contains(w)) kept.add(++i);
        }
        return kept;
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
        Set<Integer> notAddresses = ipWordsNotAddresses(command);
        for (int i = 0; i < command.size(); i++) {
            boolean iface = i > 0 && BEFORE_INTERFACE.contains(command.get(i - 1));
            out.add(i == 0 || notAddresses.contains(i) || iface ? command.get(i) : resolve(lab, command.get(i)));
        }
        return out;
    }
}
