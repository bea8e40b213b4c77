package nslab.render;

import nslab.model.Lab;

/** The topology of a lab: text for the terminal, Graphviz dot, or Mermaid. */
public final class GraphRenderer {
    public enum Format { TEXT, DOT, MERMAID }

    public String render(Lab lab, Format format) {
        return lab.name() + "\n";
    }
}
