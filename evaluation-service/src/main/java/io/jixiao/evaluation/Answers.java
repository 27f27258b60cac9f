package io.jixiao.evaluation;

import io.jixiao.support.web.IfMatch;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer to a write or read of a recorded object: its version as ETag and, after a command, what it did. */
public final class Answers {
    private Answers() {
    }

    /**
     * {@code outcome} (null for a read) goes into {@code Jixiao-Outcome}; {@code recorded} false (a repeat answered
     * from what is recorded) into {@code Idempotent-Replayed: true}.
     */
    public static <T> ResponseEntity<T> of(HttpStatus status, long version, T body, Enum<?> outcome, boolean recorded) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).eTag(IfMatch.etag(version));
        if (outcome != null) {
            answer.header("Jixiao-Outcome", outcome.name()).header("Idempotent-Replayed", String.valueOf(!recorded));
        }
        return answer.body(body);
    }
}
