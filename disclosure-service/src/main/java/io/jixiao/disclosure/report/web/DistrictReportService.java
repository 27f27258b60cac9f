package io.jixiao.disclosure.report.web;

import io.jixiao.disclosure.journal.store.DistrictJournal;
import io.jixiao.disclosure.report.DistrictLedger;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReportFold;
import io.jixiao.disclosure.report.DistrictSettings;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Reads a district's journal up to an instant and folds it: the one path of the live and the as-of report. */
@Service
public class DistrictReportService {
    private final DistrictJournal journal;
    private final SettingsCatalogue settings;

    public DistrictReportService(DistrictJournal journal, SettingsCatalogue settings) {
        this.journal = journal;
        this.settings = settings;
    }

    /** A folded ledger with how it was read. */
    public record Folded(DistrictLedger ledger, DistrictJournal.ReadSummary read) {
    }

    public Folded fold(String districtCode, Instant asOf) {
        DistrictLedger ledger = new DistrictLedger();
        DistrictJournal.ReadSummary read = journal.read(districtCode, asOf, ledger::apply);
        return new Folded(ledger, read);
    }

    public DistrictReport report(String districtCode, int year, Instant asOf) {
        return report(fold(districtCode, asOf), districtCode, year, asOf);
    }

    /** The report of one year from a district already folded up to {@code asOf}, under its district's settings. */
    public DistrictReport report(Folded folded, String districtCode, int year, Instant asOf) {
        return DistrictReportFold.report(folded.ledger(), year, settings.settingsFor(districtCode, asOf), asOf,
                folded.read().skipped());
    }

    /** The settings of the version of the district's rules in force at {@code at}. */
    public DistrictSettings settingsFor(String districtCode, Instant at) {
        return settings.settingsFor(districtCode, at);
    }
}
