package io.jixiao.support.domain;

/**
 * The request conflicts with what is recorded: an id or idempotency key reused with a different body,
 * or a stale expected version. Answered 409 (or 412 for a failed {@code If-Match}).
 */
public class Conflict extends RuntimeException {
    private final String rule;
    private final boolean preconditionFailed;

    public Conflict(String rule, String message) {
        this(rule, message, false);
    }

    public Conflict(String rule, String message, boolean preconditionFailed) {
        super(message);
        this.rule = rule;
        this.preconditionFailed = preconditionFailed;
    }

    public String rule() {
        return rule;
    }

    public boolean preconditionFailed() {
        return preconditionFailed;
    }
}
