package io.jixiao.disclosure.narrative.web;

import io.jixiao.support.web.Problems;
import io.jixiao.support.web.Problems.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Narrative-check refusals as problem+json naming the field (draft, Content-Type, districtCode, year). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NarrativeProblemAdvice {
    private final Problems problems;

    public NarrativeProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NarrativeProblem.class)
    ResponseEntity<ProblemDetail> refused(NarrativeProblem e, HttpServletRequest request) {
        ProblemDetail body = problems.build(e.status(), e.status().getReasonPhrase(), e.field() + ": " + e.getMessage(),
                e.rule(), List.of(new FieldProblem(e.field(), e.getMessage())), request.getRequestURI());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
