package io.jixiao.support.domain;

/**
 * A command broke a domain rule; nothing was recorded. Thrown by aggregates and policies,
 * answered as 422 problem+json naming the rule and the field.
 */
public class RuleViolation extends RuntimeException {
    private final String rule;
    private final String field;

    public RuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
