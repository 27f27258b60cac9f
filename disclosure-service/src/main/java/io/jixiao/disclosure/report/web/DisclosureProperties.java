package io.jixiao.disclosure.report.web;

import io.jixiao.disclosure.report.DistrictSettings;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jixiao.disclosure.districts[<code>].*}: per-district overrides of {@link DistrictSettings#defaults}, each
 * with its version (e.g. {@code version: 430212-2024.1}); what is not set keeps the default.
 */
@ConfigurationProperties("jixiao.disclosure")
public record DisclosureProperties(Map<String, DistrictOverride> districts) {
    public DisclosureProperties {
        districts = districts == null ? Map.of() : districts;
    }

    public record DistrictOverride(String name, String version, Integer goalsDeadlineDays,
                                   Integer monitoringCheckpointMonth, BigDecimal deviationTolerancePoints,
                                   Integer keyMonitoringMonth, BigDecimal keyMonitoringMinBudgetWan,
                                   BigDecimal keyMonitoringMaxExecutionPercent) {
    }
}
