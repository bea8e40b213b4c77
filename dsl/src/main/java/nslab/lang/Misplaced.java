package nslab.lang;

import groovy.lang.MissingMethodException;
import nslab.model.Source;

/**
 * A word of the language written in a block where it does not belong ({@code namespace} inside a
 * namespace, {@code veth} at the top level). It is reported where it stands and the rest of its
 * phrase ({@code peer 'b'}, {@code to 'x'}, its block) is swallowed, so that the script reads on
 * and every other problem is reported in the same run.
 */
final class Misplaced {
    private static final Misplaced REST = new Misplaced();

    private Misplaced() {}

    /**
     * Reports {@code word} when it is a word of another block and returns the swallower of its
     * phrase; throws Groovy's MissingMethodException otherwise, so that the enclosing block, the
     * script's own methods or the unknown-word report have their turn.
     */
    static Object word(LabBuilder lab, String word, Object args, Words.Context here, Class<?> type) {
        Words.Word w = Words.find(word).orElse(null);
        Object[] arguments = args instanceof Object[] a ? a : new Object[] {args};
        if (w == null || w.context() == here || w.context() == Words.Context.AFTER) {
            throw new MissingMethodException(word, type, arguments);
        }
        Source at = ScriptLines.here();
        lab.problem(LabLoader.wordProblem(at, word, arguments, here));
        return REST;
    }

    public Object methodMissing(String name, Object args) {
        return this;
    }

    public Object propertyMissing(String name) {
        return this;
    }
}
