package io.jixiao.gateway.security;

import java.util.List;

/** Headers services trust because only the gateway may set them. */
public final class TrustedHeaders {

    public static final String ACTOR = "X-Jixiao-Actor";
    public static final String ROLES = "X-Jixiao-Roles";
    public static final String DISTRICTS = "X-Jixiao-Districts";
    public static final String GATEWAY_SECRET = "X-Jixiao-Gateway-Secret";

    /** Every header a client could forge; removed from each incoming request. */
    public static final List<String> ALL = List.of(ACTOR, ROLES, DISTRICTS, GATEWAY_SECRET);

    public static final String ANONYMOUS = "anonymous";

    private TrustedHeaders() {
    }
}
