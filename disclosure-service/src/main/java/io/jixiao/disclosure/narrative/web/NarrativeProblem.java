package io.jixiao.disclosure.narrative.web;

import io.jixiao.disclosure.web.HttpRefusal;
import org.springframework.http.HttpStatus;

/** A narrative check refused: answered as problem+json with its status, rule and the field at fault. */
public class NarrativeProblem extends HttpRefusal {

    public NarrativeProblem(HttpStatus status, String rule, String field, String message) {
        super(status, status.getReasonPhrase(), rule, field, message);
    }
}
