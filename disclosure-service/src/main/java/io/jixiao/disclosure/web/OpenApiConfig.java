package io.jixiao.disclosure.web;

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
                   @io.swagger.v3.oas.annotations.media.Schema(description = "the rule broken, e.g. FATAL_FINDING_STANDS")
                   String rule, List<FieldProblem> errors, String correlationId) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "FieldProblem", description = "which field, what is wrong")
    record FieldProblem(String field, String message) {
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.info(new Info().title("disclosure-service").version("1")
                    .description("District reports folded from the event journal, disclosure packages and their "
                            + "compliance findings. Errors are application/problem+json naming the field."));
            Map<String, Schema> schemas = ModelConverters.getInstance().readAll(Problem.class);
            schemas.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                    ApiResponses responses = op.getValue().getResponses();
                    add(responses, "400", "Invalid request: the errors list names each field");
                    add(responses, "401", "Not through the gateway");
                    add(responses, "404", "No such record or path");
                    if (op.getKey() == PathItem.HttpMethod.POST) {
                        add(responses, "409", "Conflict: the id was used for other content");
                        add(responses, "422", "A rule refused it; nothing was recorded");
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
