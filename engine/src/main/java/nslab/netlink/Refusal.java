package nslab.netlink;

/**
 * Why one operation did not take effect: the error number (0 when there is none, as for a name
 * that does not resolve) and the words, as {@code ip} or {@code sysctl} print them, so that
 * both executors report one failure alike.
 */
record Refusal(int errno, String words) {
    static final int ENOENT = 2;
    static final int ENODEV = 19;

    static Refusal of(KernelError e) {
        return e == null ? null : new Refusal(e.errno(), e.asIpSaysIt());
    }

    static Refusal noDevice(String device) {
        return new Refusal(ENODEV, "Cannot find device \"" + device + "\"");
    }

    /** A bridge that is not there, as {@code ip link set ... master} names it. */
    static Refusal noMaster(String bridge) {
        return new Refusal(ENODEV, "Device \"" + bridge + "\" does not exist.");
    }

    static Refusal noNamespace(String namespace) {
        return new Refusal(ENOENT, "Invalid \"netns\" value \"" + namespace + "\"");
    }

    /** Words of a helper that has no error number to give (a namespace's mount, a thread). */
    static Refusal words(String words) {
        return words == null ? null : new Refusal(0, words);
    }
}
