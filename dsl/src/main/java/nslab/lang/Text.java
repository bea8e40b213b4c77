package nslab.lang;

import groovy.lang.GString;

/**
 * The text of a word's argument. The words take {@link CharSequence} rather than String, so that
 * a GString ({@code "n$i"}) reaches them as it is instead of being turned into a String by Groovy:
 * Groovy's GString formatting initialises its compiler's import tables on first use, which costs
 * a fresh JVM about 70 ms, a fifth of a whole {@code nslab plan}. The usual values of a lab
 * script (numbers, strings, nested GStrings) are joined here directly; anything else is left to
 * Groovy's own formatting.
 */
final class Text {
    private Text() {}

    static String of(Object value) {
        if (value instanceof GString g) return join(g);
        return value == null ? null : value.toString();
    }

    private static String join(GString g) {
        String[] strings = g.getStrings();
        Object[] values = g.getValues();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < strings.length; i++) {
            out.append(strings[i]);
            if (i >= values.length) continue;
            Object v = values[i];
            if (v instanceof GString nested) out.append(join(nested));
            else if (v == null || v instanceof CharSequence || v instanceof Number || v instanceof Character
                    || v instanceof Boolean) out.append(v);
            else return g.toString();   // a list, a closure (${-> x}), ...: Groovy's rules for those
        }
        return out.toString();
    }
}
