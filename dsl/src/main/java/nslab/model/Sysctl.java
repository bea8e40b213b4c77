package nslab.model;

/** A kernel setting of one namespace, such as {@code net.ipv4.ip_forward=1}. */
public record Sysctl(String namespace, String key, String value, Source source) {
}
