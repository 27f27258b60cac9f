package io.jixiao.disclosure.report;

import io.jixiao.events.evaluation.DistrictRulesChanged;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;

/**
 * A district's rule settings for its report and its disclosure checks: those of the version of the district's rules
 * in force (evaluation-service owns every district's rules and publishes each version as {@code DistrictRulesChanged},
 * docs/rules.md). Every report and finding names the version that produced it.
 *
 * @param districtCode                    6-digit code
 * @param districtName                    e.g. 荷塘区 (for titles and sentences; the events do not carry it)
 * @param version                         evaluation-service's id of the version, e.g. {@code 430212:v1}
 * @param goalsDeadlineDays               goals are published within this many days of the budget approval (预算法 第十四条: 20)
 * @param monitoringCheckpointMonth       the checkpoint of 绩效运行监控: end of this month (the version's last checkpoint month)
 * @param deviationTolerancePoints        execution may trail time progress by this many points before it is a deviation
 * @param keyMonitoringMonth              财政重点监控 selection looks at the end of this month
 * @param keyMonitoringMinBudgetFen       … projects with at least this full-year budget
 * @param keyMonitoringMaxExecutionPercent … whose execution is below this rate
 */
public record DistrictSettings(String districtCode, String districtName, String version, int goalsDeadlineDays,
                               int monitoringCheckpointMonth, BigDecimal deviationTolerancePoints,
                               int keyMonitoringMonth, long keyMonitoringMinBudgetFen,
                               BigDecimal keyMonitoringMaxExecutionPercent) {
    /** The version of the report's and the rule catalogue's own logic. */
    public static final String RULES_VERSION = "disclosure-rules/1";
    /** The version named while no version of the district's rules has arrived from evaluation-service. */
    public static final String UNPUBLISHED = "unpublished";

    private static final Map<String, String> NAMES = Map.of("430202", "荷塘区", "430203", "芦淞区", "430211", "天元区",
            "430212", "渌口区", "430511", "北塔区");

    /** The settings of a published version of the district's rules. */
    public static DistrictSettings of(DistrictRulesChanged rules) {
        return new DistrictSettings(rules.districtCode(), name(rules.districtCode()), rules.ruleVersion(),
                rules.goalsDeadlineDays(), Collections.max(rules.monitoringCheckpointMonths()),
                rules.deviationTolerancePoints(), rules.keyMonitoringMonth(), rules.keyMonitoringMinBudgetFen(),
                rules.keyMonitoringMaxExecutionPercent());
    }

    /**
     * Until evaluation-service's first version of a district's rules has arrived (a journal being rebuilt, a district
     * evaluation-service has not published yet): the central rules of docs/rules.md, named {@code …:unpublished}.
     * Nothing of a particular district is here.
     */
    public static DistrictSettings unpublished(String districtCode) {
        return new DistrictSettings(districtCode, name(districtCode), districtCode + ":" + UNPUBLISHED, 20, 7,
                BigDecimal.valueOf(20), 8, 200L * 1_000_000, BigDecimal.valueOf(60));
    }

    private static String name(String districtCode) {
        return NAMES.getOrDefault(districtCode, districtCode);
    }

    /** Which logic and which version of the district's rules produced a figure: {@code disclosure-rules/1+430212:v1}. */
    public String ruleVersion() {
        return RULES_VERSION + "+" + version;
    }
}
