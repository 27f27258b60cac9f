package io.jixiao.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token from the {@code Authorization} header; for GET of a report page
 * ({@code /api/reports/**}) also from an {@code access_token} query parameter, so that a browser can
 * open a printed dashboard link. Nothing else accepts a token in the URL.
 */
final class ReportLinkTokenConverter implements ServerAuthenticationConverter {
    private final ServerBearerTokenAuthenticationConverter headerOnly = new ServerBearerTokenAuthenticationConverter();
    private final ServerBearerTokenAuthenticationConverter headerOrQuery = new ServerBearerTokenAuthenticationConverter();

    ReportLinkTokenConverter() {
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        boolean reportPage = HttpMethod.GET.equals(exchange.getRequest().getMethod())
                && exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/reports/");
        return (reportPage ? headerOrQuery : headerOnly).convert(exchange);
    }
}
