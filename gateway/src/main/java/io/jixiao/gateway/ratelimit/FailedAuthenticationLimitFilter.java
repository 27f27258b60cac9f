package io.jixiao.gateway.ratelimit;

import java.net.InetSocketAddress;

import io.jixiao.gateway.problem.GatewayProblem;
import io.jixiao.gateway.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits what guessing tokens costs the gateway: every request with a token (or cookie) answered 401 takes one
 * from its IP address's bucket, and while that bucket is empty the address gets 429 before its token is even
 * parsed or verified. Runs
 * in the security chain before authentication (see {@code SecurityConfiguration}); the per-client rate of
 * {@link RateLimitFilter} still applies after it.
 */
public class FailedAuthenticationLimitFilter implements WebFilter {

    private final RateLimiter failures;
    private final ProblemWriter problemWriter;

    public FailedAuthenticationLimitFilter(LimitsProperties properties, ProblemWriter problemWriter) {
        this.failures = new RateLimiter(properties.failedAuthenticationsPerSecond(),
                properties.failedAuthenticationBurst(), System::nanoTime);
        this.problemWriter = problemWriter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = remoteAddress(exchange);
        if (failures.isExhausted(address)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return problemWriter.write(exchange, GatewayProblem.RATE_LIMITED,
                    "Too many refused tokens from this address; retry after 1 s");
        }
        // only a refused credential costs: a request without one (a page's first call) was never verified
        boolean presentsCredential = exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                || !exchange.getRequest().getCookies().isEmpty();
        return chain.filter(exchange).doFinally(signal -> {
            if (presentsCredential && HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
                failures.tryAcquire(address);
            }
        });
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
