package nslab.lang;

import groovy.lang.Binding;
import groovy.lang.Script;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nslab.check.Problem;
import nslab.check.Suggestions;
import nslab.model.Lab;
import nslab.model.Source;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Reads lab scripts — files, or chunks of text typed at the console — into a {@link Lab}.
 * Groovy's own errors (syntax, unknown words, exceptions in the user's code) become
 * {@link Problem}s with file and line; no stack trace reaches the user.
 */
public final class LabLoader {
    static final String BUILDER_VARIABLE = "__nslab_builder";

    private final ScriptCompiler compiler;
    private final Duration timeout;

    /**
     * A piece of script: its text, the file name for messages, and the line its first line is;
     * {@code typed} is what its author wrote, which plans and messages quote, where the text
     * compiled differs from it (the console's form of a typed entry).
     */
    public record Chunk(String file, int firstLine, String text, String typed) {
        public Chunk(String file, int firstLine, String text) {
            this(file, firstLine, text, text);
        }
    }

    /** What reading gave: the lab (null if reading stopped early) and any problems found while reading. */
    public record Loaded(Lab lab, List<Problem> problems) {
        public boolean ok() {
            return lab != null && problems.stream().noneMatch(Problem::isError);
        }
    }

    /** The default time limit, no compiled-script store. */
    public LabLoader() {
        this(ScriptSettings.DEFAULTS);
    }

    public LabLoader(ScriptSettings settings) {
        this(ScriptCompiler.sharedWith(settings.store()), settings.timeout());
    }

    public LabLoader(ScriptCompiler compiler) {
        this(compiler, ScriptSettings.DEFAULTS.timeout());
    }

    public LabLoader(ScriptCompiler compiler, Duration timeout) {
        this.compiler = compiler;
        this.timeout = timeout;
    }

    /**
     * Reads a lab file. What is no lab at all (a directory, no such file, an unreadable, empty,
     * too large or non-UTF-8 file) is one problem naming the file, never an exception.
     */
    public Loaded load(Path file) throws IOException {
        String name = file.toString();
        Source whole = new Source(name, 0);
        if (Files.isDirectory(file)) return refused(whole, name + " is a directory, not a lab file");
        if (!Files.exists(file)) return refused(whole, "no such lab file " + name);
        if (!Files.isRegularFile(file)) return refused(whole, name + " is not a regular file");
        byte[] bytes;
        try {
            if (Files.size(file) > ScriptLimits.MAX_SCRIPT_BYTES) return refused(whole, tooLarge(name, Files.size(file)));
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.AccessDeniedException e) {
            return refused(whole, "cannot read " + name + ": permission denied");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return refused(whole, name + " is not UTF-8 text: a lab script is a text file (" + firstBadLine(bytes) + ")");
        }
        if (text.isBlank()) return refused(whole, "no lab in " + name + ": the file is empty");
        Loaded loaded = load(defaultName(file), List.of(new Chunk(name, 1, text)));
        if (loaded.lab() != null && loaded.lab().namespaces().isEmpty() && loaded.lab().expectations().isEmpty()
                && loaded.problems().isEmpty()) {
            return refused(whole, "no lab in " + name + ": it declares no namespace and no host block");
        }
        return loaded;
    }

    private static Loaded refused(Source at, String message) {
        return new Loaded(null, List.of(Problem.error(at, message, null)));
    }

    private static String tooLarge(String name, long bytes) {
        return name + " is " + bytes + " bytes; a lab script may have at most " + ScriptLimits.MAX_SCRIPT_BYTES
                + " (a loop in the script writes large labs)";
    }

    /** Where the first byte that is no UTF-8 is: "line N". */
    private static String firstBadLine(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        var in = java.nio.ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
        return "line " + line + " holds a byte that is not UTF-8";
    }

    public Loaded load(String file, String text) {
        return load(defaultName(Path.of(file)), List.of(new Chunk(file, 1, text)));
    }

