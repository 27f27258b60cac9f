package io.jixiao.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.support.context.CallerContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds every error answer of the services as RFC 9457 {@code application/problem+json}: a type per
 * kind of problem, the rule broken (when a domain rule was), and a field-level list of what is wrong.
 */
public class Problems {
    private final ObjectMapper objectMapper;

    public Problems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** One entry of the field-level list: which field, what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    public ProblemDetail build(HttpStatus status, String title, String detail, String rule, List<FieldProblem> errors,
                               String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://jixiao.io/problems/" + slug(rule != null ? rule : title)));
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        problem.setProperty("errors", errors == null ? List.of() : errors);
        CallerContext.current().ifPresent(c -> problem.setProperty("correlationId", c.correlationId()));
        return problem;
    }

    /** Writes a problem directly (for filters that answer before any controller runs). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                      String detail, String field, String rule) throws IOException {
        ProblemDetail problem = build(status, title, detail, rule,
                field == null ? List.of() : List.of(new FieldProblem(field, detail)), request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), toMap(problem));
    }

    private static Map<String, Object> toMap(ProblemDetail p) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("type", p.getType().toString());
        map.put("title", p.getTitle());
        map.put("status", p.getStatus());
        map.put("detail", p.getDetail());
        if (p.getInstance() != null) {
            map.put("instance", p.getInstance().toString());
        }
        if (p.getProperties() != null) {
            map.putAll(p.getProperties());
        }
        return map;
    }

    private static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
