package nslab.console;

import java.util.List;
import nslab.lang.Words;
import nslab.model.Namespace;
import org.jline.console.SystemRegistry;
import org.jline.reader.EndOfFileException;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import picocli.CommandLine;

/**
 * Decides what an entered line is. A console command runs through JLine's system registry (which
 * also holds JLine's builtins such as history, and exit); a first word that names a namespace means
 * {@code exec NS ...}; a pasted shell command becomes lab language ({@link ShellPaste}); anything
 * else is lab language for the session's lab.
 */
final class LineDispatcher {
    private final ConsoleContext ctx;
    private final SystemRegistry registry;
    private final CommandLine commands;
    private final Parser parser;
    private final ShellPaste shellPaste;

    LineDispatcher(ConsoleContext ctx, SystemRegistry registry, CommandLine commands, Parser parser) {
        this.ctx = ctx;
        this.registry = registry;
        this.commands = commands;
        this.parser = parser;
        this.shellPaste = new ShellPaste(ctx);
    }

    /** Handles one entered line; throws EndOfFileException when the line asks to leave. */
    void dispatch(String line) {
        String first = firstWord(line);
        nslab.lang.LabLoader.Chunk editing = ctx.takeEditing();
        if (editing != null && first.isEmpty()) {
            ctx.out.println("edit: " + LabLineHandler.where(editing) + " is as it was");
            ctx.out.flush();
        }
        if (first.isEmpty()) return;
        ctx.entered();
        try {
            if (editing != null && isLabLanguage(line, first)) {
                ctx.labLines.replace(editing, line, ctx.out);
                return;
            }
            if (editing != null) ctx.out.println("(not lab language: " + LabLineHandler.where(editing) + " is as it was)");
            if (first.equals("help")) {
                // JLine's registry has its own help, which knows nothing of lab words: ours answers
                commands.execute(words(line).toArray(new String[0]));
            } else if (registry.hasCommand(first) && !(Words.find(first).isPresent() && labLike(line, first))) {
                registry.execute(line);
            } else if (isCommandInNamespace(line, first)) {
                List<String> words = words(line);
                ctx.runIn(first, words.subList(1, words.size()));
            } else if (ShellPaste.accepts(line)) {
                shellPaste.handle(line);
            } else if (mistypedCommand(line, first)) {
                return;
            } else {
                ctx.labLines.typed(line, ctx.out);
            }
        } catch (EndOfFileException e) {
            throw e;
        } catch (Exception e) {
            // the console never dies on input: one line says what went wrong
            ctx.out.println(first + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            ctx.out.flush();
            registry.cleanUp();
        }
    }

    /** Whether the line would be handled as lab language (not a command, not a command in a namespace, not a shell paste). */
    private boolean isLabLanguage(String line, String first) {
        boolean command = first.equals("help") || (registry.hasCommand(first) && !(Words.find(first).isPresent() && labLike(line, first)));
        return !command && !isCommandInNamespace(line, first) && !ShellPaste.accepts(line);
    }

    /** Lab language goes on after its first word with a quote, a brace or a parenthesis: {@code link 'a', 'b'}. */
    private static boolean labLike(String line, String first) {
        String rest = line.stripLeading().substring(first.length()).stripLeading();
        return rest.isEmpty() ? false : "'\"({".indexOf(rest.charAt(0)) >= 0;
    }

    /**
     * A first word that is neither a lab word nor a namespace, close to a console command, and not
     * followed as lab language would be: a mistyped command ({@code pingal}, {@code stauts}). Says
     * so, with the command meant; true when it did.
     */
    private boolean mistypedCommand(String line, String first) {
        if (Words.find(first).isPresent() || labLike(line, first) || line.contains("=")) return false;
        List<String> names = new java.util.ArrayList<>(commands.getSubcommands().keySet());
        names.addAll(List.of("history", "exit"));
        List<String> all = new java.util.ArrayList<>(names);
        all.addAll(Words.names());
        var meant = nslab.check.Suggestions.closest(first, all);
        if (meant.isEmpty() || !names.contains(meant.get())) return false; // a lab word's typo: the lab says so
        ctx.out.println(first + ": no such command (did you mean '" + meant.get() + "'? help lists commands and lab words)");
        return true;
    }

    private boolean isNamespace(String word) {
        return Namespace.HOST.equals(word) || ctx.session.namespaceNames().contains(word) || ctx.kernel.namespaceExists(word);
    }

    /**
     * {@code NS CMD...}: the first word names a namespace (or host) and the next word begins as a
     * program does (a letter, {@code /}, {@code .} then {@code /}, or {@code -}). Lab language
     * never does: after a word comes a quote, a brace, a parenthesis, {@code =} or a dot, so a
     * namespace may be named like a lab word ({@code bridge ip -br link} runs ip in bridge, while
     * {@code bridge 'br0'} is the lab word).
     */
    boolean isCommandInNamespace(String line, String first) {
        String rest = line.stripLeading().substring(first.length());
        if (rest.isEmpty() || !Character.isWhitespace(rest.charAt(0))) return false;
        rest = rest.stripLeading();
        if (rest.isEmpty()) return false;
        char c = rest.charAt(0);
        boolean program = Character.isLetter(c) || c == '/' || c == '-' || rest.startsWith("./");
        return program && isNamespace(first);
    }

    private List<String> words(String line) {
        ParsedLine parsed = parser.parse(line, line.length(), Parser.ParseContext.SPLIT_LINE);
        return parsed.words().stream().filter(w -> !w.isEmpty()).map(LineDispatcher::unquote).toList();
    }

    /** The parser keeps a word's quotes; the command must get what they quote, as a shell would give it. */
    static String unquote(String word) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote != '\'' && i + 1 < word.length()) {
                out.append(word.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first word: letters, digits and the characters a namespace name may hold. */
    static String firstWord(String line) {
        String s = line.stripLeading();
        int end = 0;
        while (end < s.length()) {
            char c = s.charAt(end);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) break;
            end++;
        }
        if (end == 0 && !s.isEmpty()) return s.substring(0, 1);
        return s.substring(0, end);
    }
}
