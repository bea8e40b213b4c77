package nslab.imports;

import java.util.List;

/**
 * Kernel settings: {@code sysctl -w KEY=VALUE}, {@code sysctl KEY=VALUE} (several at once too),
 * and writes to {@code /proc/sys/...} with {@code echo V > FILE} or {@code echo V | tee FILE}.
 * {@code net.ipv4.ip_forward} becomes {@code forward}; other keys become {@code sysctl}.
 */
final class SysctlTranslator implements Translator {
    private static final String PROC = "/proc/sys/";

    @Override
    public void translate(ShellCommand c, String ns, Translation t) {
        var w = c.words();
        switch (c.program()) {
            case "sysctl" -> sysctl(c, ns, t, w);
            case "cat" -> {
                if (c.redirect() != null && c.redirect().startsWith(PROC)) {
                    t.refuse(c, "cat reads a file called " + (w.size() > 1 ? w.get(1) : "nothing")
                            + " and writes it to " + c.redirect() + "; to write a value, echo it: echo 1 > " + c.redirect());
                } else {
                    t.skip(c, "only shows something");
                }
            }
            default -> echo(c, ns, t, w);
        }
    }

    private void sysctl(ShellCommand c, String ns, Translation t, List<String> w) {
        List<String> settings = w.stream().skip(1).filter(x -> !x.startsWith("-")).toList();
        boolean reads = w.stream().anyMatch(x -> x.equals("-a") || x.equals("--all"));
        if (w.stream().anyMatch(x -> x.equals("-p") || x.equals("--load") || x.equals("--system"))) {
            t.refuse(c, "sysctl -p reads its settings from a file that is not in this text");
            return;
        }
        if (reads || settings.isEmpty() || settings.stream().noneMatch(s -> s.contains("="))) {
            t.skip(c, "only shows something");
            return;
        }
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                t.refuse(c, s + " is no KEY=VALUE setting");
                return;
            }
            set(c, ns, s.substring(0, eq).trim(), s.substring(eq + 1).trim(), t);
        }
    }

    private void echo(ShellCommand c, String ns, Translation t, List<String> w) {
        String file = c.redirect();
        if (file == null) {
            t.skip(c, "only prints something");
            return;
        }
        if (!file.startsWith(PROC)) {
            t.refuse(c, "writes the file " + file + ", which is not a kernel setting under /proc/sys");
            return;
        }
        List<String> values = w.stream().skip(1).filter(x -> !x.matches("-[neE]+")).toList();
        if (values.size() != 1) {
            t.refuse(c, "writes " + String.join(" ", values) + " to " + file + ": one value expected");
            return;
        }
        set(c, ns, file.substring(PROC.length()).replace('/', '.'), values.get(0), t);
    }

    static void set(ShellCommand c, String ns, String key, String value, Translation t) {
        key = key.contains("/") ? key.replace('/', '.') : key;
        if (!key.startsWith("net.")) {
            t.refuse(c, key + " is not a network setting (net.*), which is all a lab can set");
            return;
        }
        if (!value.matches("[A-Za-z0-9_.:-]+")) {
            t.refuse(c, "the value '" + value + "' of " + key + " is not one word");
            return;
        }
        String text;
        if (key.equals("net.ipv4.ip_forward") && (value.equals("1") || value.equals("0"))) {
            text = "forward " + value.equals("1");
        } else {
            text = "sysctl " + LabText.quote(key) + ", " + (value.matches("-?\\d+") ? value : LabText.quote(value));
        }
        t.model.sysctls.put(ImportModel.sysctlKey(ns, key), new ImportModel.Setting(ns, text, c));
    }
}
