package io.jixiao.support.context;

import io.jixiao.identity.CallerAssertions;

/** Headers between the gateway and a service (docs/contracts-internal.md). */
public final class GatewayHeaders {
    /** The signed caller assertion: the only source of who is calling. */
    public static final String CALLER = CallerAssertions.HEADER;
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private GatewayHeaders() {
    }
}
