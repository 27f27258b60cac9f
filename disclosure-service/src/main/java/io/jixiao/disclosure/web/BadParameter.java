package io.jixiao.disclosure.web;

import org.springframework.http.HttpStatus;

/** A query or path parameter that is not acceptable: answered 400 problem+json naming the parameter. */
public class BadParameter extends HttpRefusal {

    public BadParameter(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", "VALIDATION", field, message);
    }
}
