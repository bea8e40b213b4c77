package nslab.model;

/** A command started in a namespace, in the background, once the lab is built. */
public record RunCommand(String namespace, String command, Source source) {
}
