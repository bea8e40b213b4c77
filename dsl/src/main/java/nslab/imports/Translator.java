package nslab.imports;

/** Turns the commands of one family ({@code ip}, {@code ifconfig}, ...) into what they build. */
interface Translator {
    /** Translates {@code command}, run in namespace {@code ns}; records what it cannot in {@code t}. */
    void translate(ShellCommand command, String ns, Translation t);
}
