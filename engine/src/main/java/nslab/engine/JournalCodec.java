package nslab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nslab.model.Source;
import nslab.plan.Command;
import nslab.plan.Effect;
import nslab.plan.Phase;
import nslab.plan.Tool;

/**
 * Journal records to and from the fields of a line ({@link JournalLines} is the line itself).
 * Reading checks every field against what nslab writes: a record that could not have come from
 * nslab is refused, never given a meaning.
 */
final class JournalCodec {
    static final String MAGIC = "nslab-journal";
    static final int VERSION = 3;

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern NETNS_ID = Pattern.compile("[0-9]{1,20}:[0-9]{1,20}:-?[0-9]{1,20}");
    private static final Pattern HASH = Pattern.compile("[0-9]{1,12}-[0-9a-f]{1,16}");
    private static final Pattern ID_KEY = Pattern.compile("[a-z]{1,20}( " + Made.NAME.pattern() + ")?");

    private JournalCodec() {}

    /** Appends the line of {@code r}, newline included. */
    static void write(JournalRecord r, StringBuilder out) {
        List<String> f = new ArrayList<>(16);
        if (r instanceof JournalRecord.Header h) {
            f.addAll(List.of(MAGIC, String.valueOf(h.version()), h.lab(), h.source() == null ? "-" : h.source()));
        } else if (r instanceof JournalRecord.Applier a) {
            f.addAll(List.of("A", String.valueOf(a.pid()), String.valueOf(a.start())));
        } else if (r instanceof JournalRecord.Time t) {
            f.addAll(List.of("T", String.valueOf(t.epochNanos())));
        } else if (r instanceof JournalRecord.Intent s) {
            f.addAll(List.of("S", String.valueOf(s.id()), s.phase().name(), s.background() ? "1" : "0",
                    s.source().file(), String.valueOf(s.source().line())));
            encode(s.command(), f);
            encode(s.effect(), f);
            encode(s.made(), f);
        } else if (r instanceof JournalRecord.Mark m) {
            f.addAll(List.of(tag(m.state()), String.valueOf(m.id())));
        } else if (r instanceof JournalRecord.OldValue o) {
            f.addAll(List.of("O", String.valueOf(o.id()), o.value()));
        } else if (r instanceof JournalRecord.Pid p) {
            f.addAll(List.of("P", String.valueOf(p.id()), String.valueOf(p.pid()), String.valueOf(p.start())));
        } else if (r instanceof JournalRecord.Identity i) {
            f.addAll(List.of("I", String.valueOf(i.id()), i.key(), i.value()));
        } else if (r instanceof JournalRecord.Noted n) {
            f.add(n.added() ? "N" : "n");
            encode(n.note(), f);
        }
        JournalLines.append(f, out);
    }

    /** The record of a line's fields; throws {@link IllegalArgumentException} when it is not one nslab writes. */
    static JournalRecord read(String[] f) {
        if (f == null) throw new IllegalArgumentException("its checksum does not match");
        Reader in = new Reader(f);
        String tag = in.next();
        JournalRecord r = switch (tag) {
            case "A" -> new JournalRecord.Applier(in.number(), in.number());
            case "T" -> new JournalRecord.Time(in.number());
            case "S" -> new JournalRecord.Intent(in.id(), Phase.valueOf(in.next()), in.next().equals("1"),
                    new Source(in.next(), (int) in.number()), command(in), effect(in), Made.check(made(in)));
            case "D", "F", "X", "R" -> new JournalRecord.Mark(in.id(), state(tag));
            case "O" -> new JournalRecord.OldValue(in.id(), in.matching(Made.VALUE, "a value"));
            case "P" -> new JournalRecord.Pid(in.id(), in.number(), in.number());
            case "I" -> identity(in.id(), in.matching(ID_KEY, "an identity"), in.next());
            case "N", "n" -> new JournalRecord.Noted(note(in), tag.equals("N"));
            default -> throw new IllegalArgumentException("an unknown record '" + tag + "'");
        };
        if (!in.done()) throw new IllegalArgumentException("too many fields");
        return r;
    }

    /** The header of a journal's first line, or null when it is none. */
    static JournalRecord.Header header(String[] f) {
        if (f == null || f.length != 4 || !f[0].equals(MAGIC) || !NUMBER.matcher(f[1]).matches()) return null;
        return new JournalRecord.Header(Integer.parseInt(f[1]), f[2], f[3].equals("-") ? null : f[3]);
    }

    private static String tag(Journal.State s) {
        return switch (s) {
            case DONE -> "D";
            case FAILED -> "F";
            case REMOVING -> "X";
            case REMOVED -> "R";
            case STARTED -> throw new IllegalArgumentException("an intent is its own record");
        };
    }

    private static Journal.State state(String tag) {
        return switch (tag) {
            case "D" -> Journal.State.DONE;
            case "F" -> Journal.State.FAILED;
            case "X" -> Journal.State.REMOVING;
            default -> Journal.State.REMOVED;
        };
    }

    private static JournalRecord identity(int id, String key, String value) {
        boolean ok = switch (key.split(" ")[0]) {
            case "netns" -> NETNS_ID.matcher(value).matches();
            case "ifindex" -> key.contains(" ") && value.matches("[0-9]{1,10}");
            default -> Made.VALUE.matcher(value).matches();
        };
        if (!ok) throw new IllegalArgumentException("an identity nslab does not write");
        return new JournalRecord.Identity(id, key, value);
    }

    private static void encode(Command c, List<String> f) {
        f.add(c.namespace() == null ? "=" : "=" + c.namespace());
        f.add(c.tool().name());
        f.add(String.valueOf(c.args().size()));
        f.addAll(c.args());
    }

