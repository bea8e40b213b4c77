package nslab.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shells a tutorial types into, told apart by their prompts ({@code dev@ubuntu}, {@code
 * root@container001}): {@code unshare --net bash} opens a shell in a namespace of its own, and
 * what is typed at that shell's prompt runs there. The first prompt that differs from the one
 * unshare was typed at is the new shell's; with bare prompts ({@code $ }, {@code # }) the new
 * shell takes every line until {@code exit}.
 */
final class Shells {
    private final Map<String, String> byPrompt = new HashMap<>();
    /** Namespaces opened by unshare, in order. */
    final List<String> opened = new ArrayList<>();
    private String waiting;
    private String waitingFrom;
    private String bare;

    /** The namespace the command was typed in. */
    String namespaceOf(ShellCommand c) {
        String p = c.prompt();
        if (waiting != null) {
            if (p.isEmpty()) bare = waiting;
            else byPrompt.put(p, waiting);            // a new prompt, or the old one taken over by the new shell
            waiting = null;
        }
        if (!p.isEmpty()) return byPrompt.getOrDefault(p, ImportModel.HOST);
        return bare != null ? bare : ImportModel.HOST;
    }

    /** {@code unshare} typed at {@code c}'s prompt opened a shell in {@code ns}. */
    void open(ShellCommand c, String ns) {
        waiting = ns;
        waitingFrom = c.prompt();
        opened.add(ns);
    }

    /** {@code hostname NAME} in {@code ns}'s shell: its prompt shows NAME from now on. */
    void hostRenamed(ShellCommand c, String ns, String name) {
        int at = c.prompt().indexOf('@');
        if (at >= 0) byPrompt.put(c.prompt().substring(0, at + 1) + name, ns);
    }

    /** {@code exit} typed in {@code ns}'s shell: lines at the prompt it came from are the host's again. */
    void exit(ShellCommand c, String ns) {
        if (c.prompt().isEmpty() && ns.equals(bare)) bare = null;
        else if (!c.prompt().isEmpty() && ns.equals(byPrompt.get(c.prompt()))) byPrompt.remove(c.prompt());
    }
}
