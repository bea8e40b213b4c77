package nslab.netlink;

/** The kernel's no: an error number, and the extended-ack message when it gave one. */
record KernelError(int errno, String message) {
    /** What {@code ip} prints for it: the kernel's message, or else the error number's text. */
    String asIpSaysIt() {
        if (message != null && !message.isEmpty()) return "Error: " + message + (message.endsWith(".") ? "" : ".");
        return "RTNETLINK answers: " + LibC.strerror(errno);
    }
}
