package nslab.plan;

/** The order the kernel needs: a thing must exist before it is configured, and be up before it routes. */
public enum Phase {
    NAMESPACES, DEVICES, ADDRESSES, LINKS_UP, ROUTES, SYSCTLS, FIREWALL, QDISCS, RUN
}
