package io.jixiao.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import io.jixiao.support.testing.AsGateway;

/** budget-service over real HTTP, as the gateway forwards a caller (a signed assertion: actor, roles, districts). */
public final class Api {
    public static final AsGateway.Caller ALICE = AsGateway.Caller.everything("alice@czj");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    public static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final AsGateway.Caller caller;

    public Api(int port) {
        this(port, ALICE);
    }

    public Api(int port, AsGateway.Caller caller) {
        this.port = port;
        this.caller = caller;
    }

    /** @param instance the answering instance ({@code X-Jixiao-Instance}) */
    public record Answer(int status, String contentType, JsonNode body, String etag, String next, String instance) {
        public String text(String path) {
            JsonNode node = body;
            for (String part : path.split("\\.")) {
                node = part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
            }
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }
    }

    public Answer call(String method, String path, String body, String... headers) {
        return send(method, path, "application/json", body, headers);
    }

    public Answer send(String method, String path, String contentType, String body, String... headers) {
        URI uri = URI.create("http://localhost:" + port + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(3))
                .header("Content-Type", contentType).method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        AsGateway.sign(request, "budget-service", method, uri, caller, headers);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? null : JSON.readTree(response.body()),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Link").map(Api::nextOf).orElse(null),
                    response.headers().firstValue("X-Jixiao-Instance").orElse(null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Answers the status, or fails with the body. */
    public Answer expect(int status, String method, String path, String body, String... headers) {
        Answer answer = call(method, path, body, headers);
        if (answer.status() != status) {
            throw new AssertionError(method + " " + path + " answered " + answer.status() + " (expected " + status
                    + "): " + answer.body());
        }
        return answer;
    }

    /**
     * A paged GET followed to its last page (Link rel="next"): the first page's answer with the list
     * {@code listField} holding the items of every page, in order.
     */
    public Answer expectAllPages(String path, String listField) {
        Answer first = expect(200, "GET", path, null);
        ArrayNode all = (ArrayNode) first.body().get(listField);
        String next = first.next();
        for (int pages = 1; next != null; pages++) {
            if (pages > 10_000) {
                throw new AssertionError("more than 10,000 pages: the next links go round");
            }
            Answer page = expect(200, "GET", next, null);
            all.addAll((ArrayNode) page.body().get(listField));
            next = page.next();
        }
        return first;
    }

    private static String nextOf(String link) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"").matcher(link);
        return m.find() ? m.group(1) : null;
    }

    /** 万元 (fixture text) as a yuan string with two decimals: "959.93" → "9599300.00". */
    public static String wanToYuan(String wan) {
        return new BigDecimal(wan).movePointRight(4).setScale(2).toPlainString();
    }
}
