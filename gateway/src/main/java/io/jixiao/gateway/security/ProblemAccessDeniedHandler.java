package io.jixiao.gateway.security;

import io.jixiao.gateway.problem.GatewayProblem;
import io.jixiao.gateway.problem.ProblemWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 as problem+json: the token is valid but its roles or districts do not cover the request. */
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemWriter problemWriter;

    ProblemAccessDeniedHandler(ProblemWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        ServerHttpRequest request = exchange.getRequest();
        return problemWriter.write(exchange, GatewayProblem.FORBIDDEN, "Your roles or districts do not allow "
                + request.getMethod() + " " + request.getPath().value());
    }
}
