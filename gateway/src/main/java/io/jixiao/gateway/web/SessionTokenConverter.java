package io.jixiao.gateway.web;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the caller's JWT from the {@code Authorization: Bearer} header, or, for a read (GET/HEAD) of
 * {@code /api/**} without that header, from the workbench's session cookie. Never from the URL. A write is
 * authenticated by the header only: a cookie alone cannot change anything, which is the CSRF defence on top of
 * SameSite=Strict (the pages only read).
 */
public final class SessionTokenConverter implements ServerAuthenticationConverter {
    private final ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        if (request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return header.convert(exchange);
        }
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || !request.getPath().pathWithinApplication().value().startsWith("/api/")) {
            return Mono.empty();
        }
        HttpCookie cookie = request.getCookies().getFirst(SessionCookie.NAME);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Mono.empty();
        }
        return Mono.just(new BearerTokenAuthenticationToken(cookie.getValue()));
    }
}
