package nslab.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Writes one netlink message: the 16-byte header, the message kind's fixed part, then attributes
 * (type-length-value, each padded to 4 bytes; a nested attribute's length covers its children).
 * Host byte order, as netlink wants; only port numbers go big-endian.
 */
final class MessageWriter {
    static final int HEADER = 16;

    private ByteBuffer buf = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    private final Deque<Integer> nests = new ArrayDeque<>();

    MessageWriter(int type, int flags) {
        buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(0).putInt(0);
    }

    MessageWriter u8(int v) {
        room(1).put((byte) v);
        return this;
    }

    MessageWriter u16(int v) {
        room(2).putShort((short) v);
        return this;
    }

    MessageWriter u32(int v) {
        room(4).putInt(v);
        return this;
    }

    /** An {@code ifinfomsg}: family, type, index, flags, change. */
    MessageWriter ifinfo(int index, int flags, int change) {
        return u8(0).u8(0).u16(0).u32(index).u32(flags).u32(change);
    }

    MessageWriter attr(int type, byte[] value) {
        room(4 + value.length + 3);
        buf.putShort((short) (4 + value.length)).putShort((short) type).put(value);
        pad();
        return this;
    }

    MessageWriter attrU8(int type, int v) {
        return attr(type, new byte[] {(byte) v});
    }

    MessageWriter attrU16(int type, int v) {
        return attr(type, ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) v).array());
    }

    MessageWriter attrBe16(int type, int v) {
        return attr(type, new byte[] {(byte) (v >> 8), (byte) v});
    }

    MessageWriter attrU32(int type, int v) {
        return attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array());
    }

    /** A C string with its terminating NUL (interface names). */
    MessageWriter attrString(int type, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return attr(type, Arrays.copyOf(b, b.length + 1));
    }

    /** A string without NUL (device kinds, as iproute2 writes them). */
    MessageWriter attrText(int type, String s) {
        return attr(type, s.getBytes(StandardCharsets.UTF_8));
    }

    MessageWriter begin(int type) {
        nests.push(buf.position());
        room(4).putShort((short) 0).putShort((short) type);
        return this;
    }

    MessageWriter end() {
        int start = nests.pop();
        buf.putShort(start, (short) (buf.position() - start));
        return this;
    }

    /** The message, its length filled in, sequence number 0 (the socket numbers what it sends). */
    byte[] bytes() {
        if (!nests.isEmpty()) throw new IllegalStateException("unclosed nested attribute");
        buf.putInt(0, buf.position());
        return Arrays.copyOf(buf.array(), buf.position());
    }

    private void pad() {
        while ((buf.position() & 3) != 0) buf.put((byte) 0);
    }

    private ByteBuffer room(int n) {
        if (buf.remaining() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(buf.capacity() * 2 + n).order(ByteOrder.nativeOrder());
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
        return buf;
    }
}
