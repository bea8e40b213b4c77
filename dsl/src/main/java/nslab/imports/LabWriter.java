package nslab.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out {@link LabLines} as a lab script: blocks indented by four, each comment aligned after
 * its line, what was skipped or not translated listed at the end with its line number.
 */
final class LabWriter {
    private static final int COMMENT_COLUMN = 48;

    String write(String labName, String from, ImportModel model) {
        LabLines lab = LabLines.of(model, false);
        StringBuilder out = new StringBuilder();
        out.append("// Imported by nslab import").append(from != null ? " from " + from : "").append(".\n");
        if (labName != null) out.append("lab ").append(LabText.quote(labName)).append('\n');
        for (LabLines.Block b : lab.blocks) {
            out.append('\n');
            List<String> body = body(b);
            if (body.isEmpty()) {
                out.append(b.isHost() ? "host { }" : "namespace " + LabText.quote(b.namespace())).append('\n');
                continue;
            }
            out.append(b.opening()).append('\n');
            body.forEach(l -> out.append("    ").append(l).append('\n'));
            out.append("}\n");
        }
        if (!lab.expectations.isEmpty()) {
            out.append("\nexpect {\n");
            lab.expectations.forEach(l -> out.append("    ").append(line(l, 4)).append('\n'));
            out.append("}\n");
        }
        notes(out, "Not translated (the lab above lacks what these build):", model.untranslated);
        notes(out, "Read as said here:", model.readAs);
        notes(out, "Skipped:", model.skipped);
        return out.toString();
    }

    private static List<String> body(LabLines.Block b) {
        List<String> lines = new ArrayList<>();
        for (LabLines.DeviceLines d : b.devices()) {
            if (d.declaration() != null && d.kind() == Device.Kind.BRIDGE || d.declaration() == null) {
                List<String> inner = new ArrayList<>();
                if (!d.ports().isEmpty()) inner.add("port " + String.join(", ", d.ports().stream().map(LabText::quote).toList()));
                d.settings().forEach(s -> inner.add(line(s, 8)));
                String head = d.declaration() != null ? d.declaration().text() : "dev " + LabText.quote(d.name());
                if (inner.isEmpty() && d.declaration() == null) continue;
                if (inner.isEmpty()) {
                    lines.add(line(d.declaration(), 4));
                } else if (inner.size() == 1 && (d.ports().isEmpty() || d.declaration().comment() == null)) {
                    LabLines.Line only = d.ports().isEmpty() ? d.settings().get(0) : d.declaration();
                    lines.add(line(new LabLines.Line(head + " { " + (d.ports().isEmpty() ? only.text() : inner.get(0)) + " }",
                            only.comment()), 4));
                } else {
                    lines.add(head + " {");
                    inner.forEach(l -> lines.add("    " + l));
                    lines.add("}");
                }
            } else {
                lines.add(line(d.declaration(), 4));
                d.settings().forEach(s -> lines.add(line(s, 4)));
            }
        }
        b.lines().forEach(l -> lines.add(line(l, 4)));
        return lines;
    }

    private static String line(LabLines.Line l, int indent) {
        if (l.comment() == null) return l.text();
        int pad = Math.max(1, COMMENT_COLUMN - indent - l.text().length());
        return l.text() + " ".repeat(pad) + "// " + l.comment();
    }

    private static void notes(StringBuilder out, String title, List<ImportModel.Note> notes) {
        if (notes.isEmpty()) return;
        out.append("\n// ").append(title).append('\n');
        notes.forEach(n -> out.append("// ").append(n.format()).append('\n'));
    }
}
