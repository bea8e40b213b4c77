package nslab.console;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import nslab.engine.ProcStat;

/**
 * The console's hold on its terminal inside the PID namespace of {@code ./nslab --sandbox}.
 *
 * <p>The calling shell made the console's process group outside that namespace, so inside it the
 * group has no id ({@code getpgrp()} is 0). An interactive shell started by {@code shell} hands the
 * terminal back, when it exits, to the group it was started in; with no id to name it cannot, and
 * the console is left a background group whose reads fail (EIO). So the console leads a group of
 * its own inside the namespace and takes the terminal's foreground for it. Nothing outside the
 * namespace can continue a group stopped in it, so Ctrl-Z is then left to the console (see
 * {@link #taken()}).
 */
final class TerminalForeground {
    private static final int SIGTTOU = 22;
    private static final Pointer SIG_IGN = new Pointer(1);
    private static boolean taken;

    private interface C extends Library {
        int isatty(int fd);

        int setpgid(int pid, int pgid) throws LastErrorException;

        int tcsetpgrp(int fd, int pgrp) throws LastErrorException;

        Pointer signal(int signal, Pointer handler);
    }

    private TerminalForeground() {}

    /**
     * Takes the terminal on standard input for a new process group led by this process, when this
     * process's group lies outside its PID namespace; otherwise (or on failure) leaves all as it is.
     */
    static void takeIfGroupOutside() {
        if (System.console() == null || ownGroupId() != 0) return;
        try {
            C c = Native.load("c", C.class);
            if (c.isatty(0) != 1) return;
            // a background group may set the foreground only with SIGTTOU ignored
            Pointer before = c.signal(SIGTTOU, SIG_IGN);
            try {
                c.setpgid(0, 0);
                c.tcsetpgrp(0, (int) ProcessHandle.current().pid());
                taken = true;
            } finally {
                c.signal(SIGTTOU, before);
            }
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            // the console still runs; only a shell's return to it may fail as before
        }
    }

    /** Whether this process leads a group of its own in front of the terminal. */
    static boolean taken() {
        return taken;
    }

    /** Field 5 of /proc/self/stat: the process group's id as this PID namespace sees it (0: none here). */
    private static long ownGroupId() {
        return ProcStat.field("self", 5);
    }
}
