package io.jixiao.support.domain;

/**
 * The one "not known yet" answer: what a command needs comes from another service's events on Kafka, and it has
 * not arrived (yet). Nothing is recorded; answered 409 with {@code Retry-After}, {@code retryable: true} and the
 * field that names what is missing, so a client retries the same request (same {@code Idempotency-Key}) later
 * instead of treating it as a broken rule. {@link #missing()} says what has not arrived, e.g. "the budget of
 * project 'p-1'". To code that reports refusals line by line (a bulk import) it is a {@link RuleViolation} like any
 * other; the web layer gives it its own answer.
 */
public class NotYetKnown extends RuleViolation {
    private final String missing;

    public NotYetKnown(String rule, String field, String missing, String message) {
        super(rule, field, message);
        this.missing = missing;
    }

    public String missing() {
        return missing;
    }
}
