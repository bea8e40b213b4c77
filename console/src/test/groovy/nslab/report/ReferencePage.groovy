package nslab.report

/**
 * docs/reference.md read as data: the statuses of its exit table, the variables of its
 * environment tables, and the fields of each JSON document's table; and the field paths of a
 * document, to hold the two together.
 */
class ReferencePage {
    static final File FILE = new File('../docs/reference.md')

    /** The first cell of each table row under the {@code heading} (up to the next heading of its level or above). */
    static List<String> firstCells(String heading) {
        def lines = FILE.readLines()
        int start = lines.indexOf(heading)
        assert start >= 0: "no '$heading' in $FILE"
        int level = heading.takeWhile { it == '#' }.length()
        def rest = lines.drop(start + 1)
        int end = rest.findIndexOf { it =~ /^#{1,$level} / }
        (end < 0 ? rest : rest.take(end))
                .findAll { it.startsWith('| ') && !it.startsWith('| ---') }
                .collect { it.split(/\s*\|\s*/)[1] }
                .findAll { !(it in ['status', 'variable', 'field']) }
    }

    static List<Integer> exitStatuses() {
        firstCells('## Exit status').collect { it as int }
    }

    static Set<String> variables() {
        firstCells('## Environment').collect { it.replace('`', '') } as Set
    }

    /** The documented field paths of {@code format} ({@code nslab.plan/1}); {@code optional}: only those whose meaning begins "only". */
    static Set<String> fields(String format, boolean optional = false) {
        def lines = FILE.readLines()
        int start = lines.indexOf("### $format".toString())
        assert start >= 0: "no section for $format in $FILE"
        def rest = lines.drop(start + 1)
        int end = rest.findIndexOf { it =~ /^#{1,3} / }
        (end < 0 ? rest : rest.take(end))
                .findAll { it.startsWith('| `') }
                .collect { it.split(/\s*\|\s*/) }
                .findAll { !optional || it[3].startsWith('only') }
                .collect { it[1].replace('`', '') } as Set
    }

    /**
     * Every field path a document holds: {@code steps[].argv}; the keys of an object that names
     * things ({@code namespaces}) are written {@code NAME}; a {@code source} object is one field,
     * its shape described once on the page.
     */
    static Set<String> paths(Object value, String prefix = '') {
        Set<String> out = []
        if (value instanceof Map) {
            value.each { k, v ->
                String key = prefix.endsWith('namespaces.') ? 'NAME' : k
                out << prefix + key
                if (key != 'source') out.addAll(paths(v, prefix + key + '.'))
            }
        } else if (value instanceof List) {
            String list = prefix.substring(0, prefix.length() - 1) + '[].'
            value.each { out.addAll(paths(it, list)) }
        }
        out
    }
}
