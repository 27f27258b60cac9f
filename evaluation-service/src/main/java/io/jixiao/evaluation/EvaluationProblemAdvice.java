package io.jixiao.evaluation;

import io.jixiao.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The answer of this service that the shared {@code ProblemAdvice} cannot give: every field of an
 * {@link InvalidInput} (not only the first). Everything else (a {@link BudgetNotYetKnown} included) falls through
 * to the shared advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EvaluationProblemAdvice {
    private final Problems problems;

    public EvaluationProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest request) {
        ProblemDetail body = problems.build(HttpStatus.UNPROCESSABLE_ENTITY, "Rule violated", e.getMessage(), e.rule(),
                e.problems(), request.getRequestURI());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
