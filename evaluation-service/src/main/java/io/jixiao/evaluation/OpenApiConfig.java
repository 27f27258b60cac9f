package io.jixiao.evaluation;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: every operation also lists the problem+json answers (RFC 9457
 * with the rule broken and a field-level list) it may give.
 */
@Configuration
public class OpenApiConfig {
    static final String PROBLEM = "Problem";

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.info(new Info().title("evaluation-service").version("1")
                    .description("绩效目标, 绩效监控, 自评, 重点评价 and 结果应用 (Jixiao). Errors are application/problem+json."));
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean write = !method.name().equals("GET");
                Map<String, String> answers = new LinkedHashMap<>();
                answers.put("400", "malformed request: the errors name each field");
                answers.put("401", "not forwarded by the gateway");
                answers.put("404", "no such goal, evaluation, observation or project");
                if (write) {
                    answers.put("409", "conflicts with what is recorded (id reused with another body, already "
                            + "approved/applied, or BUDGET_NOT_YET_KNOWN: retry after Retry-After)");
                    answers.put("412", "If-Match names a stale version");
                    answers.put("422", "a domain rule is broken: the rule and the faulty fields are named");
                }
                answers.forEach((status, description) -> addProblem(operation, status, description));
            }));
        };
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldProblem = new ObjectSchema();
        fieldProblem.addProperty("field", new StringSchema().example("indicators[3].weight"));
        fieldProblem.addProperty("message", new StringSchema().example("the weight (分值) must be greater than 0, not 0"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().example("urn:jixiao:problem:indicator-tree-invalid"));
        problem.addProperty("title", new StringSchema().example("Rule violated"));
        problem.addProperty("status", new IntegerSchema().example(422));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("rule", new StringSchema().example("INDICATOR_TREE_INVALID"));
        problem.addProperty("errors", new ArraySchema().items(fieldProblem));
        problem.addProperty("correlationId", new StringSchema());
        problem.addProperty("retryable", new io.swagger.v3.oas.models.media.BooleanSchema()
                .description("BUDGET_NOT_YET_KNOWN: the same request may succeed later"));
        return problem;
    }
}
