package nslab.console;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Buffer;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.Widget;

/**
 * Tab puts a space after a word it completes, as a shell does. A learner who then types the space
 * anyway, or the comma that follows a quoted name, would get {@code namespace  'server'} or
 * {@code peer 'gateway' , name:}: so that space gives way to a space or punctuation typed right
 * after the completion, and stays for anything else.
 */
final class TabSpace {
    /** Keys that take the place of the space Tab added. */
    private static final String GIVE_WAY_TO = " ,;)";

    private final LineReader reader;
    private String afterTab;
    private int cursorAfterTab = -1;

    private TabSpace(LineReader reader) {
        this.reader = reader;
    }

    static void install(LineReader reader) {
        new TabSpace(reader).bind();
    }

    private void bind() {
        KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
        Binding tab = main.getBound("\t");
        reader.getWidgets().put("nslab-complete", () -> {
            boolean done = true;
            if (tab instanceof Widget w) done = w.apply();
            else reader.callWidget(tab instanceof Reference r ? r.name() : LineReader.COMPLETE_WORD);
            afterTab = reader.getBuffer().toString();
            cursorAfterTab = reader.getBuffer().cursor();
            return done;
        });
        main.bind(new Reference("nslab-complete"), "\t");
        reader.getWidgets().put("nslab-after-tab", this::typed);
        for (char c : GIVE_WAY_TO.toCharArray()) main.bind(new Reference("nslab-after-tab"), String.valueOf(c));
    }

    /** A space or punctuation key: right after a completion it replaces the space Tab wrote. */
    private boolean typed() {
        Buffer b = reader.getBuffer();
        boolean rightAfterTab = afterTab != null && afterTab.equals(b.toString()) && b.cursor() == cursorAfterTab;
        afterTab = null;
        String key = reader.getLastBinding();
        if (rightAfterTab && b.cursor() > 0 && b.prevChar() == ' ') {
            if (" ".equals(key)) return true;
            b.backspace();
        }
        reader.callWidget(LineReader.SELF_INSERT);
        return true;
    }
}
