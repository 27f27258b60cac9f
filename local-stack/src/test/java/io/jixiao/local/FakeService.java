package io.jixiao.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A stand-in for a Spring Boot service, packed into a jar by {@link FakeServiceJars}: serves
 * {@code GET /actuator/health} on {@code SERVER_PORT} and {@code GET /env/<NAME>} (the value of an
 * environment variable). {@code FAKE_EXIT_CODE} makes it fail at start, {@code FAKE_HEALTH} sets
 * the reported status.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        String exitCode = System.getenv("FAKE_EXIT_CODE");
        if (exitCode != null) {
            System.out.println("fake service failing on purpose with code " + exitCode);
            System.exit(Integer.parseInt(exitCode));
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        String health = Optional.ofNullable(System.getenv("FAKE_HEALTH")).orElse("UP");
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/actuator/health", exchange ->
                respond(exchange, "UP".equals(health) ? 200 : 503, "{\"status\":\"" + health + "\"}"));
        server.createContext("/env/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/env/".length());
            respond(exchange, 200, Optional.ofNullable(System.getenv(name)).orElse(""));
        });
        server.start();
        System.out.println("fake service listening on " + port);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
