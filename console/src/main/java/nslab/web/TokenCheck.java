package nslab.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Refuses every request that does not carry the page's token ({@code ?token=...}): 127.0.0.1 is
 * open to every user of the machine, the token is only in the address nslab printed to the user
 * who started it.
 */
final class TokenCheck extends Filter {
    private final String token;

    private TokenCheck(String token) {
        this.token = token;
    }

    static TokenCheck fresh() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new TokenCheck(HexFormat.of().formatHex(bytes));
    }

    String token() {
        return token;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String given = Query.of(exchange).get("token");
        if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(exchange);
            return;
        }
        byte[] body = "403: this page needs the address nslab web printed, token and all\n".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(403, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public String description() {
        return "the page's token";
    }
}
