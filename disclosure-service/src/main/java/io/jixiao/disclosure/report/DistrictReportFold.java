package io.jixiao.disclosure.report;

import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.report.DistrictReport.Debt;
import io.jixiao.disclosure.report.DistrictReport.Performance;
import io.jixiao.disclosure.report.DistrictReport.Provenance;
import io.jixiao.disclosure.report.DistrictReport.ThreePublic;
import io.jixiao.disclosure.report.DistrictReport.Transfers;
import io.jixiao.disclosure.report.DistrictReport.UnitLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The district report of a year as a pure fold over the district's journal events up to an instant.
 * Live (asOf = now) and as-of reports run exactly this code over the same events, so they cannot drift;
 * the same holds for the compliance findings, which read the same {@link DistrictLedger}.
 * No Spring, no SQL: the caller streams the events in (from {@code district_event}, or from a test).
 */
public final class DistrictReportFold {
    private DistrictReportFold() {
    }

    /** Folds events already in journal order and up to the instant wanted. */
    public static DistrictLedger fold(Iterable<JournalEvent> events) {
        DistrictLedger ledger = new DistrictLedger();
        for (JournalEvent event : events) {
            ledger.apply(event);
        }
        return ledger;
    }

    /** Orders the events as the journal does and folds those with {@code occurredAt ≤ asOf}. */
    public static DistrictLedger foldUpTo(Collection<JournalEvent> events, Instant asOf) {
        List<JournalEvent> ordered = new ArrayList<>();
        for (JournalEvent e : events) {
            if (!e.occurredAt().isAfter(asOf)) {
                ordered.add(e);
            }
        }
        ordered.sort(JournalEvent.ORDER);
        return fold(ordered);
    }

    /** The report of {@code year} from a folded ledger. */
    public static DistrictReport report(DistrictLedger ledger, int year, DistrictSettings settings, Instant asOf,
                                        long rowsSkipped) {
        ThreePublic threePublic = MoneySections.threePublic(ledger, year);
        Transfers transfers = MoneySections.transfers(ledger, year);
        Debt debt = MoneySections.debt(ledger, year);
        List<UnitLine> units = ExecutionSections.units(ledger, year);
        Performance performance = PerformanceSection.of(ledger, year, settings);
        return new DistrictReport(settings.districtCode(), settings.districtName(), year, asOf, settings.ruleVersion(),
                DistrictReport.Settings.of(settings), new Provenance(ledger.events(), ledger.unusable(), rowsSkipped, ledger.lastEventAt()),
                threePublic, transfers, debt, units, ExecutionSections.projects(ledger, year), performance,
                ExecutionSections.summary(ledger, year),
                Narrator.narrate(year, threePublic, transfers, debt, units, performance));
    }

    public static DistrictReport report(DistrictLedger ledger, int year, DistrictSettings settings, Instant asOf) {
        return report(ledger, year, settings, asOf, 0);
    }
}
