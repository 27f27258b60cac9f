package io.jixiao.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.gateway.testing.GatewayWithStubTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests the HTTP server refuses before any WebFlux filter runs (headers over the 8 KB limit, a request line
 * that cannot be parsed, a target Spring cannot turn into a URI) are still answered with problem+json. Sent byte
 * for byte over a raw socket: an HTTP client would refuse to send them.
 */
class MalformedRequestTest extends GatewayWithStubTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status line, headers (names lower case) and body, read until the gateway closes the connection. */
    record RawAnswer(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    @Test
    void headersOverTheLimitAre431ProblemJson() throws IOException {
        RawAnswer answer = send(("GET /api/budget/districts/430203/projects/p-1 HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Padding: " + "p".repeat(40_000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).isEqualTo(431);
        assertProblem(answer, GatewayProblem.HEADERS_TOO_LARGE, 431);
        assertThat(answer.json().path("detail").asText()).contains("8 KB");
        assertThat(STUB.receivedNothing()).isTrue();
    }

    @Test
    void aRequestLineOverTheLimitIs414ProblemJson() throws IOException {
        RawAnswer answer = send(("GET /api/budget/" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertProblem(answer, GatewayProblem.URI_TOO_LONG, 414);
        assertThat(STUB.receivedNothing()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /api/budget/districts/430203/projects/fs p0/expenditures HTTP/1.1",
            "POST /api/budget/districts/430203/projects/fs-p0/expenditures%zz HTTP/1.1",
            "POST /api/budget/districts/430203/projects/fs-p0/expenditures% HTTP/1.1",
            "POST /api/budget/districts/430203/projects/fs-p0\\..\\fs-p1/expenditures HTTP/1.1",
            "GET /api/budget/districts/430203/projects/项目/expenditures HTTP/1.1",
            "GET /api/budget/districts/430203/projects/fs-p0/expenditures?%zz=1 HTTP/1.1",
            "GET /api/budget/districts/430203 HTTP/1.1 and-more"})
    void anUnparseableRequestLineIs400ProblemJson(String requestLine) throws IOException {
        RawAnswer answer = send((requestLine + "\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, GatewayProblem.MALFORMED_REQUEST, 400);
        assertThat(STUB.receivedNothing()).isTrue();
    }

    @Test
    void anUndecodableHeaderIs400ProblemJson() throws IOException {
        RawAnswer answer = send(("POST /api/budget/districts/430203/projects/fs-p0/expenditures HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Length: two\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));

        assertProblem(answer, GatewayProblem.MALFORMED_REQUEST, 400);
        assertThat(STUB.receivedNothing()).isTrue();
    }

    @Test
    void anAnswerThatPassedTheFiltersKeepsItsOwnBody() throws IOException {
        RawAnswer answer = send(("GET /api/budget/districts/430203 HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("type").asText()).isEqualTo(GatewayProblem.UNAUTHENTICATED.type());
    }

    private static void assertProblem(RawAnswer answer, GatewayProblem problem, int status) throws IOException {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.headers().get("content-length"))
                .isEqualTo(Integer.toString(answer.body().getBytes(StandardCharsets.UTF_8).length));
        JsonNode body = answer.json();
        assertThat(body.path("type").asText()).isEqualTo(problem.type()).startsWith("https://jixiao.io/problems/");
        assertThat(body.path("title").asText()).isEqualTo(problem.title());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(body.path("correlationId").asText()).isNotBlank();
    }

    private RawAnswer send(byte[] request) throws IOException {
        URI gateway = URI.create(gatewayUrl());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    received.write(buffer, 0, n);
                    if (complete(received.toByteArray())) {
                        break;
                    }
                }
            } catch (SocketException | SocketTimeoutException e) {
                // the gateway may close while the request is still being written; what it answered counts
            }
        }
        return parse(received.toString(StandardCharsets.UTF_8));
    }

    /** Whether the bytes hold a whole response (headers and Content-Length bytes of body). */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String length = parseHeaders(text.substring(0, end)).get("content-length");
        return length != null && bytes.length - end - 4 >= Integer.parseInt(length);
    }

    private static RawAnswer parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("no complete response head: %s", text).isPositive();
        String head = text.substring(0, end);
        String[] statusLine = head.split("\r\n", 2)[0].split(" ", 3);
        return new RawAnswer(Integer.parseInt(statusLine[1]), parseHeaders(head), text.substring(end + 4));
    }

    private static Map<String, String> parseHeaders(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
