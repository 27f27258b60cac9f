package io.jixiao.support.domain;

/** The command or query names something that does not exist (answered 404, or 422 inside a command). */
public class NotFound extends RuntimeException {
    private final String field;

    public NotFound(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
