package io.jixiao.evaluation.goal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.evaluation.Fixtures;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules.MonitoringRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 渌口区 2023 (lukou-2023.json) at its 1–8月 checkpoint, as pure functions of the fixture's figures. */
class ExecutionCheckTest {
    private static final JsonNode LUKOU = Fixtures.read("lukou-2023.json");
    private static final MonitoringRules RULES = DefaultRules.forDistrict("430212").monitoring();
    private static final LocalDate CHECKPOINT = LocalDate.of(2023, 8, 31);

    @ParameterizedTest(name = "{0}: {1}% → flagged {2}")
    @CsvSource({
            "gaj-pacs, 35.00, true",
            "hwzx-ljcz, 68.75, false",
            "wjj-jbgw, 68.00, false",
            "xfj-tghwh, 79.17, false",
            "mzj-ylbt, 57.69, false"
    })
    void executionAgainstTimeProgressAtTheEndOfAugust(String projectId, String rate, boolean flagged) {
        long[] money = budgetAndSpent(projectId, CHECKPOINT);
        ExecutionCheck.Result r = ExecutionCheck.at(CHECKPOINT, money[0], money[1], RULES.tolerancePoints());
        assertThat(r.executionRate().toPlainString()).isEqualTo(rate);
        assertThat(r.timeProgress().toPlainString()).isEqualTo("66.67");
        assertThat(r.behind()).isEqualTo(flagged);
        String expected = LUKOU.path("expect").path("execution rate to 2023-08-31, " + projectId).asText();
        assertThat(r.executionRate().toPlainString() + "%").isEqualTo(expected);
    }

    @Test
    void keyMonitoringCandidatesAreGajPacsAndMzjYlbt() {
        List<String> selected = new ArrayList<>();
        for (JsonNode p : LUKOU.path("projects")) {
            long[] money = budgetAndSpent(p.path("id").asText(), KeyMonitoringSelection.selectionDate(2023, RULES));
            if (KeyMonitoringSelection.selected(money[0], money[1], RULES)) {
                selected.add(p.path("id").asText());
            }
        }
        assertThat(selected).containsExactly("gaj-pacs", "mzj-ylbt");
        assertThat(LUKOU.path("expect").path("key-monitoring candidates by the default rule (budget ≥ 200 万元, "
                + "execution < 60% at 2023-08-31)").asText()).isEqualTo("gaj-pacs, mzj-ylbt");
    }

    @ParameterizedTest(name = "{0} → {1} months")
    @CsvSource({"2023-08-31, 8", "2023-08-30, 7", "2023-06-30, 6", "2023-02-28, 2", "2024-02-28, 1", "2023-12-31, 12"})
    void monthsElapsedCountAMonthOnceItsLastDayIsReached(LocalDate date, int months) {
        assertThat(ExecutionCheck.monthsElapsed(date)).isEqualTo(months);
    }

    @Test
    void theToleranceIsStrictAndPeriodsEndAtACheckpoint() {
        // 66.67 − 46.67 = 20.00: not more than 20 points
        assertThat(ExecutionCheck.at(CHECKPOINT, 300_000, 140_010, new BigDecimal("20")).behind()).isFalse();
        assertThat(ExecutionCheck.at(CHECKPOINT, 300_000, 139_980, new BigDecimal("20")).behind()).isTrue(); // 46.66: 20.01

        InvalidInput.Collector problems = new InvalidInput.Collector("MONITORING_INVALID");
        ExecutionCheck.checkPeriod(LocalDate.of(2023, 9, 1), LocalDate.of(2023, 7, 31), LocalDate.of(2023, 7, 1), 2023,
                RULES.checkpointMonths(), "430212:v0", problems);
        InvalidInput e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInput.class, problems::throwIfAny);
        assertThat(e.problems()).extracting(p -> p.field()).containsExactly("period.to", "period.from", "recordedOn");
        assertThat(e.getMessage()).contains("month [8]");
        assertThat(DefaultRules.standard().monitoring().checkpointMonths()).containsExactly(6, 7);
    }

    /** Full-year budget and spending up to {@code day}, from the fixture's project. */
    private static long[] budgetAndSpent(String projectId, LocalDate day) {
        JsonNode p = Fixtures.byId(LUKOU.path("projects"), "id", projectId);
        long budget = 0;
        for (JsonNode a : p.path("appropriations")) {
            budget += Fixtures.fen(a.path("amountWan"));
        }
        long spent = 0;
        for (JsonNode x : p.path("expenditures")) {
            if (!LocalDate.parse(x.path("date").asText()).isAfter(day)) {
                spent += Fixtures.fen(x.path("amountWan"));
            }
        }
        return new long[] {budget, spent};
    }
}
