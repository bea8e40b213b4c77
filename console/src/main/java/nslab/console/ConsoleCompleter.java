package nslab.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import nslab.lang.Words;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.Namespace;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes what JLine's registry cannot know: lab-language words, namespace names wherever a
 * namespace goes, interface names of the namespace in question, and files after {@code load}.
 * Names come from the session's lab and from the live kernel, so both planned and live ones show.
 * (Console command names and their options come from the registry's own picocli completer.)
 */
final class ConsoleCompleter implements Completer {
    /** Words after which a command takes an interface name (ip ... dev X, tcpdump -i X, ...). */
    private static final Set<String> BEFORE_INTERFACE = Set.of("dev", "-i", "--interface", "master", "link");
    /** Words after which the lab language takes a namespace name. */
    private static final Set<String> BEFORE_NAMESPACE = Set.of("peer", "reach", "unreachable", "to", "link", "namespace", "ns");

    /** Words and named arguments of the language after which an interface name of the namespace in question goes. */
    private static final Set<String> BEFORE_LAB_INTERFACE = Set.of("dev", "port", "on", "out:", "in:", "dev:");

    private final ConsoleContext ctx;
    private final Predicate<String> isCommand;
    private final Completer files = new Completers.FileNameCompleter();

    ConsoleCompleter(ConsoleContext ctx, Predicate<String> isCommand) {
        this.ctx = ctx;
        this.isCommand = isCommand;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            Words.names(Words.Context.TOP).forEach(w -> candidates.add(word(w)));
            namespaces(false).forEach(n -> candidates.add(namespace(n)));
            return;
        }
        String first = words.get(0);
        switch (first) {
            case "exec":
                if (index == 1) namespaces(true).forEach(n -> candidates.add(namespace(n)));
                else inCommand(words.get(1), words.subList(2, index), candidates);
                return;
            case "shell":
                if (index == 1) namespaces(true).forEach(n -> candidates.add(namespace(n)));
                return;
            case "ping":
            case "trace":
                if (index <= 2) namespaces(index == 1).forEach(n -> candidates.add(namespace(n)));
                return;
            case "capture":
                if (index == 1) namespaces(true).forEach(n -> candidates.add(namespace(n)));
                else if (index == 2) interfaces(words.get(1)).forEach(i -> candidates.add(iface(i)));
                return;
            case "load":
                files.complete(reader, line, candidates);
                return;
            case "undo":
            case "edit":
                if (index == 1) entries(first.equals("undo"), candidates);
                return;
            case "help":
                if (index == 1) Words.names().forEach(w -> candidates.add(word(w)));
                return;
            default:
                break;
        }
        if (isCommand.test(first)) return;
        if (namespaces(false).contains(first)) {
            inCommand(first, words.subList(1, index), candidates);
            return;
        }
        // lab language: only what fits where the cursor is
        String before = words.get(index - 1).replace("'", "").replace("\"", "");
        LabPlace place = LabPlace.of(line.line().substring(0, line.cursor()));
        if (BEFORE_NAMESPACE.contains(before) || (before.endsWith(",") && words.get(0).equals("link"))) {
            namespaces(!before.equals("namespace") && !before.equals("ns")).forEach(n -> candidates.add(namespace(n)));
            return;
        }
        if (BEFORE_LAB_INTERFACE.contains(before)) {
            if (place.namespace() != null) interfaces(place.namespace()).forEach(i -> candidates.add(iface(i)));
            return;
        }
        if (line.word().startsWith("'") || line.word().startsWith("\"")) return; // a value: no word fits
        Words.names(place.context()).forEach(w -> candidates.add(word(w)));
    }

    /** After {@code exec NS} (or {@code NS}): interface names where the command takes one, else namespace names (they stand for addresses). */
    private void inCommand(String ns, List<String> command, List<Candidate> candidates) {
        if (command.isEmpty()) return;
        String before = command.get(command.size() - 1);
        boolean wantsInterface = BEFORE_INTERFACE.contains(before)
                || (command.size() >= 3 && command.get(0).equals("ip") && Set.of("link", "addr", "address").contains(command.get(1))
                    && Set.of("show", "set", "del", "delete").contains(before))
                || (command.size() == 1 && Set.of("ethtool", "ifconfig").contains(command.get(0)));
        if (wantsInterface) {
            interfaces(ns).forEach(i -> candidates.add(iface(i)));
        } else {
            namespaces(false).forEach(n -> candidates.add(namespace(n)));
        }
    }

    /** The numbers of the session's entries, each with its first line (and, for undo, loaded files). */
    private void entries(boolean files, List<Candidate> candidates) {
        for (nslab.lang.LabLoader.Chunk c : ctx.session.entries()) {
            if (ConsoleSession.CONSOLE_FILE.equals(c.file())) {
                String n = String.valueOf(c.firstLine());
                candidates.add(new Candidate(n, n, "entries", c.text().strip().split("\n", 2)[0], null, null, true));
            } else if (files) {
                candidates.add(new Candidate(c.file(), c.file(), "entries", "loaded file", null, null, true));
            }
        }
    }

    /** The lab's namespaces and the live ones (and host, where a command may run in the machine itself). */
    private Set<String> namespaces(boolean withHost) {
        Set<String> names = new LinkedHashSet<>(ctx.knownNamespaces());
        if (withHost) names.add(Namespace.HOST);
        return names;
    }

    private Set<String> interfaces(String ns) {
        Set<String> names = new LinkedHashSet<>();
        Lab lab = ctx.session.lab();
        if (lab != null) lab.namespace(ns).ifPresent(n -> n.interfaces().stream().map(Interface::name).forEach(names::add));
        if (Namespace.HOST.equals(ns) || ctx.kernel.namespaceExists(ns)) names.addAll(ctx.kernel.interfaces(ns));
        return names;
    }

    private static Candidate word(String w) {
        String meaning = Words.find(w).map(Words.Word::meaning).orElse(null);
        return new Candidate(w, w, "lab words", meaning, null, null, true);
    }

    private static Candidate namespace(String n) {
        return new Candidate(n, n, "namespaces", null, null, null, true);
    }

    private static Candidate iface(String i) {
        return new Candidate(i, i, "interfaces", null, null, null, true);
    }
}
