package io.jixiao.gateway.security;

import io.jixiao.gateway.problem.GatewayProblem;
import io.jixiao.gateway.problem.ProblemWriter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 400 as problem+json for requests Spring Security's strict firewall refuses before anything else
 * runs: paths with {@code ..}, encoded slashes, semicolons and the like, which could otherwise
 * name one district to the gateway and another to a service.
 */
@Component
class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    private final ProblemWriter problemWriter;

    ProblemExchangeRejectedHandler(ProblemWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problemWriter.write(exchange, GatewayProblem.REQUEST_REJECTED, rejected.getMessage());
    }
}
