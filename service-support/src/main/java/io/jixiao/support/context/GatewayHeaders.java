package io.jixiao.support.context;

/** Headers the gateway sets after verifying a caller (docs/contracts-internal.md). */
public final class GatewayHeaders {
    public static final String ACTOR = "X-Jixiao-Actor";
    public static final String ROLES = "X-Jixiao-Roles";
    public static final String DISTRICTS = "X-Jixiao-Districts";
    public static final String SECRET = "X-Jixiao-Gateway-Secret";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private GatewayHeaders() {
    }
}
