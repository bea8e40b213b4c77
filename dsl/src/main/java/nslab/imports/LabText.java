package nslab.imports;

/** Groovy string literals for the lab lines the importer writes. */
final class LabText {
    private LabText() {}

    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
