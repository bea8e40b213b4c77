package nslab.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing a plan does to the kernel, typed: what the planner makes, what an executor carries
 * out, and what is undone. Each operation lays out its own words ({@link #args}): the printed plan,
 * {@code plan | sh} and an {@code ip -batch} line all come from them. {@code at} is the namespace
 * it is carried out in (null: the root namespace).
 * <p>
 * {@link Verbatim} is a command nobody typed (read back from a journal, or written by hand in a
 * spec): an executor runs it through its tool's own program.
 */
public sealed interface Operation {
    String at();

    Tool tool();

    /** The words after the program, as {@code ip -batch}, {@code tc -batch} or a shell reads them. */
    List<String> args();

    /** The command line that carries it out in a shell. */
    default Command command() {
        return new Command(at(), tool(), args());
    }

    /** An {@code ip} operation. */
    sealed interface Ip extends Operation {
        default Tool tool() { return Tool.IP; }
    }

    record AddNamespace(String name) implements Ip {
        public String at() { return null; }
        public List<String> args() { return List.of("netns", "add", name); }
    }

    record DeleteNamespace(String name) implements Ip {
        public String at() { return null; }
        public List<String> args() { return List.of("netns", "del", name); }
    }

    /** Makes device {@code name}, of a kind; {@code into}: the namespace it is made in, when not {@code at}. */
    record AddLink(String at, String name, String into, LinkKind kind) implements Ip {
        public List<String> args() { return kind.args(name, into); }
    }

    record DeleteLink(String at, String name) implements Ip {
        public List<String> args() { return List.of("link", "del", "dev", name); }
    }

    /** Changes one thing of an existing device. */
    record SetLink(String at, String dev, LinkChange change) implements Ip {
        public List<String> args() {
            List<String> a = new ArrayList<>(List.of("link", "set", "dev", dev));
            a.addAll(change.words());
            return a;
        }
    }

    /** {@code address}: as the lab writes it ({@code 10.0.0.1/24}); {@code nodad}: usable at once (IPv6). */
    record AddAddress(String at, String dev, String address, boolean nodad) implements Ip {
        public List<String> args() {
            List<String> a = new ArrayList<>(List.of("addr", "add", address, "dev", dev));
            if (nodad) a.add("nodad");
            return a;
        }
    }

    record DeleteAddress(String at, String dev, String address) implements Ip {
        public List<String> args() { return List.of("addr", "del", address, "dev", dev); }
    }

    /** A route in the main table: {@code destination} ({@code default} or a prefix), {@code via} and {@code dev} when given. */
    record AddRoute(String at, String destination, String via, String dev) implements Ip {
        public List<String> args() { return routeArgs("add", destination, via, dev); }

        public DeleteRoute undo() { return new DeleteRoute(at, destination, via, dev); }
    }

    record DeleteRoute(String at, String destination, String via, String dev) implements Ip {
        public List<String> args() { return routeArgs("del", destination, via, dev); }
    }

    /** A kernel setting, {@code sysctl -w key=value}. */
    record SetSysctl(String at, String key, String value) implements Operation {
        public Tool tool() { return Tool.SYSCTL; }
        public List<String> args() { return List.of("-w", key + "=" + value); }
    }

    /** An iptables rule appended ({@code add}) to or deleted from a chain of a table; {@code match}: its own words. */
    record IptablesRule(String at, boolean add, String table, String chain, List<String> match) implements Operation {
        public IptablesRule { match = List.copyOf(match); }

        public Tool tool() { return Tool.IPTABLES; }

        public List<String> args() {
            List<String> a = new ArrayList<>();
            if (!table.equals("filter")) a.addAll(List.of("-t", table));
            a.addAll(List.of(add ? "-A" : "-D", chain));
            a.addAll(match);
            return a;
        }

        public IptablesRule undo() { return new IptablesRule(at, false, table, chain, match); }
    }

    /** A root queueing discipline on a device: {@code qdisc}, its kind and parameters as tc reads them. */
    record AddQdisc(String at, String dev, List<String> qdisc) implements Operation {
        public AddQdisc { qdisc = List.copyOf(qdisc); }

        public Tool tool() { return Tool.TC; }

        public List<String> args() {
            List<String> a = new ArrayList<>(List.of("qdisc", "add", "dev", dev, "root"));
            a.addAll(qdisc);
            return a;
        }
    }

    record DeleteQdisc(String at, String dev) implements Operation {
        public Tool tool() { return Tool.TC; }
        public List<String> args() { return List.of("qdisc", "del", "dev", dev, "root"); }
    }

    /** A program started with {@code sh -c} and left running. */
    record RunProcess(String at, String script) implements Operation {
        public Tool tool() { return Tool.RUN; }
        public List<String> args() { return List.of(script); }
    }

    /** A command as it was given, not typed. */
    record Verbatim(Command given) implements Operation {
        public String at() { return given.namespace(); }
        public Tool tool() { return given.tool(); }
        public List<String> args() { return given.args(); }
        public Command command() { return given; }
    }

    private static List<String> routeArgs(String verb, String destination, String via, String dev) {
        // no -6: ip reads the family from the destination or the gateway, and a line of
        // ip -batch cannot carry an option ("Object "-6" is unknown")
        List<String> a = new ArrayList<>(List.of("route", verb, destination));
        if (via != null) a.addAll(List.of("via", via));
        if (dev != null) a.addAll(List.of("dev", dev));
        return a;
    }
}
