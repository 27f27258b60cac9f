package io.jixiao.disclosure.narrative;

import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.report.DistrictReport;
import java.util.List;

/** The narrative check as one pure call: parse the draft, tie its figures to the records, give the verdicts. */
public final class NarrativeChecker {
    private NarrativeChecker() {
    }

    public static NarrativeResult check(String draft, DistrictReport report, List<JournalEvent> events) {
        return check(draft, NarrativeRecords.of(report, events));
    }

    public static NarrativeResult check(String draft, NarrativeRecords records) {
        return ClaimMatcher.check(DraftParser.parse(draft), records);
    }
}
