package nslab.lang;

import groovy.lang.Closure;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;
import java.util.List;
import java.util.Map;
import nslab.model.Namespace;
import nslab.model.Source;

/**
 * The base class of every compiled lab script: the top-level words. A script's
 * {@code namespace 'x' { }} arrives here as {@code namespace('x', {...})} thanks to
 * {@link NamedBlockTransform}.
 */
public abstract class LabScript extends Script {

    private LabBuilder builder() {
        return (LabBuilder) getBinding().getVariable(LabLoader.BUILDER_VARIABLE);
    }

    public void lab(CharSequence name) {
        builder().name(Text.of(name));
    }

    public void namespace(CharSequence name) {
        builder().namespace(Text.of(name), ScriptLines.here());
    }

    public void namespace(CharSequence name, Closure<?> body) {
        NamespaceState ns = builder().namespace(Text.of(name), ScriptLines.here());
        runBody(builder(), new NamespaceBody(builder(), ns), body, Words.Context.NAMESPACE);
    }

    public void ns(CharSequence name) {
        namespace(name);
    }

    public void ns(CharSequence name, Closure<?> body) {
        namespace(name, body);
    }

    public void host(Closure<?> body) {
        namespace(Namespace.HOST, body);
    }

    public void link(CharSequence a, CharSequence b) {
        builder().link(Text.of(a), Text.of(b), null, null, ScriptLines.here());
    }

    public void link(Map<String, ?> options, CharSequence a, CharSequence b) {
        Source here = ScriptLines.here();
        builder().checkKeys("link", options, here);
        Object ips = options.get("ips");
        String ipA = null;
        String ipB = null;
        if (ips instanceof List<?> list) {
            if (list.size() > 0) ipA = Text.of(list.get(0));
            if (list.size() > 1) ipB = Text.of(list.get(1));
        }
        builder().link(Text.of(a), Text.of(b), ipA, ipB, here);
    }

    public void linear(Object prefix, Object count) {
        generator("linear").linear(prefix, count);
    }

    public void ring(Object prefix, Object count) {
        generator("ring").ring(prefix, count);
    }

    public void star(Object prefix, Object count) {
        star(Map.of(), prefix, count);
    }

    public void star(Map<String, ?> options, Object prefix, Object count) {
        generator("star").star(options, prefix, count);
    }

    public void tree(Map<String, ?> options, Object prefix) {
        generator("tree").tree(options, prefix);
    }

    /** {@code tree depth: 3, fanout: 4}: the namespaces are n1, n2, ... */
    public void tree(Map<String, ?> options) {
        tree(options, "n");
    }

    public void mesh(Object prefix, Object count) {
        generator("mesh").mesh(prefix, count);
    }

    public void addresses(CharSequence pool) {
        builder().pool(Text.of(pool), ScriptLines.here());
    }

    public void routes(CharSequence how) {
        builder().routes(Text.of(how), ScriptLines.here());
    }

    private Topologies generator(String word) {
        return new Topologies(builder(), ScriptLines.here(), word);
    }

    public void expect(Closure<?> body) {
        runBody(builder(), new ExpectBody(builder()), body, Words.Context.EXPECT);
    }

    /** A word of a namespace or expect block written at the top level: reported, and the script reads on. */
    public Object methodMissing(String name, Object args) {
        return Misplaced.word(builder(), name, args, builder().block(), getClass());
    }

    /** Runs a block with its words; a word that fails there is reported as failing in that block. */
    static void runBody(LabBuilder lab, Object delegate, Closure<?> body, Words.Context context) {
        Closure<?> c = (Closure<?>) body.clone();
        c.setDelegate(delegate);
        c.setResolveStrategy(Closure.DELEGATE_FIRST);
        lab.enter(context);
        int line = ScriptLines.marked();
        try {
            c.call();
        } catch (MissingMethodException | MissingPropertyException e) {
            throw new WordException(e, context);
        } finally {
            ScriptLines.mark(line);
            lab.leave();
        }
    }
}
