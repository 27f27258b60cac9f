package io.jixiao.disclosure.report;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A district's rule settings for its report and its disclosure checks (docs/rules.md: versioned configuration per
 * district, these as defaults). Every report and finding names the version that produced it.
 *
 * @param districtCode                    6-digit code
 * @param districtName                    e.g. 荷塘区 (for titles and sentences; the events do not carry it)
 * @param version                         the settings' version, e.g. {@code default-1} or {@code 430212-2023.1}
 * @param goalsDeadlineDays               goals are published within this many days of the budget approval (预算法 第十四条: 20)
 * @param monitoringCheckpointMonth       the checkpoint of 绩效运行监控: end of this month (central 7, 渌口区 8)
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
    public static final String DEFAULT_VERSION = "default-1";

    private static final Map<String, String> NAMES = Map.of("430202", "荷塘区", "430203", "芦淞区", "430211", "天元区",
            "430212", "渌口区", "430511", "北塔区");

    /** docs/rules.md's defaults, with what docs/rules.md says of the known districts (渌口区 monitors 1–8月). */
    public static DistrictSettings defaults(String districtCode) {
        DistrictSettings settings = new DistrictSettings(districtCode, NAMES.getOrDefault(districtCode, districtCode),
                DEFAULT_VERSION, 20, 7, BigDecimal.valueOf(20), 8, 200L * 1_000_000, BigDecimal.valueOf(60));
        if ("430212".equals(districtCode)) {
            settings = settings.withMonitoringCheckpointMonth(8);
        }
        return settings;
    }

    /** Which logic and which settings produced a figure: {@code disclosure-rules/1+430212@default-1}. */
    public String ruleVersion() {
        return RULES_VERSION + "+" + districtCode + "@" + version;
    }

    public DistrictSettings withMonitoringCheckpointMonth(int month) {
        return new DistrictSettings(districtCode, districtName, version, goalsDeadlineDays, month,
                deviationTolerancePoints, keyMonitoringMonth, keyMonitoringMinBudgetFen,
                keyMonitoringMaxExecutionPercent);
    }

    public DistrictSettings withGoalsDeadlineDays(int days) {
        return new DistrictSettings(districtCode, districtName, version, days, monitoringCheckpointMonth,
                deviationTolerancePoints, keyMonitoringMonth, keyMonitoringMinBudgetFen,
                keyMonitoringMaxExecutionPercent);
    }

    public DistrictSettings withVersion(String newVersion) {
        return new DistrictSettings(districtCode, districtName, newVersion, goalsDeadlineDays,
                monitoringCheckpointMonth, deviationTolerancePoints, keyMonitoringMonth, keyMonitoringMinBudgetFen,
                keyMonitoringMaxExecutionPercent);
    }

    public DistrictSettings withName(String name) {
        return new DistrictSettings(districtCode, name, version, goalsDeadlineDays, monitoringCheckpointMonth,
                deviationTolerancePoints, keyMonitoringMonth, keyMonitoringMinBudgetFen,
                keyMonitoringMaxExecutionPercent);
    }
}
