package io.jixiao.disclosure.narrative.web;

import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.journal.store.DistrictJournal;
import io.jixiao.disclosure.narrative.NarrativeChecker;
import io.jixiao.disclosure.narrative.NarrativeRecords;
import io.jixiao.disclosure.narrative.NarrativeResult;
import io.jixiao.disclosure.report.DistrictLedger;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReportFold;
import io.jixiao.disclosure.report.web.DistrictReportService;
import io.jixiao.support.context.CallerContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Runs a narrative check: reads the district's journal up to asOf, folds the report, checks the draft with the pure
 * {@link NarrativeChecker}, and keeps the check (one row; a retry with the same Idempotency-Key keeps no second).
 */
@Service
public class NarrativeCheckService {
    private final DistrictJournal journal;
    private final DistrictReportService reports;
    private final NarrativeCheckStore store;

    public NarrativeCheckService(DistrictJournal journal, DistrictReportService reports, NarrativeCheckStore store) {
        this.journal = journal;
        this.reports = reports;
        this.store = store;
    }

    /** A draft read from the request: its text, format and the SHA-256 of the bytes received. */
    public record Draft(String text, String format, String sha256) {
    }

    public NarrativeCheckView check(String districtCode, int year, Instant asOf, String asOfParam, Draft draft) {
        // the gateway-vouched caller of this request (set for every /api/ request by the caller filter)
        CallerContext caller = CallerContext.current().orElseThrow(() -> new IllegalStateException(
                "a narrative check outside a request has no caller to record"));
        String requestKey = caller.requestId();
        String fingerprint = Hashes.sha256((year + "\n" + (asOfParam == null ? "" : asOfParam) + "\n" + draft.format()
                + "\n" + draft.sha256()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (requestKey != null) {
            var kept = store.byRequestKey(districtCode, requestKey);
            if (kept.isPresent()) {
                return replay(kept.get(), fingerprint, requestKey);
            }
        }
        List<JournalEvent> events = new ArrayList<>();
        DistrictLedger ledger = new DistrictLedger();
        DistrictJournal.ReadSummary read = journal.read(districtCode, asOf, e -> {
            events.add(e);
            ledger.apply(e);
        });
        if (events.isEmpty()) {
            throw new NarrativeProblem(HttpStatus.NOT_FOUND, "NO_RECORDS", "districtCode",
                    "no records for district " + districtCode + " up to " + asOf + "; nothing to check against");
        }
        if (events.stream().noneMatch(e -> NarrativeRecords.yearOf(e) == year)) {
            throw new NarrativeProblem(HttpStatus.NOT_FOUND, "NO_RECORDS", "year",
                    "no records of " + year + " for district " + districtCode + " up to " + asOf);
        }
        DistrictReport report = DistrictReportFold.report(ledger, year, reports.settingsFor(districtCode, asOf), asOf,
                read.skipped());
        NarrativeResult result = NarrativeChecker.check(draft.text(), NarrativeRecords.of(report, events));
        NarrativeCheckView view = new NarrativeCheckView(UUID.randomUUID().toString(), districtCode, report.districtName(), year,
                caller.actor(), Instant.now(), asOf,
                new NarrativeCheckView.DraftInfo(draft.format(), draft.sha256(), draft.text().length()),
                new NarrativeCheckView.Records(read.events(), read.lastEventAt(), report.ruleVersion()),
                result.counts(), result.claims(), false);
        if (!store.insert(view, requestKey, fingerprint, caller.correlationId(), draft.text())) {
            // a concurrent retry with the same key kept its check first
            return replay(store.byRequestKey(districtCode, requestKey).orElseThrow(), fingerprint, requestKey);
        }
        return view;
    }

    private static NarrativeCheckView replay(NarrativeCheckStore.Kept kept, String fingerprint, String requestKey) {
        if (!kept.fingerprint().equals(fingerprint)) {
            throw new NarrativeProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key",
                    "'" + requestKey + "' was already used for a different draft or asOf");
        }
        return kept.view().replayed(true);
    }

    public NarrativeCheckStore.Kept kept(String districtCode, int year, String checkId) {
        return store.byId(districtCode, year, checkId).orElseThrow(() -> new NarrativeProblem(HttpStatus.NOT_FOUND,
                "NOT_FOUND", "checkId", "no narrative check " + checkId + " for " + districtCode + "/" + year));
    }

    public List<NarrativeCheckSummary> list(String districtCode, int year) {
        return store.list(districtCode, year);
    }
}
