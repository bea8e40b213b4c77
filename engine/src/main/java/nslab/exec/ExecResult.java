package nslab.exec;

import java.util.List;

/** What one process did: its argv, exit status, and what it printed. */
public record ExecResult(List<String> argv, int exit, String out, String err) {
    public ExecResult {
        argv = List.copyOf(argv);
    }

    public boolean ok() {
        return exit == 0;
    }
}
