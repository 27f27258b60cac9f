package io.jixiao.evaluation;

import io.jixiao.support.web.Problems;
import io.jixiao.support.web.Problems.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The two answers of this service that the shared {@code ProblemAdvice} cannot give: every field of an
 * {@link InvalidInput} (not only the first), and {@code Retry-After} on {@link BudgetNotYetKnown}.
 * Everything else falls through to the shared advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EvaluationProblemAdvice {
    static final String RETRY_AFTER_SECONDS = "5";
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

    @ExceptionHandler(BudgetNotYetKnown.class)
    ResponseEntity<ProblemDetail> budgetNotYetKnown(BudgetNotYetKnown e, HttpServletRequest request) {
        ProblemDetail body = problems.build(HttpStatus.CONFLICT, "Budget not yet known", e.getMessage(), e.rule(),
                List.of(new FieldProblem(e.field(), e.getMessage())), request.getRequestURI());
        body.setProperty("retryable", true);
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
