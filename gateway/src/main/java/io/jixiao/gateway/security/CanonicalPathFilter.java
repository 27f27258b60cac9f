package io.jixiao.gateway.security;

import io.jixiao.gateway.problem.GatewayProblem;
import io.jixiao.gateway.problem.ProblemWriter;
import io.jixiao.identity.CanonicalPath;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses (400) a request whose raw path is not canonical ({@link CanonicalPath}), before authentication and the
 * access decision: {@code /%61pi/...} or {@code /api;x=1/...} would otherwise be one path to the gateway's rules
 * and another to a service's controllers. What passes is forwarded as it is, and the caller assertion is bound to
 * exactly that path.
 */
@Component
class CanonicalPathFilter implements WebFilter, Ordered {

    private final ProblemWriter problemWriter;

    CanonicalPathFilter(ProblemWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;  // right after the correlation id, so the refusal carries one
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return CanonicalPath.problem(exchange.getRequest().getURI().getRawPath())
                .map(problem -> problemWriter.write(exchange, GatewayProblem.REQUEST_REJECTED, problem))
                .orElseGet(() -> chain.filter(exchange));
    }
}
