package io.jixiao.disclosure.report.web;

import io.jixiao.disclosure.journal.store.DistrictJournal;
import io.jixiao.disclosure.report.DistrictSettings;
import io.jixiao.disclosure.report.RulesInForce;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The settings a district's report and findings at an instant are computed under: the version of the district's
 * rules in force then, as evaluation-service published it (journaled like every other event).
 */
@Component
public class SettingsCatalogue {
    private final DistrictJournal journal;

    public SettingsCatalogue(DistrictJournal journal) {
        this.journal = journal;
    }

    public DistrictSettings settingsFor(String districtCode, Instant at) {
        return RulesInForce.at(districtCode, journal.rules(districtCode), at);
    }
}
