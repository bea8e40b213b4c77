package nslab.check;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Source;

/** Names of the lab, its namespaces and interfaces; one interface name once per namespace. */
final class NameRules implements Rule {
    static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    static final int NAMESPACE_MAX = 64;
    /** Linux IFNAMSIZ is 16 bytes with the terminating NUL. */
    static final int IFNAME_MAX = 15;

    @Override
    public void check(Lab lab, List<Problem> problems) {
        if (!NAMESPACE.matcher(lab.name()).matches() || lab.name().length() > NAMESPACE_MAX) {
            problems.add(Problem.error(new Source(firstFile(lab), 1), "the lab name '" + lab.name() + "' is not valid",
                    "use letters, digits, '_', '.', '-', starting with a letter or digit: lab 'my-lab'"));
        }
        for (Namespace ns : lab.namespaces()) {
            if (!ns.host()) namespaceName(ns.name(), ns.source(), problems);
            Map<String, Interface> seen = new HashMap<>();
            for (Interface i : ns.interfaces()) {
                interfaceName(i.name(), i.source(), problems);
                Interface first = seen.putIfAbsent(i.name(), i);
                if (first != null && i.created() && first.created()) {
                    problems.add(Problem.error(i.source(), "interface '" + i.name() + "' is declared twice in "
                                    + ns.name() + " (first at line " + first.source().line() + ")",
                            "an interface name is used once per namespace; pick another name, or select the"
                                    + " existing one with dev '" + i.name() + "'"));
                }
            }
        }
    }

    static void namespaceName(String name, Source source, List<Problem> problems) {
        if (name.length() > NAMESPACE_MAX) {
            problems.add(Problem.error(source, "namespace name '" + name + "' is " + name.length()
                    + " characters long; at most " + NAMESPACE_MAX + " are allowed", "use a shorter name"));
        } else if (!NAMESPACE.matcher(name).matches()) {
            problems.add(Problem.error(source, "namespace name '" + name + "' is not valid",
                    "use letters, digits, '_', '.' and '-', starting with a letter or digit, e.g. 'server-1'"));
        }
    }

    static void interfaceName(String name, Source source, List<Problem> problems) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        String why = null;
        if (bytes == 0) why = "is empty";
        else if (bytes > IFNAME_MAX) why = "is " + bytes + " bytes long; Linux allows at most " + IFNAME_MAX;
        else if (name.equals(".") || name.equals("..")) why = "cannot be '.' or '..'";
        else if (name.contains("/") || name.contains(":") || name.chars().anyMatch(Character::isWhitespace)) {
            why = "may not contain '/', ':' or white space";
        } else if (Carriable.problem(name) != null) {
            why = Carriable.problem(name);
        } else if (name.contains("%")) {
            why = "holds '%', which the kernel reads in a new name as a number to fill in (a%d becomes a0)";
        } else if (name.endsWith("+") || name.startsWith("!")) {
            why = "would be read by iptables as " + (name.startsWith("!") ? "a negation" : "a wildcard") + ", not as this name";
        }
        if (why != null) {
            problems.add(Problem.error(source, "interface name '" + name + "' " + why,
                    "use 1 to 15 characters without '/', ':', '%', spaces, quotes, '#', '\\' or control characters, not starting with '-', e.g. 'veth0'"));
        }
    }

    private static String firstFile(Lab lab) {
        return lab.scripts().keySet().stream().findFirst().orElse("<script>");
    }
}
