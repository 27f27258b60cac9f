package io.jixiao.events.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A version of a district's rules was put in force by evaluation-service, the one owner of every district's rules
 * (docs/rules.md). Published once per version, the built-in version 0 included (when the service starts and before a
 * district's first change), so every other service computes under the version in force at an instant without keeping
 * rules of its own. Carries the settings the other services use; the whole version is served by evaluation-service at
 * {@code /api/evaluation/districts/{districtCode}/settings/versions/{version}}.
 *
 * @param ruleVersion                      the version's id, e.g. {@code 430212:v3} (what scores and reports name)
 * @param version                          its number within the district (0 = the built-in defaults)
 * @param effectiveAt                      from when it is in force; {@code null} for version 0 (in force since always)
 * @param monitoringCheckpointMonths       绩效运行监控 checkpoints: an observation's period ends with one of these months
 * @param deviationTolerancePoints         execution may trail time progress by this many percentage points
 * @param keyMonitoringMonth               财政重点监控 candidates are selected at the end of this month …
 * @param keyMonitoringMinBudgetFen        … among projects with at least this full-year budget (fen) …
 * @param keyMonitoringMaxExecutionPercent … whose execution rate is below this
 * @param goalsDeadlineDays                goals are published within this many days of the budget's approval
 */
public record DistrictRulesChanged(String districtCode, String ruleVersion, int version, Instant effectiveAt,
                                   List<Integer> monitoringCheckpointMonths, BigDecimal deviationTolerancePoints,
                                   int keyMonitoringMonth, long keyMonitoringMinBudgetFen,
                                   BigDecimal keyMonitoringMaxExecutionPercent, int goalsDeadlineDays) {
    public DistrictRulesChanged {
        monitoringCheckpointMonths = List.copyOf(monitoringCheckpointMonths);
    }
}
