package nslab.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs each command through the translator of its family, in a namespace ({@code ip netns exec}
 * and {@code ip -n} choose another), and holds the model they build. Also the translators'
 * common vocabulary: skip, refuse, find a device.
 */
final class Translation {
    /** Programs that only show something: skipped with a comment. */
    private static final Set<String> LOOKING = Set.of("netstat", "tcpdump", "ss", "arp", "ls", "grep", "lsmod",
            "ethtool", "traceroute", "tracepath", "mtr", "nstat", "bridge", "ip6tables-save", "iptables-save",
            "lsns", "ps", "nsenter-show", "watch", "less", "more", "head", "tail", "clear", "readlink");
    private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "/bin/bash", "/bin/sh", "/usr/bin/bash",
            "/bin/zsh", "/usr/bin/zsh");

    final ImportModel model = new ImportModel();
    final Shells shells = new Shells();
    private final Map<String, Translator> translators = Map.ofEntries(
            Map.entry("ip", new IpTranslator()),
            Map.entry("ifconfig", new IfconfigTranslator()),
            Map.entry("route", new RouteTranslator()),
            Map.entry("brctl", new BrctlTranslator()),
            Map.entry("sysctl", new SysctlTranslator()),
            Map.entry("echo", new SysctlTranslator()),
            Map.entry("printf", new SysctlTranslator()),
            Map.entry("cat", new SysctlTranslator()),
            Map.entry("iptables", new IptablesTranslator()),
            Map.entry("tc", new TcTranslator()),
            Map.entry("ping", new PingTranslator()),
            Map.entry("ping6", new PingTranslator()));

    /** Runs a command as typed at its prompt: in the namespace of the shell that prompt belongs to. */
    void runTyped(ShellCommand command) {
        run(command, shells.namespaceOf(command));
    }

    void run(ShellCommand command, String ns) {
        String program = command.program();
        int slash = program.lastIndexOf('/');
        if (slash >= 0 && slash < program.length() - 1 && command.redirect() == null) {
            program = program.substring(slash + 1);         // /sbin/ip, /usr/sbin/brctl
        }
        Translator translator = translators.get(program);
        Optional<String> blank = PrintedText.blank(command.text());
        if (blank.isPresent()) {
            skip(command, "a form with a blank to fill in (" + blank.get() + "), not a command to run");
        } else if (command.words().stream().anyMatch(w -> w.startsWith("<<"))) {
            refuse(command, "its input is the here-document that follows it, whose lines are not commands");
        } else if (translator != null) {
            translator.translate(command, ns, this);
        } else if (LOOKING.contains(program)) {
            skip(command, "only shows something");
        } else if (program.equals("modprobe")) {
            skip(command, "loads a kernel module; the kernel loads the ones a plan needs by itself");
        } else if (program.equals("unshare") && ns.equals(ImportModel.HOST) && opensNetShell(command.words())) {
            String name = model.freeNamespaceName("unshared");
            model.namespaces.add(name);
            shells.open(command, name);
            readAs(command, "opens a shell in a network namespace of its own: namespace '" + name
                    + "', built by what is typed in that shell (a lab's namespaces have names)");
        } else if (!ns.equals(ImportModel.HOST) && shells.opened.contains(ns) && inShell(command, ns)) {
            return;
        } else if (program.equals("unshare") || program.equals("nsenter")) {
            refuse(command, program + " makes namespaces tied to a process; nslab's are named (ip netns add)");
        } else if ((program.equals("sh") || program.equals("bash")) && command.words().size() == 3
                && command.words().get(1).equals("-c")) {
            ShellLines.read(command.words().get(2), command.line()).forEach(inner -> run(inner, ns));
        } else if (program.equals("bash") || program.equals("sh") || program.equals("exit")) {
            refuse(command, "a shell of its own: the commands typed into it are not in this text");
        } else {
            refuse(command, program + " is no command nslab import knows");
        }
    }

    /** unshare with a new network namespace (--net, -n, or a cluster such as -rn) and a shell, or none, to run. */
    private static boolean opensNetShell(List<String> w) {
        boolean net = false;
        int i = 1;
        for (; i < w.size() && w.get(i).startsWith("-"); i++) {
            String o = w.get(i);
            if (o.startsWith("--net=")) return false;    // joins or keeps one bound to a file
            if (o.equals("--net") || (!o.startsWith("--") && o.contains("n"))) net = true;
        }
        return net && (i == w.size() || (i == w.size() - 1 && SHELLS.contains(w.get(i))));
    }

    /** What only a shell opened by unshare reads: its host name, a new shell in its place, leaving it. */
    private boolean inShell(ShellCommand c, String ns) {
        List<String> w = c.words();
        if (c.program().equals("hostname") && w.size() == 2) {
            shells.hostRenamed(c, ns, w.get(1));
            skip(c, "names the host (a UTS namespace), which a lab has no word for; its prompt is still namespace " + ns);
        } else if (c.program().equals("exec") && w.size() == 2 && SHELLS.contains(w.get(1))) {
            skip(c, "a new shell in the same namespace");
        } else if (c.program().equals("exit") && w.size() <= 2) {
            shells.exit(c, ns);
            skip(c, "leaves the shell; the lab keeps namespace " + ns + " until destroy");
        } else {
            return false;
        }
        return true;
    }

    /** A command translated on an assumption the lab's reader should know of. */
    void readAs(ShellCommand c, String how) {
        model.readAs.add(new ImportModel.Note(c.line(), c.text(), how));
    }

    void skip(ShellCommand c, String why) {
        model.skipped.add(new ImportModel.Note(c.line(), c.text(), why));
    }

    void refuse(ShellCommand c, String why) {
        model.untranslated.add(new ImportModel.Note(c.line(), c.text(), why));
    }

    /** A device of namespace {@code ns} the commands created; refuses the command when there is none. */
    Optional<Device> device(ShellCommand c, String ns, String name) {
        Optional<Device> d = model.device(ns, name);
        if (d.isEmpty()) {
            refuse(c, name + " is no device these commands created in " + where(ns));
        }
        return d;
    }

    /** The device a command configures: {@code lo} is skipped (every lab namespace has it up), an unknown one refused. */
    Optional<Device> deviceToConfigure(ShellCommand c, String ns, String name) {
        if (name.equals("lo")) {
            skip(c, "nslab brings lo up in every namespace");
            return Optional.empty();
        }
        return device(c, ns, name);
    }

    /** Refuses the command when {@code ns} is not a namespace the commands created. */
    boolean knownNamespace(ShellCommand c, String ns) {
        if (model.knows(ns)) return true;
        refuse(c, "namespace " + ns + " was not created by these commands (ip netns add " + ns + ")");
        return false;
    }

    static String where(String ns) {
        return ns.equals(ImportModel.HOST) ? "the root namespace" : "namespace " + ns;
    }
}
