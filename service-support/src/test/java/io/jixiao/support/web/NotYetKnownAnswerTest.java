package io.jixiao.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.support.domain.NotYetKnown;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** "Not known yet" is one answer in every service: 409, Retry-After, problem+json naming the field and what is missing. */
class NotYetKnownAnswerTest {
    private final ProblemAdvice advice = new ProblemAdvice(new Problems(new ObjectMapper()));
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST",
            "/api/evaluation/districts/430203/evaluations/e-1/application");
    private final NotYetKnown refusal = new NotYetKnown("BUDGET_NOT_YET_KNOWN", "evaluationId",
            "the budget of project 'p-1'", "no budget of project 'p-1' has arrived from budget-service yet");

    @Test
    void isA409WithRetryAfterNamingTheFieldAndWhatIsMissing() throws Exception {
        for (ResponseEntity<ProblemDetail> answer : java.util.List.of(advice.notYetKnown(refusal, request),
                advice.command(new CommandExecutionException("failed", refusal), request))) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(ProblemAdvice.RETRY_AFTER_SECONDS);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            ProblemDetail body = answer.getBody();
            assertThat(body.getProperties()).containsEntry("rule", "BUDGET_NOT_YET_KNOWN")
                    .containsEntry("retryable", true).containsEntry("missing", "the budget of project 'p-1'");
            assertThat(body.getProperties().get("errors").toString()).contains("evaluationId");
        }
    }
}
