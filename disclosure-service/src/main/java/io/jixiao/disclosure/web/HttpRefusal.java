package io.jixiao.disclosure.web;

import io.jixiao.support.domain.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A refusal that carries its own HTTP status and title, answered by {@link DisclosureProblemAdvice} as problem+json
 * naming its rule and the one field at fault. Each of disclosure-service's own refusals ({@link BadParameter}, a
 * narrative check's, a missing PDF font) is one of these, so one handler turns them into responses.
 */
public class HttpRefusal extends Refusal {
    private final HttpStatus status;
    private final String title;
    private final String fieldMessage;
    private final String detail;

    /** A refusal whose message is what the field is told, and whose detail is {@code field: fieldMessage}. */
    public HttpRefusal(HttpStatus status, String title, String rule, String field, String fieldMessage) {
        this(status, title, rule, field, fieldMessage, fieldMessage, field + ": " + fieldMessage);
    }

    /** A refusal whose message and detail explain more than the field is told. */
    public HttpRefusal(HttpStatus status, String title, String rule, String field, String fieldMessage,
                       String detail) {
        this(status, title, rule, field, fieldMessage, detail, detail);
    }

    private HttpRefusal(HttpStatus status, String title, String rule, String field, String fieldMessage,
                        String message, String detail) {
        super(rule, field, message);
        this.status = status;
        this.title = title;
        this.fieldMessage = fieldMessage;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** What the problem's entry for {@link #field()} says. */
    public String fieldMessage() {
        return fieldMessage;
    }

    public String detail() {
        return detail;
    }
}
