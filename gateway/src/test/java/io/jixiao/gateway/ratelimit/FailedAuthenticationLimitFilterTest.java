package io.jixiao.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.gateway.problem.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

class FailedAuthenticationLimitFilterTest {

    private final FailedAuthenticationLimitFilter filter = new FailedAuthenticationLimitFilter(
            new LimitsProperties(DataSize.ofMegabytes(5), 200, 400, 0.001, 3, DataSize.ofMegabytes(40)), new ProblemWriter(new ObjectMapper()));

    private MockServerWebExchange from(String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/districts/430203/projects/p")
                .header("Authorization", "Bearer bad").remoteAddress(new InetSocketAddress(address, 40000)));
    }

    @Test
    void anAddressThatKeepsSendingBadTokensIsRefusedBeforeVerification() {
        AtomicInteger verified = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            MockServerWebExchange exchange = from("10.0.0.7");
            filter.filter(exchange, e -> {
                verified.incrementAndGet();
                e.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                return Mono.empty();
            }).block();
        }
        MockServerWebExchange fourth = from("10.0.0.7");
        filter.filter(fourth, e -> {
            verified.incrementAndGet();
            return Mono.empty();
        }).block();

        assertThat(verified).hasValue(3);
        assertThat(fourth.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(fourth.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");

        MockServerWebExchange other = from("10.0.0.8");
        filter.filter(other, e -> {
            verified.incrementAndGet();
            return Mono.empty();
        }).block();
        assertThat(verified).hasValue(4);
    }

    @Test
    void aRequestWithoutACredentialCostsNothing() {
        AtomicInteger passed = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/session")
                    .remoteAddress(new InetSocketAddress("10.0.0.10", 40000))), e -> {
                passed.incrementAndGet();
                e.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                return Mono.empty();
            }).block();
        }
        assertThat(passed).hasValue(50);
    }

    @Test
    void acceptedRequestsCostNothing() {
        AtomicInteger passed = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            filter.filter(from("10.0.0.9"), e -> {
                passed.incrementAndGet();
                e.getResponse().setStatusCode(HttpStatus.OK);
                return Mono.empty();
            }).block();
        }
        assertThat(passed).hasValue(50);
    }
}
