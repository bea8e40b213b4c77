package nslab.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import groovy.json.JsonOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The live picture's server-sent events: a {@link LiveSample} about once a second, for as long as
 * the page listens (a closed page ends the stream at the next write).
 */
final class LiveEvents implements HttpHandler {
    private static final long EVERY_MILLIS = 1000;
    private final WebLab web;

    LiveEvents(WebLab web) {
        this.web = web;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (!Thread.currentThread().isInterrupted()) {
                long started = System.currentTimeMillis();
                String data;
                try {
                    data = JsonOutput.toJson(LiveSample.of(web));
                } catch (RuntimeException e) {
                    data = JsonOutput.toJson(java.util.Map.of("error", String.valueOf(e.getMessage())));
                }
                out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(Math.max(100, EVERY_MILLIS - (System.currentTimeMillis() - started)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
