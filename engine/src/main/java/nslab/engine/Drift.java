package nslab.engine;

import nslab.plan.Step;

/**
 * One way the live lab differs from the steps its journal says are in effect: something the lab
 * declares that the kernel does not have (or has otherwise), or something in a namespace of the
 * lab that the lab does not declare. {@code namespace} is where (null: the root namespace);
 * {@code subject} what (an interface, an address, a route's destination, a sysctl key);
 * {@code wanted} and {@code found} the values where a setting differs (else null); {@code step}
 * the step that puts it back (null for what the lab does not declare, which apply leaves alone).
 */
public record Drift(Kind kind, String namespace, String subject, String wanted, String found, Step step) {
    public enum Kind {
        /** A namespace of the lab is gone. */
        NAMESPACE_MISSING,
        /** An interface the lab creates is gone. */
        DEVICE_MISSING,
        /** An interface the lab brings up is down. */
        DOWN,
        /** An interface's MTU, MAC address or bridge differs from the lab's. */
        SETTING_DIFFERS,
        ADDRESS_MISSING,
        ROUTE_MISSING,
        SYSCTL_DIFFERS,
        /** An interface in a namespace of the lab that the lab does not create. */
        EXTRA_DEVICE,
        /** An address on an interface of the lab that the lab does not give it. */
        EXTRA_ADDRESS,
        /** A route in a namespace of the lab that the lab does not add (not one the kernel adds with an address). */
        EXTRA_ROUTE
    }

    /** Whether apply puts it back: the lab declares it. */
    public boolean restorable() {
        return step != null;
    }

    /** The same drift tied to another step with the same command (the plan's, which knows its script line). */
    public Drift withStep(Step s) {
        return new Drift(kind, namespace, subject, wanted, found, s);
    }
}
