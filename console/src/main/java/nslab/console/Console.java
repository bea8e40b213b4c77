package nslab.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import nslab.command.ExitCodes;
import nslab.engine.Engine;
import nslab.lang.Words;
import org.jline.builtins.ConfigurationPath;
import org.jline.console.ArgDesc;
import org.jline.console.CmdDesc;
import org.jline.console.CmdLine;
import org.jline.console.impl.Builtins;
import org.jline.console.impl.SystemRegistryImpl;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.widget.TailTipWidgets;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliCommands;

/**
 * The interactive console: a JLine line reader over the terminal, JLine's system registry holding
 * the console commands (picocli) and JLine's builtins, and the session's lab growing line by line.
 */
public final class Console {
    private final Terminal terminal;
    private final ConsoleOptions options;
    private final ConsoleContext ctx;
    private final LineReader reader;
    private final LineDispatcher dispatcher;
    private final SystemRegistryImpl registry;
    private final LazyCompleter commandCompleter;
    private final StartupTiming timing;

    /** A console on the process's own terminal, applying labs with the engine on this machine. */
    public static int start(ConsoleOptions options) throws IOException {
        StartupTiming timing = new StartupTiming(options.settings().timing());
        timing.mark("JVM and command line");
        TerminalForeground.takeIfGroupOutside();
        // nativeSignals: Ctrl-C while a command runs must reach our handler, not end the JVM
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("nslab").nativeSignals(true)
                // the native (JNI) terminal first, exec (stty) if it cannot load: no time spent probing the others
                .providers("jni,exec")
                // input from a pipe (printf ... | ./nslab) gets a dumb terminal without JLine's warning about it
                .dumb(true).build()) {
            timing.mark("terminal");
            // Ctrl-Z would stop the console where nothing outside its PID namespace can continue it
            if (TerminalForeground.taken()) terminal.handle(Terminal.Signal.TSTP, signal -> { });
            return new Console(terminal, options, null, timing).run();
        }
    }

    /** A console on any terminal (tests give it one over piped streams); engine null: the one on this machine. */
    public Console(Terminal terminal, ConsoleOptions options, Engine engine) {
        this(terminal, options, engine, new StartupTiming(options.settings().timing()));
    }

    private Console(Terminal terminal, ConsoleOptions options, Engine engine, StartupTiming timing) {
        this.timing = timing;
        this.terminal = terminal;
        this.options = options;
        this.ctx = new ConsoleContext(terminal, options, engine);
        ConsoleSession session = ctx.session;

        Supplier<Path> workDir = () -> Path.of(System.getProperty("user.dir"));
        DefaultParser parser = new DefaultParser();
        // an unclosed brace, bracket, parenthesis or quote continues on the next line
        parser.setEofOnUnclosedBracket(DefaultParser.Bracket.CURLY, DefaultParser.Bracket.ROUND, DefaultParser.Bracket.SQUARE);
        parser.setEofOnUnclosedQuote(true);
        // Groovy comments may hold an apostrophe ("// don't") that must not open a quote
        parser.setLineCommentDelims(new String[] {"//"});
        parser.setBlockCommentDelims(new DefaultParser.BlockCommentDelims("/*", "*/"));

        // where JLine's builtins would keep settings; nothing is written there unless the user asks
        Path home = options.settings().home().resolve(".nslab");
        ConfigurationPath config = new ConfigurationPath(home, home);
        timing.mark("session");
        CommandLine commands = ConsoleCommands.commandLine(ctx);
        timing.mark("picocli commands");
        PicocliCommands picocli = new PicocliCommands(commands);
        picocli.name("nslab");
        Builtins builtins = new Builtins(EnumSet.of(Builtins.Command.HISTORY, Builtins.Command.KEYMAP,
                Builtins.Command.SETOPT, Builtins.Command.UNSETOPT), workDir, config, null);
        registry = new SystemRegistryImpl(parser, terminal, workDir, null);
        registry.setCommandRegistries(builtins, picocli);
        timing.mark("registry");

        // the registry's completers are compiled after the prompt shows (see run), not before
        commandCompleter = new LazyCompleter(registry::completer);
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("nslab")
                .parser(parser)
                .completer(new AggregateCompleter(commandCompleter, new ConsoleCompleter(ctx, registry::hasCommand)))
                .highlighter(new LabHighlighter(registry::hasCommand, session::namespaceNames))
                .variable(LineReader.HISTORY_FILE, options.history())
                .variable(LineReader.HISTORY_SIZE, 5000)
                .variable(LineReader.INDENTATION, 4)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "   ..> ")
                // '!' is ordinary text in lab lines and commands, not history expansion
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                .build();
        // JLine's '}' deletes the blanks before it (to undo indentation), changing what was typed
        reader.getKeyMaps().get(LineReader.MAIN).bind(new org.jline.reader.Reference(LineReader.SELF_INSERT), "}");
        timing.mark("line reader");
        builtins.setLineReader(reader);
        if (options.tailTips() && !dumb(terminal)) {
            new TailTipWidgets(reader, this::describe, 5, TailTipWidgets.TipType.TAIL_TIP).enable();
            // the status border is drawn with line-drawing characters that many terminals show as "qqqq"
            org.jline.utils.Status status = org.jline.utils.Status.getStatus(terminal, false);
            if (status != null) status.setBorder(false);
        }
        TabSpace.install(reader);
        timing.mark("tail tips");
        dispatcher = new LineDispatcher(ctx, registry, commands, parser);
        terminal.handle(Terminal.Signal.INT, signal -> ctx.foreground.interrupt());
    }

    /**
     * Help under the prompt: the command's own for console commands, the example and meaning for a
     * lab word; on a continuation line, of the word that begins that line, not of the block's first.
     */
    private CmdDesc describe(CmdLine line) {
        String head = line.getHead() == null ? "" : line.getHead();
        int newline = head.lastIndexOf('\n');
        if (newline >= 0) return wordDescription(head.substring(newline + 1).trim().split("[\\s('\"{]", 2)[0]);
        CmdDesc desc = registry.commandDescription(line);
        if (desc != null || line.getArgs().isEmpty()) return desc;
        return wordDescription(line.getArgs().get(0));
    }

    private static CmdDesc wordDescription(String word) {
        return Words.find(word).map(w -> {
            List<AttributedString> main = new ArrayList<>();
            main.add(new AttributedString(w.example()));
            main.add(new AttributedString(w.meaning()));
            return new CmdDesc(main, ArgDesc.doArgNames(List.of("")), new java.util.HashMap<>());
        }).orElse(null);
    }

    /** Reads and handles lines until exit or Ctrl-D; the exit status. */
    public int run() {
        PrintWelcome.print(ctx);
        if (options.lab() != null) LoadCommand.load(ctx, options.lab());
        Warmup.startAfterPrompt(commandCompleter::prepare, ctx.session.compiler());
        if (timing.on()) ctx.out.println("(prompt after " + StartupTiming.sinceJvmStart() + " ms since the JVM started)");
        while (true) {
            String line;
            try {
                // after edit N the prompt holds the entry's text, to change (a dumb terminal cannot: it shows it)
                String prefill = ctx.takePrefill();
                if (prefill != null && dumb(terminal)) {
                    ctx.out.println(prefill);
                    prefill = null;
                }
                line = reader.readLine(prompt(), null, (org.jline.reader.MaskingCallback) null, prefill);
            } catch (UserInterruptException e) {
                ctx.takeEditing(); // Ctrl-C at the prompt drops the line being typed, and an edit with it
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            keyboardSignals();
            try {
                dispatcher.dispatch(line);
            } catch (EndOfFileException e) {
                break;
            }
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            ctx.out.println("(history not saved: " + e.getMessage() + ")");
        }
        registry.close();
        Farewell.print(ctx);
        return ExitCodes.OK;
    }

    /**
     * While a command runs, Ctrl-C must become SIGINT (for our handler) rather than a character.
     * A system terminal is already so outside readLine; a terminal over plain streams is not.
     */
    private void keyboardSignals() {
        org.jline.terminal.Attributes attributes = terminal.getAttributes();
        // a dumb terminal (input from a pipe) has no interrupt character: its -1 would match the
        // end of the input, and every read after the last line would be taken for Ctrl-C
        if (attributes.getControlChar(org.jline.terminal.Attributes.ControlChar.VINTR) < 0) return;
        if (!attributes.getLocalFlag(org.jline.terminal.Attributes.LocalFlag.ISIG)) {
            attributes.setLocalFlag(org.jline.terminal.Attributes.LocalFlag.ISIG, true);
            terminal.setAttributes(attributes);
        }
    }

    /** A terminal without cursor movement (input from a pipe): tips under the prompt would only add noise. */
    private static boolean dumb(Terminal terminal) {
        return terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }

    private String prompt() {
        return ctx.session.isLive() ? "nslab live> " : "nslab> ";
    }

    /** For tests: the reader, to look at completion state. */
    LineReader reader() {
        return reader;
    }
}
