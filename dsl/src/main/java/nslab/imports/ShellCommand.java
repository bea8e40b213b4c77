package nslab.imports;

import java.util.List;

/**
 * One simple command as pasted: its line in the input (the first, for a command continued with
 * {@code \}), the command as a reader would recognise it (prompt and {@code sudo} taken off), and
 * its words with the shell's quoting undone. {@code redirect} is the file of a {@code > FILE}, or
 * null; {@code piped} is true when the command's output went on to another command. {@code
 * prompt} is the {@code user@host} of the prompt it was typed at, or "" (none, or {@code $ }):
 * it tells one shell from another.
 */
public record ShellCommand(int line, String text, List<String> words, String redirect, boolean piped, String prompt) {

    public String program() {
        return words.isEmpty() ? "" : words.get(0);
    }

    /** The same command with its first {@code n} words taken off (what {@code ip netns exec NS} runs). */
    ShellCommand drop(int n) {
        List<String> rest = words.subList(Math.min(n, words.size()), words.size());
        return new ShellCommand(line, String.join(" ", rest), rest, redirect, piped, prompt);
    }
}
