package io.jixiao.budget.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI (/v3/api-docs): the problem+json shape of every error answer, on every operation. */
@Configuration
class OpenApiConfig {

    /** The RFC 9457 body every error answer has (see service-support's Problems). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Problem", description = "application/problem+json (RFC 9457)")
    record Problem(String type, String title, int status, String detail, String instance,
                   @io.swagger.v3.oas.annotations.media.Schema(description = "the rule broken, e.g. "
                           + "SPENDING_ABOVE_AVAILABLE, BUDGET_BELOW_SPENT, DEBT_ABOVE_LIMIT, UNKNOWN_UNIT, "
                           + "GOAL_NOT_APPROVED, IDEMPOTENCY_KEY_REUSED, VERSION_MISMATCH, VALIDATION")
                   String rule, List<FieldProblem> errors, String correlationId) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "FieldProblem", description = "which field, what is wrong")
    record FieldProblem(String field, String message) {
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.info(new Info().title("budget-service").version("1")
                    .description("The money of each district: projects, units and their basic expenditure, 三公经费, "
                            + "transfers, debt; the auditor's history; bulk import; what budget-service learned from "
                            + "evaluation.events. Amounts in requests are yuan with at most two decimals; in answers, "
                            + "yuan strings with two decimals. Errors are application/problem+json naming the rule "
                            + "and the field. Every POST honours Idempotency-Key; money commands honour If-Match."));
            Map<String, Schema> schemas = ModelConverters.getInstance().readAll(Problem.class);
            schemas.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                    ApiResponses responses = op.getValue().getResponses();
                    add(responses, "400", "Invalid request: the errors list names each field");
                    add(responses, "401", "Not through the gateway");
                    add(responses, "404", "No such record or path");
                    if (op.getKey() == PathItem.HttpMethod.POST || op.getKey() == PathItem.HttpMethod.PUT) {
                        add(responses, "409", "Conflict: the id or Idempotency-Key was used for other content, or a "
                                + "concurrent change");
                        add(responses, "412", "If-Match names a version that is no longer current");
                        add(responses, "415", "Unsupported Content-Type");
                        add(responses, "422", "A rule refused it (the rule is named); nothing was recorded");
                    }
                    add(responses, "500", "Internal error");
                }
            }
        };
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
    }
}
