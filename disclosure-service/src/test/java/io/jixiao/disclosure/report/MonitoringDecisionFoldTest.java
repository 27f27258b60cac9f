package io.jixiao.disclosure.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.report.DistrictReport.DecisionKindCount;
import io.jixiao.disclosure.report.DistrictReport.Monitoring;
import io.jixiao.events.evaluation.DeviationFlagged;
import io.jixiao.events.evaluation.MonitoringDecisionKind;
import io.jixiao.events.evaluation.MonitoringDecisionRecorded;
import io.jixiao.events.evaluation.MonitoringMode;
import io.jixiao.events.evaluation.MonitoringObservationRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 监控结果处理 in the report's monitoring section: decisions on the year's deviations, per kind, with their money. */
class MonitoringDecisionFoldTest {
    private static final FixtureEvents FIXTURE = FixtureEvents.load("lusong-2023");
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");
    private static final DistrictSettings SETTINGS = DistrictSettings.unpublished("430203");
    private static final String GOAL = "goal:430203:g-x";
    private static final String OBS = "g-x.2023-06-30.SELF";

    @Test
    void decisionsOnTheYearsDeviationsAreCountedPerKindWithTheirMoney() {
        List<JournalEvent> events = new ArrayList<>(FIXTURE.events());
        Monitoring seed = report(events).performance().monitoring();
        events.add(event("obs", 900, new MonitoringObservationRecorded("430203", OBS, "p-x", "g-x",
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), MonitoringMode.SELF, 100_000_000L, 10_000_000L,
                new BigDecimal("10.00"), new BigDecimal("50.00"), List.of(), LocalDate.of(2023, 7, 10), "430203:v0")));
        events.add(event("dev", 901, new DeviationFlagged("430203", OBS + ".dev", OBS, "p-x", LocalDate.of(2023, 6, 30),
                new BigDecimal("10.00"), new BigDecimal("50.00"), new BigDecimal("20"), "执行率落后")));
        events.add(event("d1", 902, decision("d-1", MonitoringDecisionKind.SUSPEND_PAYMENTS, 0, OBS + ".dev")));
        events.add(event("d2", 903, decision("d-2", MonitoringDecisionKind.WITHDRAW, -30_000_000L, OBS + ".dev")));
        events.add(event("d3", 904, decision("d-3", MonitoringDecisionKind.ADJUST, 1_234_500L, OBS + ".dev")));
        // a decision on a deviation of another year (not in this report) is not counted
        events.add(event("d4", 905, decision("d-4", MonitoringDecisionKind.ADJUST, -1L, "g-x.2022-06-30.SELF.dev")));

        Monitoring monitoring = report(events).performance().monitoring();

        assertThat(seed.decisions().count()).isZero();
        assertThat(monitoring.deviationsRaised()).isEqualTo(seed.deviationsRaised() + 1);
        assertThat(monitoring.decisions().count()).isEqualTo(3);
        assertThat(monitoring.decisions().kinds()).containsExactly(new DecisionKindCount("暂缓支付", 1, "0.00"),
                new DecisionKindCount("调整", 1, "1.23"), new DecisionKindCount("收回", 1, "-30.00"));
        assertThat(monitoring.decisions().budgetChangeWan()).isEqualTo("-28.77");
        assertThat(ReportTables.performance(report(events)).rows()).contains(List.of("监控结果处理", "收回", "1"),
                List.of("监控结果处理", "预算调整（万元）", "-28.77"));
        assertThat(ReportTables.performance(report(FIXTURE.events())).rows())
                .noneMatch(row -> row.get(0).equals("监控结果处理"));
    }

    private static MonitoringDecisionRecorded decision(String id, MonitoringDecisionKind kind, long changeFen,
                                                       String deviationId) {
        return new MonitoringDecisionRecorded("430203", id, "g-x", OBS, deviationId, "p-x", kind, changeFen, "理由",
                null, LocalDate.of(2023, 7, 20));
    }

    private static JournalEvent event(String id, long sequence, Record payload) {
        return new JournalEvent(id, payload.getClass().getSimpleName(), GOAL, sequence,
                Instant.parse("2023-07-20T02:00:00Z").plusSeconds(sequence), payload);
    }

    private static DistrictReport report(List<JournalEvent> events) {
        return DistrictReportFold.report(DistrictReportFold.foldUpTo(events, AS_OF), 2023, SETTINGS, AS_OF);
    }
}
