package nslab.console;

import java.util.ArrayList;
import java.util.List;
import nslab.model.Address;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * A namespace name stands for its first IPv4 address in command arguments and ping targets,
 * as in Mininet ({@code client ping server}).
 */
final class Targets {
    private Targets() {}

    /** The address a namespace name stands for, or the word itself when it names none. */
    static String resolve(Lab lab, String word) {
        if (lab == null) return word;
        return lab.namespace(word).flatMap(Namespace::firstIpv4).map(Address::prefix)
                .map(p -> p.addressText()).orElse(word);
    }

    /** The command with every argument after the program that names a namespace replaced by its address. */
    static List<String> substitute(Lab lab, List<String> command) {
        List<String> out = new ArrayList<>(command.size());
        for (int i = 0; i < command.size(); i++) {
            out.add(i == 0 ? command.get(i) : resolve(lab, command.get(i)));
        }
        return out;
    }
}
