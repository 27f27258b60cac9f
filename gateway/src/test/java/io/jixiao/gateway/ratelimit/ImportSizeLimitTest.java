package io.jixiao.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.gateway.problem.GatewayProblem;
import io.jixiao.gateway.testing.GatewayWithStubTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The gateway's default limits: a bulk import upload may be larger than 5 MB (a 100,000-line JSON-lines file is about
 * 16 MB) up to {@code jixiao.limits.max-import-size} (40 MB); every other route stays at 5 MB.
 */
class ImportSizeLimitTest extends GatewayWithStubTest {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int MB = 1024 * 1024;

    @Test
    void aJsonLinesImportAboveFiveMegabytesIsForwardedWhole() throws InterruptedException {
        byte[] file = jsonLines(6 * MB);

        client.post().uri("/api/budget/imports").contentType(NDJSON).bodyValue(file)
                .exchange()
                .expectStatus().isOk();

        assertThat(STUB.nextRequest().body().getBytes(StandardCharsets.UTF_8)).hasSize(file.length).isEqualTo(file);
    }

    @Test
    void theSameBodyOnAnyOtherRouteIsA413Problem() {
        client.post().uri("/api/budget/districts/430203/projects/p-1/appropriations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(jsonLines(6 * MB))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(GatewayProblem.PAYLOAD_TOO_LARGE.type());
        assertThat(STUB.receivedNothing()).isTrue();
    }

    @Test
    void anImportAboveItsBoundIsA413ProblemAndNeverForwarded() {
        client.post().uri("/api/budget/imports").contentType(NDJSON).bodyValue(jsonLines(40 * MB + 1))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(GatewayProblem.PAYLOAD_TOO_LARGE.type())
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("The request body exceeds the limit of " + 40 * MB + " bytes");
        assertThat(STUB.receivedNothing()).isTrue();
    }

    @Test
    void aChunkedImportAboveItsBoundIsA413Problem() throws Exception {
        byte[] file = jsonLines(41 * MB);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/budget/imports"))
                .header(HttpHeaders.CONTENT_TYPE, NDJSON.toString())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.superuser(SUPERUSER))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo(GatewayProblem.PAYLOAD_TOO_LARGE.type());
    }

    /** Import lines of the documented shape, repeated to at least {@code bytes} bytes. */
    private static byte[] jsonLines(int bytes) {
        StringBuilder file = new StringBuilder(bytes + 256);
        for (int i = 0; file.length() < bytes; i++) {
            file.append("{\"lineId\":\"l").append(i).append("\",\"op\":\"appropriate\",\"district\":\"430203\","
                    + "\"projectId\":\"czj-dlwh\",\"amount\":\"857400.00\",\"source\":\"general\","
                    + "\"date\":\"2026-03-01\"}\n");
        }
        return file.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
