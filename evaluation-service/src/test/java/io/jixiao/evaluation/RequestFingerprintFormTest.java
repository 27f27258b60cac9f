package io.jixiao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.evaluation.assessment.EvaluationCommands;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands;
import io.jixiao.support.domain.CanonicalForm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The commands that leave what the service added out of their {@code toString} (budget figures, rules, the goal as
 * recorded) take their idempotency fingerprint over that text. A record's default canonical form lists every
 * component: a retry after the service's figures moved would then be refused as another request (409
 * IDEMPOTENCY_KEY_REUSED), as a withdrawal's retry was once it had reached the budget projection.
 */
class RequestFingerprintFormTest {

    @Test
    void commandsTheServiceAddsToAreFingerprintedByTheirRequestText() {
        List<Class<?>> added = List.of(EvaluationCommands.SubmitSelfEvaluation.class,
                EvaluationCommands.CompleteKeyEvaluation.class, EvaluationCommands.ApplyResult.class,
                EvaluationCommands.SpotCheckSelfEvaluation.class, MonitoringCommands.RecordObservation.class,
                MonitoringCommands.RecordMonitoringDecision.class);

        assertThat(added).allSatisfy(type -> assertThat(CanonicalForm.class).as(type.getSimpleName())
                .isAssignableFrom(type));
    }

    @Test
    void theCanonicalFormOfSuchACommandIsItsRequestText() {
        var decision = new MonitoringCommands.RecordMonitoringDecision("goal:430212:g", "o", "o.dev", "d-1",
                io.jixiao.events.evaluation.MonitoringDecisionKind.WITHDRAW, 100L, "理由", null,
                java.time.LocalDate.of(2023, 9, 25), 5_000L);
        assertThat(CanonicalForm.of(decision)).isEqualTo(decision.toString()).doesNotContain("5000");
        var apply = new EvaluationCommands.ApplyResult("evaluation:430212:e", 2024, java.util.Map.of("p", 9_999L),
                null, "r1");
        assertThat(CanonicalForm.of(apply)).isEqualTo("ApplyResult[evaluation:430212:e, 2024]");
    }
}
