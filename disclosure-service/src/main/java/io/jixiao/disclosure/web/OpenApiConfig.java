package io.jixiao.disclosure.web;

import static io.jixiao.support.web.ProblemOpenApi.Answer.always;
import static io.jixiao.support.web.ProblemOpenApi.Answer.on;

import io.jixiao.support.web.ProblemOpenApi;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.info.Info;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI (/v3/api-docs): what disclosure-service does, and the problem+json answers of every operation. */
@Configuration
class OpenApiConfig {

    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemOpenApi.customizer(new Info().title("disclosure-service").version("1")
                .description("District reports folded from the event journal, disclosure packages and their "
                        + "compliance findings. Errors are application/problem+json naming the field."),
                List.of(always("400", "Invalid request: the errors list names each field"),
                        always("401", "Not through the gateway"),
                        always("404", "No such record or path"),
                        on(Set.of(HttpMethod.POST), "409", "Conflict: the id was used for other content"),
                        on(Set.of(HttpMethod.POST), "422", "A rule refused it; nothing was recorded"),
                        always("500", "Internal error"),
                        always("503", "The database is unavailable; retry after Retry-After")));
    }
}
