package io.jixiao.support.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The OpenAPI side of {@link Problems}: the {@code Problem} schema every error answer has, and the error answers
 * a service lists on each of its operations. Each service declares its title, description and answers; the
 * shape is the same everywhere because one {@link ProblemAdvice} writes it.
 */
public final class ProblemOpenApi {
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private ProblemOpenApi() {
    }

    /** The RFC 9457 body every error answer has. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Problem", description = "application/problem+json (RFC 9457)")
    public record Problem(
            @io.swagger.v3.oas.annotations.media.Schema(example = "https://jixiao.io/problems/rule-violated")
            String type,
            String title,
            @io.swagger.v3.oas.annotations.media.Schema(example = "422") int status,
            String detail,
            String instance,
            @io.swagger.v3.oas.annotations.media.Schema(description = "the rule broken, e.g. SPENDING_ABOVE_AVAILABLE, "
                    + "BUDGET_BELOW_SPENT, GOAL_NOT_APPROVED, INDICATOR_TREE_INVALID, FATAL_FINDING_STANDS, "
                    + "IDEMPOTENCY_KEY_REUSED, VERSION_MISMATCH, VALIDATION")
            String rule,
            List<FieldProblem> errors,
            String correlationId,
            @io.swagger.v3.oas.annotations.media.Schema(description = "true when the same request may succeed later "
                    + "(e.g. BUDGET_NOT_YET_KNOWN; see Retry-After)")
            Boolean retryable,
            @io.swagger.v3.oas.annotations.media.Schema(description = "with a 409 not-known-yet answer: what has not "
                    + "arrived from another service yet, e.g. the budget of project 'p-1'")
            String missing) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "FieldProblem", description = "which field, what is wrong")
    public record FieldProblem(
            @io.swagger.v3.oas.annotations.media.Schema(example = "indicators[3].weight") String field,
            String message) {
    }

    /** An error answer listed on operations of the given methods (all methods when none are given). */
    public record Answer(String status, String description, Set<PathItem.HttpMethod> methods) {
        public static Answer always(String status, String description) {
            return new Answer(status, description, Set.of());
        }

        public static Answer on(Set<PathItem.HttpMethod> methods, String status, String description) {
            return new Answer(status, description, Set.copyOf(methods));
        }

        boolean appliesTo(PathItem.HttpMethod method) {
            return methods.isEmpty() || methods.contains(method);
        }
    }

    /** Sets the document's info, adds the Problem schema and lists each answer (unless an operation declares it). */
    @SuppressWarnings("rawtypes")
    public static OpenApiCustomizer customizer(Info info, List<Answer> answers) {
        return openApi -> {
            openApi.info(info);
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            java.util.Map<String, Schema> schemas = ModelConverters.getInstance().readAll(Problem.class);
            schemas.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                for (Answer answer : answers) {
                    if (answer.appliesTo(method)) {
                        add(operation, answer.status(), answer.description());
                    }
                }
            }));
        };
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
    }
}