    /** Reads the chunks in order into one lab, as if they were one script sharing its variables. */
    public Loaded load(String defaultName, List<Chunk> chunks) {
        LabBuilder builder = new LabBuilder(defaultName);
        Binding binding = new Binding();
        binding.setVariable(BUILDER_VARIABLE, builder);
        Map<String, List<String>> scripts = new LinkedHashMap<>();
        for (Chunk chunk : chunks) {
            List<String> lines = scripts.computeIfAbsent(chunk.file(), f -> new ArrayList<>());
            List<String> chunkLines = Arrays.asList(chunk.typed().split("\n", -1));
            while (lines.size() < chunk.firstLine() - 1) lines.add("");
            for (int i = 0; i < chunkLines.size(); i++) {
                int at = chunk.firstLine() - 1 + i;
                if (at < lines.size()) lines.set(at, chunkLines.get(i)); else lines.add(chunkLines.get(i));
            }
        }
        for (Chunk chunk : chunks) {
            List<Problem> failures = tooBig(chunk);
            if (failures.isEmpty()) failures = run(chunk, binding);
            if (!failures.isEmpty()) {
                List<Problem> problems = new ArrayList<>(builder.problems());
                problems.addAll(failures);
                return new Loaded(null, problems);
            }
        }
        Lab lab = builder.build(scripts);
        return new Loaded(lab, builder.problems());
    }

