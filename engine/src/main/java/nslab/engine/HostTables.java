package nslab.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import nslab.plan.Tool;
import nslab.exec.Executor;
import nslab.exec.ExecResult;

/**
 * Root-namespace iptables tables: iptables (nf_tables) creates a table on first use and leaves
 * it, empty, when its last rule goes. A table that a lab brought into being is written in its
 * journal and in the {@link HostLedger}, shared by the labs; whichever lab leaves it with no rule
 * at all deletes it, so that the machine is as before the first lab came — also when the lab that
 * made it left first (needs nft; without it an empty table with ACCEPT policies stays, which
 * filters nothing). A table that was there before any lab is never in the ledger, never deleted.
 */
final class HostTables {
    private final Executor exec;
    private final HostLedger ledger;
    private final Consumer<String> verbose;

    HostTables(Executor exec, java.nio.file.Path runDir, Consumer<String> verbose) {
        this.exec = exec;
        this.ledger = new HostLedger(runDir);
        this.verbose = verbose;
    }

    /** Notes which of the tables these rules go into are not there yet: this lab brings them in. */
    void noteNew(Journal journal, Set<String> wanted) {
        if (wanted.isEmpty()) return;
        Set<String> existing = existing();
        for (String t : wanted) {
            if (existing.contains(t)) continue;
            JournalNote note = new JournalNote.Table(t);
            if (!journal.notes(JournalNote.Table.class).contains(note)) journal.note(note);
            ledger.tableMade(t);
        }
    }

    /** Deletes each table labs brought in that no rule of this lab is in and that holds no rule; returns the commands run. */
    List<String> dropNoLongerUsed(Journal journal) {
        List<String> lines = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        journal.notes(JournalNote.Table.class).forEach(n -> tables.add(n.name()));
        tables.addAll(ledger.tables());
        for (String table : tables) {
            boolean used = journal.live().stream().anyMatch(e -> e.step.command().tool() == Tool.IPTABLES
                    && e.effect().namespace() == null && e.effect().name().equals(table));
            if (used) continue;
            if (existing().contains(table)) {
                ExecResult save = exec.run(List.of("iptables-save", "-t", table), null);
                boolean empty = save.ok() && save.out().lines().noneMatch(l -> l.startsWith("-A ")
                        || (l.startsWith(":") && !l.contains(" ACCEPT")));
                if (!empty) {
                    journal.unnote(new JournalNote.Table(table)); // another lab's rules are in it: the last of them deletes it
                    continue;
                }
                List<String> drop = List.of("nft", "delete", "table", "ip", table);
                if (verbose != null) verbose.accept("- " + String.join(" ", drop));
                if (exec.run(drop, null).ok()) lines.add(String.join(" ", drop));
            }
            ledger.tableGone(table);
            journal.unnote(new JournalNote.Table(table));
        }
        return lines;
    }

    private Set<String> existing() {
        ExecResult save = exec.run(List.of("iptables-save"), null);
        Set<String> existing = new LinkedHashSet<>();
        if (save.ok()) save.out().lines().filter(l -> l.startsWith("*")).forEach(l -> existing.add(l.substring(1).trim()));
        return existing;
    }
}
