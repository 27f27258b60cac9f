package io.jixiao.disclosure.web;

/** A query or path parameter that is not acceptable: answered 400 problem+json naming the parameter. */
public class BadParameter extends RuntimeException {
    private final String field;

    public BadParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
