package io.jixiao.disclosure.web;

import org.springframework.http.HttpStatus;

/**
 * A request disclosure-service refuses, answered by {@link DisclosureProblemAdvice} as problem+json with its status,
 * title, rule and the one field at fault. Each feature's refusal ({@link BadParameter}, a narrative check's, a
 * missing PDF font) is one of these, so there is one place that turns them into responses.
 */
public class Refusal extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final String rule;
    private final String field;
    private final String fieldMessage;
    private final String detail;

    /** A refusal whose message is what the field is told, and whose detail is {@code field: fieldMessage}. */
    public Refusal(HttpStatus status, String title, String rule, String field, String fieldMessage) {
        this(status, title, rule, field, fieldMessage, fieldMessage, field + ": " + fieldMessage);
    }

    /** A refusal whose message and detail explain more than the field is told. */
    public Refusal(HttpStatus status, String title, String rule, String field, String fieldMessage, String detail) {
        this(status, title, rule, field, fieldMessage, detail, detail);
    }

    private Refusal(HttpStatus status, String title, String rule, String field, String fieldMessage, String message,
                    String detail) {
        super(message);
        this.status = status;
        this.title = title;
        this.rule = rule;
        this.field = field;
        this.fieldMessage = fieldMessage;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public String fieldMessage() {
        return fieldMessage;
    }

    public String detail() {
        return detail;
    }
}
