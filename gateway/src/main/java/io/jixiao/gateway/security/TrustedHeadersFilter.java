package io.jixiao.gateway.security;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Removes every identity header a client sent and sets the gateway's own: the shared secret that
 * proves the request came through the gateway, and the verified caller (subject, roles, districts).
 */
@Component
public class TrustedHeadersFilter implements GlobalFilter, Ordered {

    private final String gatewaySecret;

    public TrustedHeadersFilter(@Value("${jixiao.gateway.secret}") String gatewaySecret) {
        this.gatewaySecret = gatewaySecret;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Optional.of(Caller.from(((JwtAuthenticationToken) principal).getToken())))
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> chain.filter(exchange.mutate()
                        .request(request -> request.headers(headers -> replaceTrustedHeaders(headers, caller)))
                        .build()));
    }

    private void replaceTrustedHeaders(HttpHeaders headers, Optional<Caller> caller) {
        TrustedHeaders.ALL.forEach(headers::remove);
        headers.set(TrustedHeaders.GATEWAY_SECRET, gatewaySecret);
        headers.set(TrustedHeaders.ACTOR, caller.map(Caller::subject).orElse(TrustedHeaders.ANONYMOUS));
        caller.ifPresent(known -> {
            headers.set(TrustedHeaders.ROLES, known.rolesHeaderValue());
            headers.set(TrustedHeaders.DISTRICTS, known.districts().toHeaderValue());
        });
    }
}
