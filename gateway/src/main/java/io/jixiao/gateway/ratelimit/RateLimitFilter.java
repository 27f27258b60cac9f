package io.jixiao.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;

import io.jixiao.gateway.problem.GatewayProblem;
import io.jixiao.gateway.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * 429 with {@code Retry-After} for a client over its rate. The client is the token subject when
 * the request is authenticated, else the remote IP address. Runs inside the security chain right
 * after authentication (see {@code SecurityConfiguration}), so it is not a bean of its own.
 */
public class RateLimitFilter implements WebFilter {

    private final RateLimiter limiter;
    private final ProblemWriter problemWriter;

    public RateLimitFilter(LimitsProperties properties, ProblemWriter problemWriter) {
        this.limiter = new RateLimiter(properties.requestsPerSecond(), properties.burst(), System::nanoTime);
        this.problemWriter = problemWriter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> "subject:" + authentication.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + remoteAddress(exchange)))
                .flatMap(client -> {
                    Duration wait = limiter.tryAcquire(client);
                    return wait.isZero() ? chain.filter(exchange) : refuse(exchange, wait);
                });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problemWriter.write(exchange, GatewayProblem.RATE_LIMITED,
                "Request rate exceeded; retry after " + seconds + " s");
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
