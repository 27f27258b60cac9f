package io.jixiao.support.domain;

/**
 * The caller may not do this act on this object (another unit's goal, an evaluation commissioned to another agency,
 * a setting only the finance bureau may change); nothing was recorded. Answered as 403 problem+json naming the rule
 * and the field that identifies the object.
 */
public class Forbidden extends Refusal {
    public Forbidden(String rule, String field, String message) {
        super(rule, field, message);
    }
}
