package nslab.netlink

import java.util.concurrent.Callable

/**
 * A namespace as a spec sets it: devices with fixed indexes, namespaces that open as 4, 5, ... in
 * the order asked (as in a fresh ip process), and every request kept and answered with {@code answer}.
 */
class RecordingTarget implements Target {
    Map<String, Integer> devices = [lo: 1, br0: 2, v1: 3, vv1: 8]
    Map<String, Integer> namespaces = [:]
    List<byte[]> sent = []
    KernelError answer = null

    int index(String device) { devices.getOrDefault(device, 0) }

    void forget(String device) {}

    KernelError request(byte[] message) {
        sent << message
        answer
    }

    int namespaceFd(String name) { namespaces.computeIfAbsent(name) { 4 + namespaces.size() } }

    def <T> T run(Callable<T> job) { job.call() }

    /** The one message sent, in hex, its sequence number zeroed. */
    String sentHex() {
        assert sent.size() == 1
        byte[] m = sent[0].clone()
        (8..11).each { m[it] = 0 }
        m.encodeHex().toString()
    }
}
