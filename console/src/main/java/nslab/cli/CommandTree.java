package nslab.cli;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nslab.command.Settings;
import nslab.command.Verbs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line's tree of commands: the root ({@link Main}), its own commands, then the verbs
 * shared with the console ({@link Verbs}).
 * <p>
 * Picocli builds each command's model by reflecting on its class, and for the whole tree that takes
 * longer than many a command takes to run (about 0.15 s of a cold start). So a run gets only what
 * its arguments need: the root and the one subcommand they name (the same options, the same help
 * for it), or the root alone when they are only the root's options (the console opens). Root help,
 * a mistyped verb (which gets suggestions) and {@code completion} (which describes every command)
 * get the whole tree.
 */
final class CommandTree {
    private static final List<Class<?>> OWN = List.of(ConsoleCommand.class, ImportCommand.class, CompletionCommand.class, nslab.web.WebCommand.class);
    private static final List<Class<?>> WHOLE_TREE = List.of(CompletionCommand.class);

    private CommandTree() {}

    static CommandLine whole(Settings settings) {
        return build(OWN, Verbs.ALL, settings);
    }

    static CommandLine forArguments(Settings settings, String... args) {
        return needed(args).map(commands -> build(commands, settings)).orElseGet(() -> whole(settings));
    }

    private static CommandLine build(List<Class<?>> commands, Settings settings) {
        return build(commands.stream().filter(OWN::contains).toList(), commands.stream().filter(c -> !OWN.contains(c)).toList(), settings);
    }

    private static CommandLine build(List<Class<?>> own, List<Class<?>> verbs, Settings settings) {
        CommandLine root = new CommandLine(new Main(settings), new LabArguments());
        for (Class<?> c : own) root.addSubcommand(c);
        CommandLine cl = Verbs.install(root, verbs, settings);
        for (CommandLine verb : cl.getSubcommands().values()) verb.getCommandSpec().mixinStandardHelpOptions(true);
        return cl;
    }

    /**
     * The subcommands a tree for these arguments needs: none when they are only options of the
     * root's ({@link GlobalOptions}; the console opens) or ask for the version; the one their
     * first other word names; the whole tree (empty) when another option or word comes first, or
     * for {@code completion}.
     */
    static Optional<List<Class<?>>> needed(String... args) {
        Map<String, Boolean> rootOptions = rootOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-V") || a.equals("--version")) return Optional.of(List.of());
            if (a.startsWith("-")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                Boolean takesValue = rootOptions.get(name);
                if (takesValue == null) return Optional.empty();
                if (takesValue && !a.contains("=")) i++;
                continue;
            }
            for (Class<?> c : Stream.concat(OWN.stream(), Verbs.ALL.stream()).toList()) {
                Command command = c.getAnnotation(Command.class);
                boolean named = command.name().equals(a) || Arrays.asList(command.aliases()).contains(a);
                if (named) return WHOLE_TREE.contains(c) ? Optional.empty() : Optional.of(List.of(c));
            }
            return Optional.empty();
        }
        return Optional.of(List.of());
    }

    /** The names of the root's own options, and whether each takes a value. */
    private static Map<String, Boolean> rootOptions() {
        Map<String, Boolean> out = new HashMap<>();
        List<AccessibleObject> members = new ArrayList<>(Arrays.asList(GlobalOptions.class.getDeclaredFields()));
        members.addAll(Arrays.asList(GlobalOptions.class.getDeclaredMethods()));
        for (AccessibleObject m : members) {
            Option o = m.getAnnotation(Option.class);
            if (o == null) continue;
            boolean flag = m instanceof Field f && (f.getType() == boolean.class || f.getType() == Boolean.class);
            for (String n : o.names()) out.put(n, !flag);
        }
        return out;
    }
}
