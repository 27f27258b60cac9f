package io.jixiao.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP calls with a bearer token (through the gateway) or, straight to a service, with a caller assertion
 * signed per request as the gateway would (the benchmark starts the stack with caller keys it chose).
 */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final String baseUrl;
    private final java.util.function.BiFunction<String, URI, String[]> credentials;

    private Api(String baseUrl, java.util.function.BiFunction<String, URI, String[]> credentials) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
    }

    public static Api gateway(String url, String token) {
        String[] header = {"Authorization", "Bearer " + token};
        return new Api(url, (method, uri) -> header);
    }

    /** Straight to {@code service} (e.g. budget-service), as the benchmark user with every role and district. */
    public static Api direct(String url, String service, String callerKey) {
        io.jixiao.identity.CallerKey key = io.jixiao.identity.CallerKey.of(callerKey, "caller key of " + service);
        return new Api(url, (method, uri) -> new String[] {io.jixiao.identity.CallerAssertions.HEADER,
                io.jixiao.identity.CallerAssertions.sign(io.jixiao.identity.CallerAssertion.issue("benchmark",
                        java.util.Set.of("FINANCE", "AUDITOR"), java.util.Set.of("*"), java.util.Set.of(), null,
                        service, method, uri.getRawPath(), null, null, java.time.Instant.now()), key)});
    }

    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** What kind of answer it was: the status and, for a problem+json, its rule ({@code 409 CONCURRENT_MODIFICATION}). */
        public String kind() {
            String rule = body == null ? "" : body.path("rule").asText("");
            return rule.isEmpty() ? String.valueOf(status) : status + " " + rule;
        }
    }

    public Answer send(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }

    public Answer send(String method, String path, String body, String contentType) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .headers(credentials.apply(method, uri)).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            String text = response.body();
            if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
                node = JSON.readTree(text);
            }
            return new Answer(response.statusCode(), node);
        } catch (IOException e) {
            return new Answer(599, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(599, null);
        }
    }

    /** The raw body of a GET, timed by the caller to its last byte: no JSON parsing on the client's clock. */
    public byte[] fetch(String path) {
        return fetchPage(path).body();
    }

    /**
     * The raw bodies of a paged GET, every page in order (following each answer's {@code Link: <…>; rel="next"}
     * to the last page), timed by the caller to the last byte of the last page.
     */
    public List<byte[]> fetchAllPages(String path) {
        List<byte[]> pages = new ArrayList<>();
        String next = path;
        while (next != null) {
            HttpResponse<byte[]> page = fetchPage(next);
            pages.add(page.body());
            next = page.headers().firstValue("Link").map(Api::nextOf).orElse(null);
        }
        return pages;
    }

    private static String nextOf(String link) {
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }

    private HttpResponse<byte[]> fetchPage(String path) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .headers(credentials.apply("GET", uri)).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }

    public Answer require(String method, String path, String body) {
        Answer answer = send(method, path, body);
        if (!answer.ok()) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + " " + answer.body());
        }
        return answer;
    }
}
