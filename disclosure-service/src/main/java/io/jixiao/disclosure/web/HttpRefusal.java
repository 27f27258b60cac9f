package io.jixiao.disclosure.web;

import io.jixiao.support.domain.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A refusal that carries its own HTTP status and title, answered by {@link DisclosureProblemAdvice} as problem+json
 * naming its rule and the one field at fault. Each of disclosure-service's own refusals ({@link BadParameter}, a
 * narrative check's, a missing PDF font) is one of these, so one handler turns them into responses.
 */
public class HttpRefusal extends Refusal {
    private final Answer answer;

    /**
     * How a refusal is answered: the problem's status, title and detail, and what the entry for its field says.
     */
    public record Answer(HttpStatus status, String title, String fieldMessage, String detail) {
    }

    /** A refusal whose message is what the field is told, and whose detail is {@code field: fieldMessage}. */
    public HttpRefusal(HttpStatus status, String title, String rule, String field, String fieldMessage) {
        this(new Answer(status, title, fieldMessage, field + ": " + fieldMessage), rule, field, fieldMessage);
    }

    /** A refusal whose message and detail explain more than the field is told. */
    public HttpRefusal(HttpStatus status, String title, String rule, String field, String fieldMessage,
                       String detail) {
        this(new Answer(status, title, fieldMessage, detail), rule, field, detail);
    }

    private HttpRefusal(Answer answer, String rule, String field, String message) {
        super(rule, field, message);
        this.answer = answer;
    }

    public Answer answer() {
        return answer;
    }
}
