package nslab.web;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Passes each connection made to one socket on to another address, bytes both ways, until either
 * side ends. It carries the page across the sandbox's edge (a TCP port outside, a Unix socket in a
 * folder both sides see, the server's TCP port inside), untouched: the token is checked by the
 * server at the end of it.
 */
final class Relay {
    private final ServerSocketChannel listening;
    private final SocketAddress target;

    Relay(ServerSocketChannel listening, SocketAddress target) {
        this.listening = listening;
        this.target = target;
    }

    /** Accepts on a daemon thread of its own until the listening socket is closed. */
    Relay start(String name) {
        Thread t = new Thread(this::acceptAll, name);
        t.setDaemon(true);
        t.start();
        return this;
    }

    private void acceptAll() {
        while (listening.isOpen()) {
            SocketChannel in;
            try {
                in = listening.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                SocketChannel out = SocketChannel.open(target);
                java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
                pump(in, out, ended);
                pump(out, in, ended);
            } catch (IOException unreachable) {
                close(in);
            }
        }
    }

    /**
     * Copies {@code from} into {@code to} on a thread of its own; the end of {@code from} ends
     * {@code to}'s output, and the second direction to end (of the two that count in {@code ended})
     * closes both.
     */
    private static void pump(SocketChannel from, SocketChannel to, java.util.concurrent.atomic.AtomicInteger ended) {
        Thread t = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) to.write(buffer);
                    buffer.clear();
                }
                to.shutdownOutput();
                if (ended.incrementAndGet() < 2) return;
                close(from);
                close(to);
            } catch (IOException gone) {
                close(from);
                close(to);
            }
        }, "nslab-web-relay");
        t.setDaemon(true);
        t.start();
    }

    private static void close(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is all that was left to do
        }
    }
}
