package nslab.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The inner half of the page's way out of a sandbox: the sandbox's network cannot be reached from
 * the user's browser, but its files can. The server listens on the sandbox's own 127.0.0.1; this
 * door listens on the Unix socket {@code DIR/web.sock} in the folder the launcher made for it
 * ({@code $NSLAB_WEB_DIR}, mode 0700, which only this user can enter) and passes each connection
 * to the server. It asks the launcher's {@link SandboxRelay} for the port the browser uses, and
 * that relay passes 127.0.0.1:PORT outside to the socket.
 */
final class SandboxDoor {
    static final String SOCKET = "web.sock";
    static final String ASK = "ask";
    private static final long ANSWER_MILLIS = 20_000;

    private SandboxDoor() {}

    /** Opens the door to the server at {@code server} and returns the port outside that leads to it. */
    static int open(Path dir, InetSocketAddress server, int asked) throws IOException {
        Path socket = dir.resolve(SOCKET);
        Files.deleteIfExists(socket);
        ServerSocketChannel door = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
        new Relay(door, server).start("nslab-web-relay-in");
        Path port = dir.resolve(SandboxRelay.PORT);
        Path error = dir.resolve(SandboxRelay.ERROR);
        Files.deleteIfExists(port);
        Files.deleteIfExists(error);
        Files.writeString(dir.resolve(ASK), asked + "\n", StandardCharsets.UTF_8);
        long until = System.currentTimeMillis() + ANSWER_MILLIS;
        while (System.currentTimeMillis() < until) {
            if (Files.exists(port)) return Integer.parseInt(Files.readString(port).strip());
            if (Files.exists(error)) throw new IOException(Files.readString(error).strip());
            try {
                Thread.sleep(50); // the relay outside starts a JVM first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the launcher's relay");
            }
        }
        throw new IOException("the launcher's relay outside the sandbox did not answer within 20 s");
    }
}
