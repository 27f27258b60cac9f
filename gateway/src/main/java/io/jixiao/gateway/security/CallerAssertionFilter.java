package io.jixiao.gateway.security;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.jixiao.gateway.correlation.CorrelationId;
import io.jixiao.identity.CallerAssertion;
import io.jixiao.identity.CallerAssertions;
import io.jixiao.identity.CallerKey;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the service behind a route who is calling, in one signed piece: removes every {@code X-Jixiao-*} header the
 * client sent, the client's {@code Connection} header (whose list of names would make the gateway drop headers it
 * set itself) and its bearer token, and sets {@link CallerAssertions#HEADER} to a {@link CallerAssertion} for this
 * request (the caller's display name with it, when the token has one): signed with the key of the route's service
 * (route metadata {@code audience}), bound to the method and raw path, valid for a minute.
 */
@Component
public class CallerAssertionFilter implements GlobalFilter, Ordered {

    /** Route metadata naming the service a route leads to. */
    public static final String AUDIENCE_METADATA = "audience";

    /** Every client header with this prefix is removed: only the gateway speaks in it. */
    static final String RESERVED_PREFIX = "x-jixiao-";

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Map<String, CallerKey> keys = new HashMap<>();
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public CallerAssertionFilter(CallerKeysProperties properties, GatewayStartupChecks checked) {
        this(properties, Clock.systemUTC());
    }

    CallerAssertionFilter(CallerKeysProperties properties, Clock clock) {
        properties.callerKeys().forEach((service, key) ->
                keys.put(service, CallerKey.of(key, "jixiao.caller-keys." + service)));
        this.clock = clock;
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
                        .request(request -> request.headers(headers -> replace(headers, exchange, caller)))
                        .build()));
    }

    private void replace(HttpHeaders headers, ServerWebExchange exchange, Optional<Caller> caller) {
        List<String> reserved = headers.keySet().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)).toList();
        reserved.forEach(headers::remove);
        headers.remove(HttpHeaders.CONNECTION);
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.remove(HttpHeaders.COOKIE);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (caller.isEmpty() || route == null) {
            return;  // the service refuses a request without an assertion
        }
        String audience = (String) route.getMetadata().get(AUDIENCE_METADATA);
        CallerKey key = audience == null ? null : keys.get(audience);
        if (key == null) {
            throw new IllegalStateException("route " + route.getId() + " names no service with a caller key");
        }
        Caller known = caller.get();
        String correlationId = headers.getFirst(CorrelationId.HEADER);  // set by CorrelationIdFilter
        CallerAssertion assertion = CallerAssertion.issue(known.subject(), known.roleNames(),
                known.districts().values(), known.units(), known.agency(), audience,
                exchange.getRequest().getMethod().name(), exchange.getRequest().getURI().getRawPath(),
                correlationId, headers.getFirst(IDEMPOTENCY_KEY), clock.instant()).withName(known.name());
        headers.set(CallerAssertions.HEADER, CallerAssertions.sign(assertion, key));
    }
}
