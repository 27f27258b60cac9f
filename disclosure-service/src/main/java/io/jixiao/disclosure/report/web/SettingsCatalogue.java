package io.jixiao.disclosure.report.web;

import io.jixiao.disclosure.report.DistrictSettings;
import io.jixiao.events.Money;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The settings a district's report and findings are computed under: the defaults with the configured overrides. */
@Component
@EnableConfigurationProperties(DisclosureProperties.class)
public class SettingsCatalogue {
    private final DisclosureProperties properties;

    public SettingsCatalogue(DisclosureProperties properties) {
        this.properties = properties;
    }

    public DistrictSettings settingsFor(String districtCode) {
        DistrictSettings d = DistrictSettings.defaults(districtCode);
        DisclosureProperties.DistrictOverride o = properties.districts().get(districtCode);
        if (o == null) {
            return d;
        }
        return new DistrictSettings(districtCode, o.name() != null ? o.name() : d.districtName(),
                o.version() != null ? o.version() : districtCode + "-configured",
                o.goalsDeadlineDays() != null ? o.goalsDeadlineDays() : d.goalsDeadlineDays(),
                o.monitoringCheckpointMonth() != null ? o.monitoringCheckpointMonth() : d.monitoringCheckpointMonth(),
                o.deviationTolerancePoints() != null ? o.deviationTolerancePoints() : d.deviationTolerancePoints(),
                o.keyMonitoringMonth() != null ? o.keyMonitoringMonth() : d.keyMonitoringMonth(),
                o.keyMonitoringMinBudgetWan() != null ? Money.wanToFen(o.keyMonitoringMinBudgetWan())
                        : d.keyMonitoringMinBudgetFen(),
                o.keyMonitoringMaxExecutionPercent() != null ? o.keyMonitoringMaxExecutionPercent()
                        : d.keyMonitoringMaxExecutionPercent());
    }
}
