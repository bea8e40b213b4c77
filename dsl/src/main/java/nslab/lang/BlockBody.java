package nslab.lang;

/**
 * What the blocks of the language share: a word that belongs elsewhere is reported where it
 * stands, and the script reads on. The top level's words need a method here, because Groovy would
 * otherwise find them on the script itself and run them inside the block; the words of other
 * blocks arrive at {@link #methodMissing}.
 */
abstract class BlockBody {
    final LabBuilder lab;
    private final Words.Context context;

    BlockBody(LabBuilder lab, Words.Context context) {
        this.lab = lab;
        this.context = context;
    }

    public Object lab(Object... args) {
        return misplaced("lab", args);
    }

    public Object namespace(Object... args) {
        return misplaced("namespace", args);
    }

    public Object ns(Object... args) {
        return misplaced("ns", args);
    }

    public Object host(Object... args) {
        return misplaced("host", args);
    }

    public Object link(Object... args) {
        return misplaced("link", args);
    }

    public Object linear(Object... args) {
        return misplaced("linear", args);
    }

    public Object ring(Object... args) {
        return misplaced("ring", args);
    }

    public Object star(Object... args) {
        return misplaced("star", args);
    }

    public Object tree(Object... args) {
        return misplaced("tree", args);
    }

    public Object mesh(Object... args) {
        return misplaced("mesh", args);
    }

    public Object addresses(Object... args) {
        return misplaced("addresses", args);
    }

    public Object routes(Object... args) {
        return misplaced("routes", args);
    }

    public Object expect(Object... args) {
        return misplaced("expect", args);
    }

    public Object methodMissing(String name, Object args) {
        return misplaced(name, args);
    }

    private Object misplaced(String word, Object args) {
        return Misplaced.word(lab, word, args, context, getClass());
    }
}
