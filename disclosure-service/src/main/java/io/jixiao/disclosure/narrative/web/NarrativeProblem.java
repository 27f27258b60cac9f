package io.jixiao.disclosure.narrative.web;

import org.springframework.http.HttpStatus;

/** A narrative check refused: answered as problem+json with its status, rule and the field at fault. */
public class NarrativeProblem extends RuntimeException {
    private final HttpStatus status;
    private final String rule;
    private final String field;

    public NarrativeProblem(HttpStatus status, String rule, String field, String message) {
        super(message);
        this.status = status;
        this.rule = rule;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
