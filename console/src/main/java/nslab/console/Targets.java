package nslab.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nslab.model.Address;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * A namespace name stands for its first IPv4 address where a command expects an address, as in
 * Mininet ({@code client ping server}): the destination of a program that goes somewhere (ping,
 * traceroute, iperf, nc, curl, wget, ssh, ...), and the gateway ({@code via}) or the destination
 * ({@code route get}) of an {@code ip} command. Nowhere else: a word of another program, or any
 * other word of {@code ip} ({@code type bridge}, {@code dev veth0}), is left as it is typed.
 */
final class Targets {
    private Targets() {}

    /** Programs whose arguments name a destination: host names, which a namespace name may stand for. */
    static final Set<String> GO_SOMEWHERE = Set.of("ping", "ping6", "fping", "arping", "traceroute", "traceroute6",
            "tracepath", "mtr", "iperf", "iperf3", "nc", "ncat", "netcat", "curl", "wget", "ssh", "scp", "telnet",
            "nmap", "hping3", "host", "dig", "nslookup");

    /** Words of an {@code ip} command after which an address goes. */
    private static final Set<String> IP_BEFORE_ADDRESS = Set.of("via", "get");

    /**
     * Words after which a command takes an interface name ({@code ping -I X}, {@code traceroute -i X}).
     * Interfaces are often named after the namespace at the other end, so there a name stays a name.
     */
    static final Set<String> BEFORE_INTERFACE = Set.of("dev", "-i", "-I", "--interface", "--bind-dev", "-e");

    /** {@code http://server:8080/x}, {@code user@server}, {@code server:/path}: the host inside a word. */
    private static final Pattern HOST_IN_WORD = Pattern.compile("^((?:[a-z][a-z0-9+.-]*://)?(?:[^@/\\s]+@)?)([A-Za-z0-9][A-Za-z0-9_.-]*)((?::[^\\s]*)?(?:/.*)?)$");

    /** The address a namespace name stands for, or the word itself when it names none. */
    static String resolve(Lab lab, String word) {
        if (lab == null) return word;
        return lab.namespace(word).flatMap(Namespace::firstIpv4).map(Address::prefix)
                .map(p -> p.addressText()).orElse(word);
    }

    /** The command with each namespace name where an address is expected replaced by its address. */
    static List<String> substitute(Lab lab, List<String> command) {
        List<String> out = new ArrayList<>(command);
        if (command.isEmpty()) return out;
        String program = command.get(0).replaceFirst(".*/", "");
        boolean goesSomewhere = GO_SOMEWHERE.contains(program);
        for (int i = 1; i < command.size(); i++) {
            String before = command.get(i - 1);
            if (program.equals("ip")) {
                if (IP_BEFORE_ADDRESS.contains(before)) out.set(i, resolve(lab, command.get(i)));
            } else if (goesSomewhere && !BEFORE_INTERFACE.contains(before) && !command.get(i).startsWith("-")) {
                out.set(i, hostResolved(lab, command.get(i)));
            }
        }
        return out;
    }

    /** A word that is, or holds as its host, a namespace name, with that name replaced by its address. */
    private static String hostResolved(Lab lab, String word) {
        Matcher m = HOST_IN_WORD.matcher(word);
        if (!m.matches()) return word;
        String host = m.group(2);
        String address = resolve(lab, host);
        return address.equals(host) ? word : m.group(1) + address + m.group(3);
    }
}
