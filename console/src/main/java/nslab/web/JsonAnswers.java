package nslab.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import groovy.json.JsonOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * One API path: the query in, a JSON document out; a request the lab cannot answer
 * ({@link IllegalArgumentException}) gets 400 with {@code {"error": why}}. Paths that change the
 * lab take POST only, so that no link or prefetch changes it.
 */
final class JsonAnswers implements HttpHandler {
    private final Function<Map<String, String>, Object> answer;
    private final boolean changes;

    private JsonAnswers(Function<Map<String, String>, Object> answer, boolean changes) {
        this.answer = answer;
        this.changes = changes;
    }

    static JsonAnswers reading(Function<Map<String, String>, Object> answer) {
        return new JsonAnswers(answer, false);
    }

    static JsonAnswers changing(Function<Map<String, String>, Object> answer) {
        return new JsonAnswers(answer, true);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Object body;
            if (changes != exchange.getRequestMethod().equals("POST")) {
                status = 405;
                body = Map.of("error", (changes ? "POST" : "GET") + " only");
            } else {
                try {
                    body = answer.apply(Query.of(exchange));
                } catch (IllegalArgumentException | nslab.command.Precondition e) {
                    status = 400;
                    body = Map.of("error", String.valueOf(e.getMessage()));
                } catch (RuntimeException e) {
                    status = 500;
                    body = Map.of("error", String.valueOf(e));
                }
            }
            byte[] bytes = JsonOutput.toJson(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
