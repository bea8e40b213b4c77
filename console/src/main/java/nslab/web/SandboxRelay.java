package nslab.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The outer half of the page's way out of a sandbox, run by the {@code ./nslab} launcher outside
 * it: listens on 127.0.0.1 of the user's own network and passes each connection to the Unix socket
 * {@code DIR/web.sock}, where {@link SandboxDoor} takes it into the sandbox. The sandbox asks for
 * a port by writing it as a line to the launcher's FIFO {@code DIR/ask}, which is this relay's
 * standard input (the first line is its second argument); the port bound is written to
 * {@code DIR/port}, or why not to {@code DIR/error}. Standard input ends when the last process
 * of the sandbox does, and so does this relay.
 */
public final class SandboxRelay {
    static final String PORT = "port";
    static final String ERROR = "error";

    private SandboxRelay() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ServerSocketChannel listening = null;
        for (String asked = args.length > 1 ? args[1] : requests.readLine(); asked != null; asked = requests.readLine()) {
            if (listening != null) listening.close();
            try {
                listening = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(asked.strip())));
                new Relay(listening, UnixDomainSocketAddress.of(dir.resolve(SandboxDoor.SOCKET))).start("nslab-web-relay-out");
                answer(dir, PORT, String.valueOf(((InetSocketAddress) listening.getLocalAddress()).getPort()));
            } catch (IOException | RuntimeException e) {
                listening = null;
                answer(dir, ERROR, String.valueOf(e.getMessage()));
            }
        }
        System.exit(0); // the sandbox has ended
    }

    /** Written aside and renamed, so that the sandbox never reads half of it. */
    private static void answer(Path dir, String name, String text) throws IOException {
        Path aside = dir.resolve(name + ".new");
        Files.writeString(aside, text + "\n");
        Files.move(aside, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
