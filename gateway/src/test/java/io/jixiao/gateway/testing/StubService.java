package io.jixiao.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny real HTTP service standing in for budget, evaluation and disclosure. It records every
 * request it receives and answers by path:
 * <ul>
 *   <li>ending in {@code /reject}: 422 with a problem+json body ({@link #REJECTION_BODY});</li>
 *   <li>ending in {@code /slow}: waits until the stub is closed (to provoke gateway timeouts);</li>
 *   <li>anything else: 200 {@code {"served":"<path>"}}.</li>
 * </ul>
 */
public final class StubService implements AutoCloseable {

    public static final String REJECTION_BODY =
            "{\"type\":\"https://jixiao.io/problems/validation\",\"title\":\"Invalid amount\",\"status\":422,"
                    + "\"errors\":[{\"field\":\"amount\",\"message\":\"at most two decimals\"}]}";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<RecordedRequest> received = new LinkedBlockingQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private StubService(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static StubService start() {
        try {
            return new StubService(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start stub service", e);
        }
    }

    /** A base URL where nothing listens: connecting to it is refused. */
    public static String deadBaseUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request received, waiting at most five seconds; null if none came. */
    public RecordedRequest nextRequest() throws InterruptedException {
        return received.poll(5, TimeUnit.SECONDS);
    }

    /** Whether nothing was received since the last {@link #clear()} (or the last request taken). */
    public boolean receivedNothing() {
        return received.isEmpty();
    }

    public void clear() {
        received.clear();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = readBody(exchange.getRequestBody());
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new RecordedRequest(exchange.getRequestMethod(), query == null ? path : path + "?" + query,
                    exchange.getRequestHeaders(), body));
            if (path.endsWith("/reject")) {
                respond(exchange, 422, "application/problem+json", REJECTION_BODY);
            } else if (path.endsWith("/slow")) {
                awaitClosing();
                respond(exchange, 200, "application/json", "{\"late\":true}");
            } else {
                respond(exchange, 200, "application/json", "{\"served\":\"" + path + "\"}");
            }
        }
    }

    private void awaitClosing() {
        try {
            closing.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
