package nslab.exec;

import java.util.function.Consumer;
import org.zeroturnaround.exec.stream.LogOutputStream;

/**
 * A process's output, handed on line by line as it comes. zt-exec's {@link LogOutputStream}
 * drops an empty line that ends in a plain LF ("\n\n"); ping, tcpdump and others use those to
 * set their summaries apart, so they are handed on here as empty lines.
 */
final class OutputLines extends LogOutputStream {
    private final Consumer<String> line;
    private int last = -1;

    OutputLines(Consumer<String> line) {
        this.line = line;
    }

    @Override
    public void write(int b) throws java.io.IOException {
        if (b == '\n' && last == '\n') processLine("");
        last = b;
        super.write(b);
    }

    /** Byte by byte, so that {@link #write(int)} sees every byte (the parent's bulk write skips it for text). */
    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
        for (int i = off; i < off + len; i++) write(b[i]);
    }

    @Override
    protected void processLine(String text) {
        line.accept(text);
    }
}
