package nslab.console;

/**
 * Start-up runs one thing after another on one thread, and building the terminal mostly waits on
 * the system. Meanwhile a second thread loads and initialises the classes the next stages need,
 * so the two cores of a small machine both work towards the prompt.
 */
final class ClassPreloader {
    private static final String[] CLASSES = {
        "org.jline.reader.impl.LineReaderImpl",
        "org.jline.reader.impl.DefaultParser",
        "org.jline.reader.impl.history.DefaultHistory",
        "org.jline.reader.impl.completer.SystemCompleter",
        "org.jline.console.impl.SystemRegistryImpl",
        "org.jline.console.impl.Builtins",
        "org.jline.widget.TailTipWidgets",
        "org.jline.keymap.KeyMap",
        "org.jline.utils.AttributedStringBuilder",
        "org.jline.utils.Display",
        "picocli.shell.jline3.PicocliCommands",
        "picocli.CommandLine$Model$CommandSpec",
        "picocli.CommandLine$Help",
        "nslab.lang.Words",
    };

    private ClassPreloader() {}

    static void start() {
        if (System.getenv("NSLAB_NO_PRELOAD") != null) return; // for comparing start-up with and without
        Thread t = new Thread(() -> {
            ClassLoader loader = ClassPreloader.class.getClassLoader();
            for (String name : CLASSES) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // only an optimisation
                }
            }
        }, "nslab-preload");
        t.setDaemon(true);
        t.start();
    }
}
