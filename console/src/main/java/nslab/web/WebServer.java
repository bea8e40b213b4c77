package nslab.web;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The page's server on 127.0.0.1: the page at {@code /}, and its API: {@code /api/lab} (the lab
 * and its picture), {@code /api/events} (the live sample each second, as server-sent events),
 * {@code /api/namespace?name=NS}, {@code /api/trace?from=A&to=B}, and {@code POST
 * /api/link?a=A&b=B&state=up|down}. Every path wants the token. In a sandbox it listens on the
 * sandbox's own 127.0.0.1 and is reached through a {@link SandboxDoor}.
 */
final class WebServer {
    private final HttpServer http;
    private final ExecutorService threads;
    private final String address;

    private WebServer(HttpServer http, ExecutorService threads, String address) {
        this.http = http;
        this.threads = threads;
        this.address = address;
    }

    /**
     * Serves {@code web} on {@code port} (0: a free one); throws when that port cannot be had. {@code door}: the
     * launcher's folder for the way out of a sandbox (null: none); {@code path}: where Graphviz's dot is looked for.
     */
    static WebServer start(WebLab web, int port, Path door, String path) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), door == null ? port : 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "nslab-web");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(threads);
        TokenCheck token = TokenCheck.fresh();
        add(http, token, "/", WebServer::page);
        add(http, token, "/api/lab", JsonAnswers.reading(q -> LabPicture.of(web, path)));
        add(http, token, "/api/events", new LiveEvents(web));
        add(http, token, "/api/namespace", JsonAnswers.reading(q -> NamespaceDetails.of(web, q.get("name"))));
        add(http, token, "/api/trace", JsonAnswers.reading(q -> TraceAnswer.of(web, q.get("from"), q.get("to"))));
        add(http, token, "/api/link", JsonAnswers.changing(q -> CableSwitch.set(web, q.get("a"), q.get("b"), q.get("state"))));
        http.start();
        try {
            int outside = door == null ? http.getAddress().getPort() : SandboxDoor.open(door, http.getAddress(), port);
            return new WebServer(http, threads, "http://127.0.0.1:" + outside + "/?token=" + token.token());
        } catch (IOException e) {
            http.stop(0);
            threads.shutdownNow();
            throw e;
        }
    }

    String address() {
        return address;
    }

    void stop() {
        http.stop(0);
        threads.shutdownNow();
    }

    private static void add(HttpServer http, TokenCheck token, String path, HttpHandler handler) {
        HttpContext context = http.createContext(path, handler);
        context.getFilters().add(token);
    }

    /** The page itself, at {@code /} exactly; any other path not the API's is not found. */
    private static void page(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        try (exchange; InputStream page = WebServer.class.getResourceAsStream("page.html")) {
            if (!exchange.getRequestURI().getPath().equals("/") || page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = page.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
