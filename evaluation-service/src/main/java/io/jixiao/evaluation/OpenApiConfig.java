package io.jixiao.evaluation;

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

/**
 * The OpenAPI document at {@code /v3/api-docs}: every operation also lists the problem+json answers (RFC 9457
 * with the rule broken and a field-level list) it may give.
 */
@Configuration
public class OpenApiConfig {
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
            HttpMethod.PATCH);

    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemOpenApi.customizer(new Info().title("evaluation-service").version("1")
                .description("绩效目标, 绩效监控, 自评, 重点评价 and 结果应用 (Jixiao). Errors are application/problem+json."),
                List.of(always("400", "malformed request: the errors name each field"),
                        always("401", "not forwarded by the gateway"),
                        always("404", "no such goal, evaluation, observation or project"),
                        on(WRITES, "409", "conflicts with what is recorded (id reused with another body, already "
                                + "approved/applied, or BUDGET_NOT_YET_KNOWN: retry after Retry-After)"),
                        on(WRITES, "412", "If-Match names a stale version"),
                        on(WRITES, "422", "a domain rule is broken: the rule and the faulty fields are named"),
                        always("503", "The database is unavailable; retry after Retry-After")));
    }
}
