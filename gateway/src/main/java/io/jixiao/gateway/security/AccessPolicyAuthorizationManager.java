package io.jixiao.gateway.security;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Applies the {@link AccessPolicy} to {@code /api/**}. A refusal becomes 401 (no token) or 403
 * through Spring Security's exception translation; an unknown path is answered 404 like any path
 * the gateway has no route for.
 */
class AccessPolicyAuthorizationManager implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final AccessPolicy policy;

    AccessPolicyAuthorizationManager(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        return authentication
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(token -> Optional.of(Caller.from(((JwtAuthenticationToken) token).getToken())))
                .defaultIfEmpty(Optional.empty())
                .map(caller -> policy.decide(caller.orElse(null), request.getMethod(),
                        request.getPath().pathWithinApplication()))
                .flatMap(decision -> decision == AccessPolicy.Decision.UNKNOWN_PATH
                        ? Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND))
                        : Mono.just(new AuthorizationDecision(decision == AccessPolicy.Decision.ALLOW)));
    }
}
