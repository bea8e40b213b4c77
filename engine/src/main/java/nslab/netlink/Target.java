package nslab.netlink;

import java.util.concurrent.Callable;

/** What a batch line needs from the namespace it runs in ({@link Place} on the kernel; specs record). */
interface Target {
    /** The index of a device here, 0 when there is none by that name. */
    int index(String device);

    /** The device was created or deleted: its index must be asked again. */
    void forget(String device);

    /** Sends one request; null when the kernel acknowledged it. */
    KernelError request(byte[] message);

    /** A descriptor of a named namespace, or -1 when it does not exist. */
    int namespaceFd(String name);

    /** Runs a job inside this namespace. */
    <T> T run(Callable<T> job) throws Exception;
}
