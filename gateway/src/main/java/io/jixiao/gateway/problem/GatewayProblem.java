package io.jixiao.gateway.problem;

import org.springframework.http.HttpStatus;

/** The errors the gateway itself answers with (a downstream's own errors pass through untouched). */
public enum GatewayProblem {

    REQUEST_REJECTED(HttpStatus.BAD_REQUEST, "request-rejected", "Malformed or suspicious request"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed HTTP request"),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long", "Request line too long"),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "Request headers too large"),
    NO_ROUTE(HttpStatus.NOT_FOUND, "no-route", "No route for this path"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this role or district"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    DOWNSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "downstream-unavailable", "Service unavailable"),
    DOWNSTREAM_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "downstream-timeout", "Service did not answer in time"),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "bad-gateway", "Invalid answer from service"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal gateway error");

    /** Prefix of every gateway problem type; the slug follows. */
    public static final String TYPE_BASE = "https://jixiao.io/problems/gateway/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    GatewayProblem(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }
}