    private static Command command(Reader in) {
        String ns = in.namespace();
        Tool tool = Tool.valueOf(in.next());
        return new Command(ns, tool, in.list());
    }

    private static void encode(Effect e, List<String> f) {
        f.add(e.kind().name());
        f.add(e.namespace() == null ? "=" : "=" + e.namespace());
        f.add(e.name());
        for (List<Effect.Device> devices : List.of(e.creates(), e.on())) {
            f.add(String.valueOf(devices.size()));
            for (Effect.Device d : devices) {
                f.add(d.namespace() == null ? "=" : "=" + d.namespace());
                f.add(d.name());
            }
        }
    }

    private static Effect effect(Reader in) {
        Effect.Kind kind = Effect.Kind.valueOf(in.next());
        String ns = in.namespace();
        String name = in.next();
        List<List<Effect.Device>> lists = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            int n = in.count(2);
            List<Effect.Device> devices = new ArrayList<>();
            for (int i = 0; i < n; i++) devices.add(new Effect.Device(in.namespace(), in.next()));
            lists.add(devices);
        }
        return new Effect(kind, ns, name, lists.get(0), lists.get(1));
    }

    private static void encode(Made m, List<String> f) {
        String ns = m.namespace() == null ? "=" : "=" + m.namespace();
        if (m instanceof Made.Namespace n) f.addAll(List.of("namespace", n.name()));
        else if (m instanceof Made.Link l) f.addAll(List.of("link", ns, l.name(), l.kind()));
        else if (m instanceof Made.Address a) f.addAll(List.of("address", ns, a.dev(), a.address()));
        else if (m instanceof Made.Route r) { f.addAll(List.of("route", ns, String.valueOf(r.spec().size()))); f.addAll(r.spec()); }
        else if (m instanceof Made.Up u) f.addAll(List.of("up", ns, u.dev()));
        else if (m instanceof Made.Master x) f.addAll(List.of("master", ns, x.dev()));
        else if (m instanceof Made.Sysctl s) f.addAll(List.of("sysctl", ns, s.key(), s.value()));
        else if (m instanceof Made.Rule r) {
            f.addAll(List.of("rule", ns, r.table(), r.chain(), String.valueOf(r.spec().size())));
            f.addAll(r.spec());
        } else if (m instanceof Made.Qdisc q) f.addAll(List.of("qdisc", ns, q.dev()));
        else if (m instanceof Made.Process) f.addAll(List.of("process", ns));
        else f.addAll(List.of("setting", ns));
    }

    private static Made made(Reader in) {
        String kind = in.next();
        if (kind.equals("namespace")) return new Made.Namespace(in.next());
        String ns = in.namespace();
        return switch (kind) {
            case "link" -> new Made.Link(ns, in.next(), in.next());
            case "address" -> new Made.Address(ns, in.next(), in.next());
            case "route" -> new Made.Route(ns, in.list());
            case "up" -> new Made.Up(ns, in.next());
            case "master" -> new Made.Master(ns, in.next());
            case "sysctl" -> new Made.Sysctl(ns, in.next(), in.next());
            case "rule" -> new Made.Rule(ns, in.next(), in.next(), in.list());
            case "qdisc" -> new Made.Qdisc(ns, in.next());
            case "process" -> new Made.Process(ns);
            case "setting" -> new Made.Setting(ns);
            default -> throw new IllegalArgumentException("an unknown kind of thing made: " + kind);
        };
    }

    private static void encode(JournalNote n, List<String> f) {
        if (n instanceof JournalNote.Table t) f.addAll(List.of("table", t.name()));
        else if (n instanceof JournalNote.NameFile nf) f.addAll(List.of("names-file", nf.namespace(), nf.hash()));
        else if (n instanceof JournalNote.NameDir d) f.addAll(List.of("names-dir", d.namespace()));
    }

    private static JournalNote note(Reader in) {
        return switch (in.next()) {
            case "table" -> {
                String t = in.next();
                if (!Made.TABLES.contains(t)) throw new IllegalArgumentException("an iptables table nslab does not use");
                yield new JournalNote.Table(t);
            }
            case "names-file" -> new JournalNote.NameFile(in.matching(Made.NAME, "a name"), in.matching(HASH, "a checksum"));
            case "names-dir" -> new JournalNote.NameDir(in.matching(Made.NAME, "a name"));
            default -> throw new IllegalArgumentException("an unknown note");
        };
    }

    /** The fields of one line, read in order. */
    private static final class Reader {
        private final String[] f;
        private int at;

        Reader(String[] f) { this.f = f; }

        String next() {
            if (at >= f.length) throw new IllegalArgumentException("too few fields");
            return f[at++];
        }

        boolean done() { return at == f.length; }

        long number() {
            String s = next();
            if (!NUMBER.matcher(s).matches()) throw new IllegalArgumentException("not a number: " + s);
            return Long.parseLong(s);
        }

        int id() {
            long n = number();
            if (n < 1 || n > Integer.MAX_VALUE) throw new IllegalArgumentException("a step number out of range");
            return (int) n;
        }

        String matching(Pattern p, String what) {
            String s = next();
            if (!p.matcher(s).matches()) throw new IllegalArgumentException(what + " nslab does not write");
            return s;
        }

        /** A namespace field: {@code =} (the root namespace) or {@code =NAME}. */
        String namespace() {
            String s = next();
            if (!s.startsWith("=")) throw new IllegalArgumentException("a malformed namespace field");
            return s.length() == 1 ? null : s.substring(1);
        }

        int count(int width) {
            long n = number();
            if (n < 0 || at + width * n > f.length) throw new IllegalArgumentException("a malformed count");
            return (int) n;
        }

        List<String> list() {
            int n = count(1);
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(f[at++]);
            return out;
        }
    }
}
