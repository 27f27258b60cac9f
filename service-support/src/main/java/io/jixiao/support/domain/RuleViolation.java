package io.jixiao.support.domain;

/**
 * A command broke a domain rule; nothing was recorded. Thrown by aggregates and policies,
 * answered as 422 problem+json naming the rule and the field.
 */
public class RuleViolation extends Refusal {
    public RuleViolation(String rule, String field, String message) {
        super(rule, field, message);
    }
}
