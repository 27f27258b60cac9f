package io.jixiao.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document, plus the request's correlation id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String correlationId) {
}
