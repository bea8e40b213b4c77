package nslab.plan;

import java.util.List;

/**
 * A kind of device the lab makes, in one place: the words of its {@code ip} line, the
 * kind-specific part of its rtnetlink request, and what {@code explain} says it is. Its undo is
 * {@link Operation.DeleteLink}, the same for every kind.
 */
public interface LinkKind {
    /** The words after {@code ip} that make device {@code name}; {@code into}: the namespace it is made in, or null. */
    List<String> args(String name, String into);

    /** The kernel's name for the kind (IFLA_INFO_KIND). */
    String kind();

    /** The device it sits on (IFLA_LINK), where the request is sent; null: none. */
    default String parent() {
        return null;
    }

    /** The device of its own namespace it is stacked on, which is made before it; null: none. */
    default String stackedOn() {
        return parent();
    }

    /** Writes its IFLA_INFO_DATA attributes, in the order {@code ip} sends them; none by default. */
    default void data(LinkRequest request) {}

    /** What the device is, for {@code explain}; {@code namespace}: the lab's name of the one it lives in. */
    String explanation(String name, String namespace);
}
