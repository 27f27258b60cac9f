package io.jixiao.gateway.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/** The id that ties one client request to every log line and event it causes. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";

    static final String ATTRIBUTE = CorrelationId.class.getName();

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    /** The client's id when it is well-formed, otherwise a new random one. */
    static String acceptOrGenerate(String fromClient) {
        if (fromClient != null && ACCEPTED.matcher(fromClient).matches()) {
            return fromClient;
        }
        return UUID.randomUUID().toString();
    }

    /** The id assigned to this exchange by {@link CorrelationIdFilter}, if it ran. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
