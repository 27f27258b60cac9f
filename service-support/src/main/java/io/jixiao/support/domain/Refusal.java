package io.jixiao.support.domain;

/** A request refused by a named rule about one field; nothing was recorded. The web layer maps each kind to a status. */
public abstract class Refusal extends RuntimeException {
    private final String rule;
    private final String field;

    protected Refusal(String rule, String field, String message) {
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
