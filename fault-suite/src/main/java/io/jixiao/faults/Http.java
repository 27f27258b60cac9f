package io.jixiao.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Calls through the gateway with a bearer token. {@link #send} uses the JDK client; {@link #raw} writes the
 * request bytes itself, for what the JDK client refuses to send (malformed paths, bad bytes, huge bodies).
 * A connection failure or timeout is answered as status {@value #NO_ANSWER}.
 */
public final class Http {
    /** The pseudo status of a request that got no HTTP answer (connection refused or reset, timeout). */
    public static final int NO_ANSWER = 599;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("content-length", "host", "connection",
            "expect", "upgrade", "transfer-encoding");

    private final HttpClient client;
    private final String baseUrl;
    private final String token;
    private final Duration timeout;

    public Http(String baseUrl, String token, Duration timeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "http-client");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    public Http withToken(String otherToken) {
        return new Http(baseUrl, otherToken, timeout);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * One answer: status, the headers the suite judges, the body, and the service instance that answered
     * ({@code X-Jixiao-Instance}; null when none did, e.g. the gateway answered itself).
     */
    public record Answer(int status, String contentType, String retryAfter, boolean replayed, String body,
                         String instance) {
        public Answer(int status, String contentType, String retryAfter, boolean replayed, String body) {
            this(status, contentType, retryAfter, replayed, body, null);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean isProblem() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? null : JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        public String rule() {
            JsonNode node = json();
            return node == null ? null : node.path("rule").asText(null);
        }

        public String brief() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    public Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Answer send(String method, String path, String body, Map<String, String> headers) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    public Answer send(String method, String path, byte[] body, String contentType, Map<String, String> headers) {
        if (headers.keySet().stream().anyMatch(h -> RESTRICTED.contains(h.toLowerCase(Locale.ROOT)))
                || headers.values().stream().anyMatch(v -> !v.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
            return raw(method, path, body, contentType, headers);
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            return raw(method, path, body, contentType, headers);
        }
        if (token != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            headers.forEach(request::header);
        } catch (IllegalArgumentException e) {
            return raw(method, path, body, contentType, headers);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false),
                    response.body(), response.headers().firstValue("X-Jixiao-Instance").orElse(null));
        } catch (IOException e) {
            return new Answer(NO_ANSWER, null, null, false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(NO_ANSWER, null, null, false, "interrupted");
        }
    }

    /**
     * Writes an HTTP/1.1 request byte for byte (the path as given, unencoded) and reads the answer; the body is
     * streamed, so an answer the server sends before it read everything (413) is still read.
     */
    public Answer raw(String method, String rawPath, byte[] body, String contentType, Map<String, String> headers) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 3000);
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((method + " ").getBytes(StandardCharsets.US_ASCII));
            head.write(rawPath.getBytes(StandardCharsets.UTF_8));
            StringBuilder h = new StringBuilder(" HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n");
            if (token != null && !headers.containsKey("Authorization")) {
                h.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            boolean chunked = "chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"));
            if (body != null && contentType != null) {
                h.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null && !chunked && !headers.containsKey("Content-Length")) {
                h.append("Content-Length: ").append(body.length).append("\r\n");
            }
            headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
            h.append("Connection: close\r\n\r\n");
            head.write(h.toString().getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            if (body != null) {
                try {
                    for (int off = 0; off < body.length; off += 65536) {
                        int len = Math.min(65536, body.length - off);
                        if (chunked) {
                            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(body, off, len);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    // the server answered (413) and closed before reading everything: read what it said
                }
            }
            out.flush();
            return readAnswer(socket.getInputStream());
        } catch (IOException e) {
            return new Answer(NO_ANSWER, null, null, false, e.toString());
        }
    }

    private static Answer readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
                if (all.size() > 4_000_000) {
                    break;
                }
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        String head = new String(bytes, 0, Math.max(end, 0), StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.") || end < 0) {
            throw new IOException("not an HTTP answer: " + head.substring(0, Math.min(80, head.length())));
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers.get("content-type"), headers.get("retry-after"),
                "true".equals(headers.get("idempotent-replayed")), new String(body, StandardCharsets.UTF_8),
                headers.get("x-jixiao-instance"));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int eol = indexOf(chunked, new byte[] {'\r', '\n'}, pos);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(new String(chunked, pos, eol - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = eol + 2;
            int stop = Math.min(chunked.length, start + size);
            out.write(chunked, start, stop - start);
            pos = stop + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
