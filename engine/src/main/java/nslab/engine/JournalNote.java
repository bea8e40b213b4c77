package nslab.engine;

/**
 * A fact the undo needs that is no step of the plan, journalled before the thing it names is made:
 * a root-namespace iptables table the lab brought into being, a name file nslab wrote (its
 * namespace, and its content's length and checksum, {@link NameFiles#hash}), a directory of
 * {@code /etc/netns} nslab made.
 */
sealed interface JournalNote {
    /** A root-namespace iptables table that did not exist before the lab's first rule in it. */
    record Table(String name) implements JournalNote {}

    /** {@code /etc/netns/NS/hosts} holding the content nslab wrote there. */
    record NameFile(String namespace, String hash) implements JournalNote {}

    /** {@code /etc/netns/NS}, a directory nslab made. */
    record NameDir(String namespace) implements JournalNote {}
}
