package io.jixiao.gateway.security;

import io.jixiao.gateway.testing.GatewayWithStubTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The default allowed origin is the dashboard's, {@code http://localhost:8080}. */
class CorsTest extends GatewayWithStubTest {

    private static final String PATH = "/api/reports/districts/430203/years/2023";

    @Test
    void theDashboardOriginMayCallTheApi() {
        anonymousClient().options().uri(PATH)
                .header(HttpHeaders.ORIGIN, "http://localhost:8080")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:8080")
                .expectBody().returnResult();

        client.get().uri(PATH).header(HttpHeaders.ORIGIN, "http://localhost:8080").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:8080")
                .expectBody().returnResult();
    }

    @Test
    void anyOtherOriginIsRefused() {
        anonymousClient().options().uri(PATH)
                .header(HttpHeaders.ORIGIN, "http://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().returnResult();

        client.get().uri(PATH).header(HttpHeaders.ORIGIN, "http://evil.example").exchange()
                .expectStatus().isForbidden().expectBody().returnResult();
    }
}
