package io.jixiao.budget.web;

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

/** OpenAPI (/v3/api-docs): what budget-service does, and the problem+json answers of every operation. */
@Configuration
class OpenApiConfig {
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT);

    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemOpenApi.customizer(new Info().title("budget-service").version("1")
                .description("The money of each district: projects, units and their basic expenditure, 三公经费, "
                        + "transfers, debt; the auditor's history; bulk import; what budget-service learned from "
                        + "evaluation.events. Amounts in requests are yuan with at most two decimals; in answers, "
                        + "yuan strings with two decimals. Errors are application/problem+json naming the rule "
                        + "and the field. Every POST honours Idempotency-Key; money commands honour If-Match."),
                List.of(always("400", "Invalid request: the errors list names each field"),
                        always("401", "Not through the gateway"),
                        always("404", "No such record or path"),
                        on(WRITES, "409", "Conflict: the id or Idempotency-Key was used for other content, or a "
                                + "concurrent change"),
                        on(WRITES, "412", "If-Match names a version that is no longer current"),
                        on(WRITES, "415", "Unsupported Content-Type"),
                        on(WRITES, "422", "A rule refused it (the rule is named); nothing was recorded"),
                        always("500", "Internal error"),
                        always("503", "The database is unavailable; retry after Retry-After")));
    }
}
