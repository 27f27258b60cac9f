package io.jixiao.disclosure.web;

import io.jixiao.support.web.Problems.FieldProblem;
import io.jixiao.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * disclosure-service's own refusals ({@link HttpRefusal}: bad parameters, narrative checks, a PDF asked for on a machine
 * without a Chinese font), ahead of service-support's catch-all mapping.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DisclosureProblemAdvice {
    private final Problems problems;

    public DisclosureProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(HttpRefusal.class)
    ResponseEntity<ProblemDetail> refused(HttpRefusal e, HttpServletRequest request) {
        HttpRefusal.Answer answer = e.answer();
        ProblemDetail body = problems.build(answer.status(), answer.title(), answer.detail(), e.rule(),
                List.of(new FieldProblem(e.field(), answer.fieldMessage())), request.getRequestURI());
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
