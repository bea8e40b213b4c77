package nslab.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link LabLines} as one-line console entries, each standing alone ({@code namespace 'gw' { dev
 * 'eth0' { ip '10.0.0.1/24' } }}): namespaces first, then declarations, then everything else, so
 * that an entry never names what a later one declares.
 */
final class ConsoleEntries {
    private ConsoleEntries() {}

    static List<String> of(LabLines lab) {
        List<String> namespaces = new ArrayList<>();
        List<String> declarations = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (LabLines.Block b : lab.blocks) {
            String open = b.opening() + " ";
            if (!b.isHost()) namespaces.add("namespace " + LabText.quote(b.namespace()));
            for (LabLines.DeviceLines d : b.devices()) {
                if (d.declaration() != null) declarations.add(open + d.declaration().text() + " }");
                String dev = "dev " + LabText.quote(d.name()) + " { ";
                for (String port : d.ports()) rest.add(open + dev + "port " + LabText.quote(port) + " } }");
                for (LabLines.Line s : d.settings()) rest.add(open + dev + s.text() + " } }");
            }
            for (LabLines.Line l : b.lines()) rest.add(open + l.text() + " }");
        }
        for (LabLines.Line e : lab.expectations) rest.add("expect { " + e.text() + " }");
        List<String> all = new ArrayList<>(namespaces);
        all.addAll(declarations);
        all.addAll(rest);
        return all;
    }
}
