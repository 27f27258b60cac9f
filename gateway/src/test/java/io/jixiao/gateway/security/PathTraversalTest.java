package io.jixiao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.jixiao.gateway.testing.GatewayWithStubTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A path must not name one district to the gateway and another to the service behind it. */
class PathTraversalTest extends GatewayWithStubTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/budget/districts/430203/../430211/projects/p-1",
            "/api/budget/districts/430203/%2e%2e/430211/projects/p-1",
            "/api/budget/districts/430203%2F..%2F430211/projects/p-1",
            "/api/budget/districts/430203;x=1/../430211/projects/p-1",
            "/api/budget/districts/430203//../430211/projects/p-1"})
    void aPathThatWouldLeaveTheCallersDistrictNeverReachesAService(String rawPath) throws Exception {
        String token = TOKENS.issue("alice", List.of(Role.FINANCE), "430203");
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl() + rawPath))
                .header("Authorization", "Bearer " + token)
                .GET().build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(400, 403, 404);
        assertThat(STUB.receivedNothing()).isTrue();
    }
}
