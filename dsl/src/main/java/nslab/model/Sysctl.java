package nslab.model;

/**
 * A kernel setting of one namespace, such as {@code net.ipv4.ip_forward=1}. {@code machineWide}:
 * written as {@code hostSysctl}, a setting of the whole machine (outside {@code net.}) that the
 * author asked for explicitly.
 */
public record Sysctl(String namespace, String key, String value, Source source, boolean machineWide) {
    public Sysctl(String namespace, String key, String value, Source source) {
        this(namespace, key, value, source, false);
    }
}