    /** A chunk too large, or nested too deep, for Groovy's parser to be given it. */
    private static List<Problem> tooBig(Chunk chunk) {
        ScriptLines.Chunk where = new ScriptLines.Chunk(chunk.file(), chunk.firstLine(), chunk.text());
        long bytes = chunk.text().length() <= ScriptLimits.MAX_SCRIPT_BYTES / 3 ? 0
                : chunk.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ScriptLimits.MAX_SCRIPT_BYTES) {
            return List.of(Problem.error(ScriptLines.at(where, 0), tooLarge(chunk.file(), bytes), null));
        }
        return Braces.nestedBeyond(chunk.text(), ScriptLimits.MAX_TEXT_NESTING)
                .map(line -> List.of(Problem.error(ScriptLines.at(where, line), "brackets and braces nested more than "
                        + ScriptLimits.MAX_TEXT_NESTING + " deep here; nslab does not evaluate such a script", null)))
                .orElse(List.of());
    }

    /** Runs one chunk; what stopped it (nothing, when it ran through). */
    private List<Problem> run(Chunk chunk, Binding binding) {
        ScriptLines.Chunk where = new ScriptLines.Chunk(chunk.file(), chunk.firstLine(), chunk.text());
        Class<?> type;
        try {
            type = compiler.compile(chunk.text());
        } catch (MultipleCompilationErrorsException e) {
            return List.of(syntaxProblem(where, e));
        } catch (CompilationFailedException e) {
            return List.of(Problem.error(ScriptLines.at(where, 0), firstLine(e.getMessage()), null));
        } catch (StackOverflowError | OutOfMemoryError e) {
            return List.of(Problem.error(ScriptLines.at(where, 0), "the script is too large or too deeply nested for"
                    + " Groovy's compiler (" + e.getClass().getSimpleName() + ")", null));
        }
        return ScriptGuard.evaluate(where, timeout, () -> evaluate(where, type, binding, timeout));
    }

    /** Runs the compiled chunk on this thread, stopped by an interrupt at the time limit. */
    private List<Problem> evaluate(ScriptLines.Chunk where, Class<?> type, Binding binding, Duration limit) {
        ScriptLines.enter(where);
        Deadline deadline = Deadline.start(limit);
        try {
            Script script = (Script) type.getDeclaredConstructor().newInstance();
            script.setBinding(binding);
            script.run();
            if (deadline.passed()) return List.of(timedOut(null));
            return List.of();
        } catch (ScriptLimits.NestingTooDeep e) {
            return List.of(Problem.error(e.at, "blocks nested more than " + ScriptLimits.MAX_NESTING
                    + " deep; evaluation stopped here", null));
        } catch (OutOfMemoryError e) {
            return List.of(Problem.error(ScriptLines.of(e), "the script used up the memory nslab has (Java heap)"
                    + " and was stopped; does a loop run without end?", null));
        } catch (StackOverflowError e) {
            return List.of(Problem.error(ScriptLines.of(e), "the script's calls nest too deep (stack overflow);"
                    + " does a method call itself without end?", null));
        } catch (Exception e) {
            if (deadline.passed()) return List.of(timedOut(e));
            return failure(where, e);
        } finally {
            deadline.stop();
            ScriptLines.leave();
        }
    }

    private Problem timedOut(Throwable e) {
        Source at = e == null ? ScriptLines.here() : ScriptLines.of(e);
        return Problem.error(at, "the script did not finish within " + ScriptLimits.describe(timeout)
                + " and was stopped here (" + ScriptLimits.TIMEOUT_VARIABLE + " or --script-timeout change the limit)", null);
    }

    /** What an exception that stopped the script means to its author. */
    private static List<Problem> failure(ScriptLines.Chunk where, Exception failure) {
        if (failure instanceof WordException e) {
            return wordProblems(where, ScriptLines.of(e, e.word), e.word, e.arguments, e.context);
        }
        if (failure instanceof groovy.lang.MissingMethodException e) {
            return wordProblems(where, ScriptLines.of(e, e.getMethod()), e.getMethod(), e.getArguments(), Words.Context.TOP);
        }
        if (failure instanceof groovy.lang.MissingPropertyException e) {
            return wordProblems(where, ScriptLines.of(e, e.getProperty()), e.getProperty(), null, Words.Context.TOP);
        }
        if (failure instanceof ReflectiveOperationException e) {
            return List.of(Problem.error(ScriptLines.at(where, 0), "the script could not be started: " + e, null));
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : firstLine(failure.getMessage());
        return List.of(Problem.error(ScriptLines.of(failure), "the script failed: " + message, null));
    }

    /**
     * The time limit of one evaluation: a timer interrupts the evaluating thread, and the script's
     * loops, closures and methods, compiled with {@code ThreadInterrupt}, stop at the interrupt.
     */
    private static final class Deadline {
        private static final java.util.concurrent.ScheduledExecutorService TIMER =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "nslab-script-timer");
                    t.setDaemon(true);
                    return t;
                });
        private final Thread thread = Thread.currentThread();
        private boolean running = true;
        private boolean passed;
        private java.util.concurrent.ScheduledFuture<?> alarm;

        static Deadline start(Duration limit) {
            Deadline d = new Deadline();
            d.alarm = TIMER.schedule(d::expire, limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return d;
        }

        private synchronized void expire() {
            if (!running) return;
            passed = true;
            thread.interrupt();
        }

        synchronized boolean passed() {
            return passed;
        }

        /** After this, the timer no longer interrupts; an interrupt it already made is cleared. */
        void stop() {
            synchronized (this) {
                running = false;
            }
            alarm.cancel(false);
            if (passed) Thread.interrupted();
        }
    }

    private static Problem syntaxProblem(ScriptLines.Chunk where, MultipleCompilationErrorsException e) {
        var brace = Braces.unmatched(where.text());
        if (brace.isPresent()) {
            Source at = ScriptLines.at(where, brace.get().line());
            return brace.get().opening()
                    ? Problem.error(at, "this '{' is never closed", "add the '}' that ends its block")
                    : Problem.error(at, "this '}' closes no block", "remove it, or add the '{' that opens its block");
        }
        var fault = SyntaxLines.find(where.text());
        if (fault.isPresent() && fault.get().keyword() != null) {
            String kw = fault.get().keyword();
            return Problem.error(ScriptLines.at(where, fault.get().line()), "`" + kw + "` needs quotes: `" + fault.get().fixed()
                    + "`", "'" + kw + "' is a word of Groovy itself; the lab language takes it as text in quotes");
        }
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException cause = s.getCause();
                String message = firstLine(cause.getOriginalMessage());
                if (fault.isPresent() && fault.get().line() != cause.getLine()) {
                    return Problem.error(ScriptLines.at(where, fault.get().line()), "Groovy syntax error on this line"
                            + " (Groovy noticed it at line " + ScriptLines.at(where, cause.getLine()).line() + ": " + message + ")",
                            "check quotes, commas and parentheses on this line");
                }
                return Problem.error(ScriptLines.at(where, cause.getLine()),
                        "Groovy syntax error: " + message + " (column " + cause.getStartColumn() + ")",
                        "check quotes, commas and braces on this line or the one before");
            }
            if (m instanceof ExceptionMessage x) {
                return Problem.error(ScriptLines.at(where, 0), firstLine(x.getCause().getMessage()), null);
            }
        }
        return Problem.error(ScriptLines.at(where, 0), firstLine(e.getMessage()), null);
    }

    /** The word the script stopped on and, when it is no word at all, the script's other likely typos. */
    private static List<Problem> wordProblems(ScriptLines.Chunk where, Source at, String word, Object[] args,
                                              Words.Context context) {
        Problem first = wordProblem(at, word, args, context);
        if (Words.find(word).isPresent()) return List.of(first);
        List<Problem> all = new ArrayList<>(List.of(first));
        all.addAll(Typos.besides(where, word, at.line() - where.firstLine() + 1));
        return all;
    }

    /** An unknown word, a word in the wrong block, or a known word with arguments it does not take. */
    static Problem wordProblem(Source at, String word, Object[] args, Words.Context context) {
        var known = Words.find(word);
        if (known.isPresent()) {
            Words.Word w = known.get();
            if (w.context() != context && w.context() != Words.Context.AFTER) {
                String place = switch (w.context()) {
                    case TOP -> "at the top level of the script";
                    case NAMESPACE -> "inside a namespace or host block";
                    case EXPECT -> "inside an expect block";
                    case AFTER -> "after another word";
                };
                return Problem.error(at, "'" + word + "' belongs " + place, "write it " + place + ": " + inOwnNames(w, args));
            }
            String what = args == null || args.length == 0 ? "needs more than that" : "does not take " + describe(args);
            return Problem.error(at, "'" + word + "' " + what, "write: " + w.example());
        }
        String meant = MEANT.get(word + "@" + context);
        String hint = meant != null ? "did you mean '" + meant + "'? " + Words.find(meant).map(m -> "(" + m.example() + ")").orElse("")
                : Suggestions.didYouMean(word, Words.names());
        return Problem.error(at, "unknown word '" + word + "'",
                hint != null ? hint.strip() : "the words of a lab are listed by help in the console (./nslab) and in docs/language.md");
    }

    /** Words from other tools that mean a word of the language where they are written (not a spelling's neighbour). */
    private static final Map<String, String> MEANT = Map.of(
            "ping@" + Words.Context.EXPECT, "reach",
            "pings@" + Words.Context.EXPECT, "reach",
            "gw@" + Words.Context.NAMESPACE, "gateway");

    /**
     * A word's example with the writer's own name in it, when the word was given one: a nested
     * {@code namespace 'inner'} is told to write {@code namespace 'inner' { ... }} at the top level.
     */
    private static String inOwnNames(Words.Word w, Object[] args) {
        if (args == null || args.length == 0 || !(args[0] instanceof CharSequence name)) return w.example();
        String rest = w.block() ? " { ... }" : "";
        return w.name() + " '" + name + "'" + rest;
    }

    private static String describe(Object[] args) {
        if (args == null || args.length == 0) return "no arguments";
        return Arrays.stream(args).map(a -> a instanceof String s ? "'" + s + "'"
                        : a instanceof groovy.lang.Closure<?> ? "a { } block" : String.valueOf(a))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    static String defaultName(Path file) {
        String base = file.getFileName() == null ? "lab" : file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
