package io.jixiao.gateway.security;

import io.jixiao.gateway.problem.GatewayProblem;
import io.jixiao.gateway.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 as problem+json, with the {@code WWW-Authenticate: Bearer} challenge of RFC 6750. */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemWriter problemWriter;

    ProblemAuthenticationEntryPoint(ProblemWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenRejected = failure instanceof InvalidBearerTokenException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenRejected ? "Bearer realm=\"jixiao\", error=\"invalid_token\"" : "Bearer realm=\"jixiao\"");
        String detail = tokenRejected
                ? "The bearer token was rejected: " + failure.getMessage()
                : "This request needs a bearer token (Authorization: Bearer <jwt>)";
        return problemWriter.write(exchange, GatewayProblem.UNAUTHENTICATED, detail);
    }
}
