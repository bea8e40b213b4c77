package nslab.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nslab.engine.ApplyResult;
import nslab.engine.CheckResult;
import nslab.model.Expectation;

/**
 * A lab's expectations as a JUnit XML report, the format CI systems show without glue: a
 * {@code testsuite} for the lab, a {@code testcase} for each expectation (its class name the lab,
 * its name what it expects, {@code file} and {@code line} where it is written), a {@code failure}
 * with the probe's command and output and the trace's verdict when it does not hold. An apply adds
 * a first case, {@code apply}, with an {@code error} when the kernel refused a step; expectations
 * it did not get to run are {@code skipped}. Written with the JDK's StAX writer.
 */
public final class JUnitReport {
    private JUnitReport() {}

    public static void write(Path file, CheckRun run) throws IOException {
        write(file, w -> {
            suite(w, run.lab(), run.results().size(), run.failed(), 0, 0, run.millis());
            cases(w, run);
        });
    }

    public static void write(Path file, ApplyRun run) throws IOException {
        ApplyResult r = run.result();
        CheckRun check = run.check();
        int tests = 1 + (check == null ? run.expectations().size() : check.results().size());
        long failures = check == null ? 0 : check.failed();
        int errors = r.ok() ? 0 : 1;
        int skipped = check == null ? run.expectations().size() : 0;
        long millis = run.applyMillis() + (check == null ? 0 : check.millis());
        write(file, w -> {
            suite(w, run.lab(), tests, failures, errors, skipped, millis);
            w.writeStartElement("testcase");
            w.writeAttribute("classname", run.lab());
            w.writeAttribute("name", "apply");
            w.writeAttribute("time", seconds(run.applyMillis()));
            if (!r.ok()) {
                w.writeStartElement("error");
                w.writeAttribute("type", r.status().name().toLowerCase());
                w.writeAttribute("message", xml(r.status() == ApplyResult.Status.CONFLICT
                        ? "stopped before changing anything: " + String.join("; ", r.conflicts())
                        : r.failure() == null ? "apply failed" : firstLine(ApplyFailureText.of(r.failure()))));
                w.writeCharacters(xml(r.status() == ApplyResult.Status.CONFLICT ? String.join("\n", r.conflicts())
                        : r.failure() == null ? "" : ApplyFailureText.of(r.failure())));
                w.writeEndElement();
            }
            w.writeEndElement();
            if (check != null) {
                cases(w, check);
            } else {
                String why = !r.ok() ? "not run: the apply failed" : "not run: --no-check";
                for (Expectation e : run.expectations()) {
                    start(w, run.lab(), e);
                    w.writeEmptyElement("skipped");
                    w.writeAttribute("message", why);
                    w.writeEndElement();
                }
            }
        });
    }

    /** The name of an expectation's test case: what it expects, as the lab says it. */
    public static String name(Expectation e) {
        return e.from() + (e.reachable() ? " reaches " : " does not reach ") + e.target()
                + (e.dev() == null ? "" : " via " + e.dev());
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static void write(Path file, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "nslab");
            body.write(w);
            w.writeEndElement(); // testsuite
            w.writeEndElement(); // testsuites
            w.writeEndDocument();
            w.writeCharacters("\n");
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing the JUnit report: " + e.getMessage(), e);
        }
        // A CI step that reads the report never sees half of one.
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void suite(XMLStreamWriter w, String lab, int tests, long failures, int errors, int skipped, long millis)
            throws XMLStreamException {
        w.writeStartElement("testsuite");
        w.writeAttribute("name", lab);
        w.writeAttribute("tests", String.valueOf(tests));
        w.writeAttribute("failures", String.valueOf(failures));
        w.writeAttribute("errors", String.valueOf(errors));
        w.writeAttribute("skipped", String.valueOf(skipped));
        w.writeAttribute("time", seconds(millis));
        w.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC))
                .replaceFirst("\\.\\d+$", ""));
    }

    private static void cases(XMLStreamWriter w, CheckRun run) throws XMLStreamException {
        List<CheckResult> results = run.results();
        for (int i = 0; i < results.size(); i++) {
            CheckResult r = results.get(i);
            start(w, run.lab(), r.expectation());
            if (!r.ok()) {
                w.writeStartElement("failure");
                w.writeAttribute("type", "expectation");
                w.writeAttribute("message", xml("expected " + r.expected() + ", got " + r.got()
                        + (r.address() == null || r.address().equals(r.expectation().target()) ? "" : " (" + r.address() + ")")));
                StringBuilder body = new StringBuilder();
                if (r.probe() != null) body.append(r.probe()).append('\n');
                if (run.verdicts().get(i) != null) body.append("trace: ").append(run.verdicts().get(i)).append('\n');
                w.writeCharacters(xml(body.toString()));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
    }

    private static void start(XMLStreamWriter w, String lab, Expectation e) throws XMLStreamException {
        w.writeStartElement("testcase");
        w.writeAttribute("classname", lab);
        w.writeAttribute("name", xml(name(e)));
        if (e.source() != null && e.source().line() > 0) {
            w.writeAttribute("file", xml(e.source().file()));
            w.writeAttribute("line", String.valueOf(e.source().line()));
        }
    }

    /**
     * The text with the characters XML 1.0 cannot hold (control characters a command may print)
     * as U+FFFD: the writer escapes markup, but an unparsable report would hide every result.
     */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : 0xFFFD));
        return out.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
