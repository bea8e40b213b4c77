package nslab.check;

import java.util.List;
import nslab.model.Address;
import nslab.model.Expectation;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;

/** reach and unreachable: from a namespace of the lab, to an address or a namespace that has one. */
final class ExpectationRules implements Rule {

    /**
     * A ping to an address of the pinging namespace is answered by itself and proves nothing;
     * unless it must leave by another interface ({@code dev:}), as between the two ends of a veth
     * in one namespace (seed 004).
     */
    private static void ownAddress(Lab lab, Expectation e, String word, List<Problem> problems) {
        var from = lab.namespace(e.from()).filter(Namespace::declared);
        if (from.isEmpty()) return;
        var target = IpPrefix.isAddress(e.target()) ? IpPrefix.parse(e.target())
                : lab.namespace(e.target()).filter(Namespace::declared).flatMap(Namespace::firstAddress).map(Address::prefix);
        if (target.isEmpty()) return;
        IpPrefix t = target.get();
        from.get().addresses().stream().filter(a -> a.valid() && a.v6() == t.v6() && a.prefix().address().equals(t.address()))
                .filter(a -> e.dev() == null || e.dev().equals(a.dev()))
                .findFirst().ifPresent(own -> problems.add(Problem.error(e.source(), word + " '" + e.from() + "' to '"
                        + e.target() + "' pings " + t.addressText() + ", an address of " + e.from() + " itself (" + own.dev()
                        + ", line " + own.source().line() + "): it answers itself, which proves nothing",
                        "name an address of another namespace")));
    }

    @Override
    public void check(Lab lab, List<Problem> problems) {
        List<String> declared = lab.namespaces().stream().filter(Namespace::declared).map(Namespace::name).toList();
        for (Expectation e : lab.expectations()) {
            String word = e.reachable() ? "reach" : "unreachable";
            if (!Namespace.HOST.equals(e.from()) && lab.namespace(e.from()).filter(Namespace::declared).isEmpty()) {
                String hint = Suggestions.didYouMean(e.from(), declared);
                problems.add(Problem.error(e.source(), word + " starts from namespace '" + e.from()
                        + "', which is not declared", hint != null ? hint : "name one of: " + String.join(", ", declared)));
            }
            if (e.dev() != null && lab.namespace(e.from()).flatMap(n -> n.iface(e.dev())).isEmpty()) {
                problems.add(Problem.error(e.source(), word + " leaves by dev '" + e.dev() + "', which is not an interface of "
                        + e.from(), "name an interface of " + e.from()));
            }
            if (e.target() == null) {
                problems.add(Problem.error(e.source(), word + " '" + e.from() + "' says from where but not to what",
                        "write: " + word + " '" + e.from() + "' to '10.0.0.1'  (an address or a namespace)"));
                continue;
            }
            ownAddress(lab, e, word, problems);
            if (IpPrefix.isAddress(e.target())) continue;
            var target = lab.namespace(e.target()).filter(Namespace::declared);
            var ambiguous = AmbiguousAddresses.problem(e.source(), e.target());
            if (ambiguous.isPresent()) {
                problems.add(ambiguous.get());
            } else if (target.isEmpty()) {
                String hint = Suggestions.didYouMean(e.target(), declared);
                problems.add(Problem.error(e.source(), word + " target '" + e.target()
                                + "' is neither an IP address nor a namespace of the lab",
                        hint != null ? hint : "write an address such as '10.0.0.1' or a namespace name"));
            } else if (target.get().firstAddress().isEmpty()) {
                problems.add(Problem.error(e.source(), "namespace '" + e.target() + "' has no address for " + word
                        + " to ping", "give it an address, or write the address to ping"));
            }
        }
    }
}
