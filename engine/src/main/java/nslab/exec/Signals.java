package nslab.exec;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/** Signals to processes with kill(2), through JNA's direct mapping: Java itself sends only TERM and KILL. */
public final class Signals {
    public static final int SIGINT = 2;
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;

    static {
        // the C library by its soname, as the netlink executor's LibC finds it: no ldconfig process
        if (System.getProperty("jna.platform.library.path") == null) System.setProperty("jna.platform.library.path", "/usr/lib:/lib");
        Native.register(Signals.class, Platform.C_LIBRARY_NAME);
    }

    private Signals() {}

    private static native int kill(int pid, int signal) throws LastErrorException;

    /** Sends {@code signal} to process {@code pid}; false when it is gone (ESRCH) or may not be signalled. */
    public static boolean send(long pid, int signal) {
        try {
            return kill((int) pid, signal) == 0;
        } catch (LastErrorException e) {
            return false;
        }
    }
}
