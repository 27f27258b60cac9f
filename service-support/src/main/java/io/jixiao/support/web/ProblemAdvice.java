package io.jixiao.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.Forbidden;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.NotYetKnown;
import io.jixiao.support.domain.RuleViolation;
import io.jixiao.support.web.Problems.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become HTTP answers; every answer is problem+json. A database that cannot
 * be reached is answered {@code 503} with {@code Retry-After} (rule {@code SERVICE_UNAVAILABLE}), however the
 * failure was wrapped: the client retries with the same {@code Idempotency-Key}, which the aggregates honour.
 */
@RestControllerAdvice
public class ProblemAdvice {
    /** Seconds a client should wait before retrying while the database is unreachable. */
    public static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private final Problems problems;

    public ProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation e, HttpServletRequest request) {
        return answer(HttpStatus.UNPROCESSABLE_ENTITY, "Rule violated", e.getMessage(), e.rule(),
                List.of(new FieldProblem(e.field(), e.getMessage())), request);
    }

    /** 409 + {@code Retry-After}: what the command needs has not arrived from another service yet. */
    @ExceptionHandler(NotYetKnown.class)
    ResponseEntity<ProblemDetail> notYetKnown(NotYetKnown e, HttpServletRequest request) {
        ProblemDetail body = problems.build(HttpStatus.CONFLICT, "Not known yet", e.getMessage(), e.rule(),
                List.of(new FieldProblem(e.field(), e.getMessage())), request.getRequestURI());
        body.setProperty("retryable", true);
        body.setProperty("missing", e.missing());
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), e.rule(),
                List.of(new FieldProblem(e.field(), e.getMessage())), request);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), "NOT_FOUND",
                List.of(new FieldProblem(e.field(), e.getMessage())), request);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e, HttpServletRequest request) {
        HttpStatus status = e.preconditionFailed() ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
        return answer(status, "Conflict", e.getMessage(), e.rule(), List.of(), request);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e, HttpServletRequest request) {
        return answer(HttpStatus.PRECONDITION_FAILED, "Version mismatch", "If-Match names version "
                + e.getExpectedVersion() + " but the record is at version " + e.getActualVersion()
                + "; read it again and retry", "VERSION_MISMATCH", List.of(new FieldProblem("If-Match", "stale version")),
                request);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrency(RuntimeException e, HttpServletRequest request) {
        return answer(HttpStatus.CONFLICT, "Concurrent modification",
                "another request changed this record at the same time; read it again and retry", "CONCURRENT_MODIFICATION",
                List.of(), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, "Not found", "no such record: " + e.getAggregateIdentifier(), "NOT_FOUND",
                List.of(), request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> command(CommandExecutionException e, HttpServletRequest request) throws Exception {
        if (DatabaseOutage.causedBy(e)) {
            return unavailable(e, request);
        }
        Throwable cause = e.getCause();
        if (cause instanceof Exception inner && !(cause instanceof CommandExecutionException)) {
            return dispatch(inner, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage())).collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return answer(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), "VALIDATION", errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldProblem> errors = new java.util.ArrayList<>();
        for (var result : e.getParameterValidationResults()) {
            if (result instanceof org.springframework.validation.method.ParameterErrors bodyErrors) {
                bodyErrors.getFieldErrors().forEach(f -> errors.add(new FieldProblem(f.getField(), f.getDefaultMessage())));
            } else {
                result.getResolvableErrors().forEach(err -> errors.add(new FieldProblem(
                        result.getMethodParameter().getParameterName(), err.getDefaultMessage())));
            }
        }
        return answer(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), "VALIDATION", errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String field = "body";
        String message = "the body is not valid JSON for this request";
        if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Throwable root = jme.getCause() != null ? jme.getCause() : jme;
            message = jme instanceof InvalidFormatException ife
                    ? "'" + ife.getValue() + "' is not a valid " + ife.getTargetType().getSimpleName()
                    : root.getMessage() != null ? firstLine(root.getMessage()) : "invalid value";
        }
        return answer(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message, "MALFORMED_BODY",
                List.of(new FieldProblem(field, message)), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), "VALIDATION",
                List.of(new FieldProblem("body", e.getMessage())), request);
    }

    /**
     * Money is exact here: amounts are converted to fen with {@code longValueExact} and
     * {@code setScale(0, UNNECESSARY)}, which throw {@link ArithmeticException} for a number no amount can be
     * (found by the fault suite: {@code 1E+2147483647} passes {@code @Digits}, whose digit count overflows, and
     * then broke a bulk import with 500). Such a number is the request's fault: 400.
     */
    @ExceptionHandler(ArithmeticException.class)
    ResponseEntity<ProblemDetail> numberOutOfRange(ArithmeticException e, HttpServletRequest request) {
        log.warn("number out of range on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return answer(HttpStatus.BAD_REQUEST, "Invalid request", "a number in the request cannot be held exactly "
                + "(out of range, or more decimals than the field allows)", "NUMBER_OUT_OF_RANGE",
                List.of(new FieldProblem("body", "number out of range")), request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : e instanceof MissingServletRequestParameterException p ? p.getParameterName()
                : ((MissingRequestHeaderException) e).getHeaderName();
        return answer(HttpStatus.BAD_REQUEST, "Invalid request", field + " is missing or malformed", "VALIDATION",
                List.of(new FieldProblem(field, "missing or malformed")), request);
    }

    @ExceptionHandler(Paging.BadParameter.class)
    ResponseEntity<ProblemDetail> badPaging(Paging.BadParameter e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), "VALIDATION",
                List.of(new FieldProblem(e.field(), e.getMessage())), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", e.getMessage(), "MEDIA_TYPE",
                List.of(new FieldProblem("Content-Type", "not supported here")), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage(), "METHOD", List.of(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, "Not found", "no such path", "NOT_FOUND", List.of(), request);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, RecoverableDataAccessException.class,
            TransactionSystemException.class})
    ResponseEntity<ProblemDetail> database(Exception e, HttpServletRequest request) {
        return unexpected(e, request);
    }

    /** 503 for an unreachable database (no 2xx: what it refused was not stored; no 500: it is not a bug). */
    ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
        log.warn("database unreachable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        ProblemDetail body = problems.build(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                "the service cannot reach its database right now; retry after " + RETRY_AFTER_SECONDS
                        + " s with the same Idempotency-Key", "SERVICE_UNAVAILABLE", List.of(), request.getRequestURI());
        body.setProperty("retryable", true);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            return unavailable(e, request);
        }
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request could not be completed; it may be retried with the same Idempotency-Key", "INTERNAL",
                List.of(), request);
    }

    private ResponseEntity<ProblemDetail> dispatch(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof NotYetKnown n) {  // before RuleViolation, which it extends
            return notYetKnown(n, request);
        }
        if (e instanceof RuleViolation r) {
            return rule(r, request);
        }
        if (e instanceof NotFound n) {
            return notFound(n, request);
        }
        if (e instanceof Conflict c) {
            return conflict(c, request);
        }
        if (e instanceof ConflictingAggregateVersionException v) {
            return staleVersion(v, request);
        }
        if (e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException) {
            return concurrency((RuntimeException) e, request);
        }
        if (e instanceof AggregateNotFoundException a) {
            return aggregateNotFound(a, request);
        }
        if (e instanceof IllegalArgumentException i) {
            return illegalArgument(i, request);
        }
        if (e instanceof ArithmeticException a) {
            return numberOutOfRange(a, request);
        }
        return unexpected(e, request);
    }

    private ResponseEntity<ProblemDetail> answer(HttpStatus status, String title, String detail, String rule,
                                                 List<FieldProblem> errors, HttpServletRequest request) {
        ProblemDetail body = problems.build(status, title, detail, rule, errors, request.getRequestURI());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String describe(List<FieldProblem> errors) {
        return errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
