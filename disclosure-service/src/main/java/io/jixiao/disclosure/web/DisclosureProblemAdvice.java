package io.jixiao.disclosure.web;

import io.jixiao.disclosure.document.CjkFont;
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

/** disclosure-service's own parameter problems, ahead of service-support's catch-all mapping. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DisclosureProblemAdvice {
    private final Problems problems;

    public DisclosureProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(BadParameter.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameter e, HttpServletRequest request) {
        ProblemDetail body = problems.build(HttpStatus.BAD_REQUEST, "Invalid request", e.field() + ": " + e.getMessage(),
                "VALIDATION", List.of(new FieldProblem(e.field(), e.getMessage())), request.getRequestURI());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** A PDF asked for on a machine without a Chinese TrueType font: 503, naming the package to install. */
    @ExceptionHandler(CjkFont.Missing.class)
    ResponseEntity<ProblemDetail> fontMissing(CjkFont.Missing e, HttpServletRequest request) {
        ProblemDetail body = problems.build(HttpStatus.SERVICE_UNAVAILABLE, "PDF font not installed", e.getMessage(),
                "FONT_MISSING", List.of(new FieldProblem("format", "pdf needs the Debian package " + CjkFont.PACKAGE)),
                request.getRequestURI());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
