package nslab.lang;

import groovy.lang.Binding;
import groovy.lang.Script;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** A piece of script: its text, the file name for messages, and the line its first line is. */
    public record Chunk(String file, int firstLine, String text) {}

    /** What reading gave: the lab (null if reading stopped early) and any problems found while reading. */
    public record Loaded(Lab lab, List<Problem> problems) {
        public boolean ok() {
            return lab != null && problems.stream().noneMatch(Problem::isError);
        }
    }

    public LabLoader() {
        this(ScriptCompiler.shared());
    }

    public LabLoader(ScriptCompiler compiler) {
        this.compiler = compiler;
    }

    public Loaded load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return load(defaultName(file), List.of(new Chunk(file.toString(), 1, text)));
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
            List<String> chunkLines = Arrays.asList(chunk.text().split("\n", -1));
            while (lines.size() < chunk.firstLine() - 1) lines.add("");
            for (int i = 0; i < chunkLines.size(); i++) {
                int at = chunk.firstLine() - 1 + i;
                if (at < lines.size()) lines.set(at, chunkLines.get(i)); else lines.add(chunkLines.get(i));
            }
        }
        for (Chunk chunk : chunks) {
            List<Problem> failures = run(chunk, binding);
            if (!failures.isEmpty()) {
                List<Problem> problems = new ArrayList<>(builder.problems());
                problems.addAll(failures);
                return new Loaded(null, problems);
            }
        }
        Lab lab = builder.build(scripts);
        return new Loaded(lab, builder.problems());
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
        }
        ScriptLines.enter(where);
        try {
            Script script = (Script) type.getDeclaredConstructor().newInstance();
            script.setBinding(binding);
            script.run();
            return List.of();
        } catch (WordException e) {
            return wordProblems(where, ScriptLines.of(e, e.word), e.word, e.arguments, e.context);
        } catch (groovy.lang.MissingMethodException e) {
            return wordProblems(where, ScriptLines.of(e, e.getMethod()), e.getMethod(), e.getArguments(), Words.Context.TOP);
        } catch (groovy.lang.MissingPropertyException e) {
            return wordProblems(where, ScriptLines.of(e, e.getProperty()), e.getProperty(), null, Words.Context.TOP);
        } catch (ReflectiveOperationException e) {
            return List.of(Problem.error(ScriptLines.at(where, 0), "the script could not be started: " + e, null));
        } catch (RuntimeException | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
            return List.of(Problem.error(ScriptLines.of(e), "the script failed: " + message, null));
        } finally {
            ScriptLines.leave();
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
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException cause = s.getCause();
                String message = firstLine(cause.getOriginalMessage());
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
                return Problem.error(at, "'" + word + "' belongs " + place, "write: " + w.example());
            }
            String what = args == null || args.length == 0 ? "needs more than that" : "does not take " + describe(args);
            return Problem.error(at, "'" + word + "' " + what, "write: " + w.example());
        }
        String hint = Suggestions.didYouMean(word, Words.names());
        return Problem.error(at, "unknown word '" + word + "'",
                hint != null ? hint : "the words of a lab are listed by 'nslab --help' and in docs/language.md");
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
