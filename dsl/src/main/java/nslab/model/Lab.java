package nslab.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole lab as the script described it, before validation. Namespaces are in the order
 * they were first declared; the host, if the script mentions it, is among them.
 * {@code scripts} holds the text of each source file by name, for explain and error messages.
 * {@code convergence}: {@code expect { converged within: ... }}, or null.
 */
public record Lab(String name, List<Namespace> namespaces, List<Expectation> expectations,
                  Map<String, List<String>> scripts, Convergence convergence) {

    public Lab {
        namespaces = List.copyOf(namespaces);
        expectations = List.copyOf(expectations);
        scripts = Map.copyOf(scripts);
    }

    public Lab(String name, List<Namespace> namespaces, List<Expectation> expectations, Map<String, List<String>> scripts) {
        this(name, namespaces, expectations, scripts, null);
    }

    /** The same lab with other namespaces (what a model transformation gives). */
    public Lab withNamespaces(List<Namespace> other) {
        return new Lab(name, other, expectations, scripts, convergence);
    }

    /** Whether the lab states anything for check to check: a ping, or that its daemons converge. */
    public boolean checked() {
        return !expectations.isEmpty() || convergence != null;
    }

    /** The namespaces that run routing daemons. */
    public List<Namespace> routers() {
        return namespaces.stream().filter(n -> n.routing().any()).toList();
    }

    public Optional<Namespace> namespace(String name) {
        return namespaces.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The namespaces the lab creates: all but the host. */
    public List<Namespace> created() {
        return namespaces.stream().filter(n -> !n.host()).toList();
    }

    public Optional<Namespace> host() {
        return namespaces.stream().filter(Namespace::host).findFirst();
    }

    /** The text of a source line, or "" when it is not known. */
    public String line(Source source) {
        List<String> lines = scripts.get(source.file());
        if (lines == null || source.line() < 1 || source.line() > lines.size()) return "";
        return lines.get(source.line() - 1);
    }
}
