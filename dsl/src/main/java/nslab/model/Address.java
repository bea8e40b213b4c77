package nslab.model;

/** An address on an interface, as written; {@code prefix} is null when the text is malformed. */
public record Address(String namespace, String dev, String text, IpPrefix prefix, Source source) {
    public boolean valid() {
        return prefix != null;
    }

    public boolean v6() {
        return prefix != null && prefix.v6();
    }
}
