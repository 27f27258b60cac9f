package io.jixiao.disclosure.finding.web;

import io.jixiao.disclosure.finding.DisclosureFacts;
import io.jixiao.disclosure.finding.FindingRecord;
import io.jixiao.disclosure.finding.FindingRow;
import io.jixiao.disclosure.finding.RuleCatalogue;
import io.jixiao.disclosure.report.web.DistrictReportService.Folded;
import io.jixiao.disclosure.report.web.DistrictReportService;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the rule catalogue over a district's journal and keeps the findings' history. Reads ({@link #list})
 * have no side effects; the history is written by {@link #synchronise}, which publications, retractions and the
 * scheduled {@link FindingSynchroniser} call.
 */
@Service
public class FindingService {
    private final DistrictReportService reports;
    private final FindingHistory history;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    public FindingService(DistrictReportService reports, FindingHistory history,
                          PlatformTransactionManager transactionManager) {
        this.reports = reports;
        this.history = history;
        this.tx = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** The rule results as the journal stands at {@code at} (pure evaluation, nothing written). */
    public List<FindingRow> evaluate(String districtCode, int year, Instant at) {
        Folded folded = reports.fold(districtCode, at);
        return RuleCatalogue.evaluate(new DisclosureFacts(folded.ledger(), year, reports.settingsFor(districtCode, at), at));
    }

    /**
     * Brings the history in line with the rule results now, in the caller's transaction if there is one, and
     * returns the results it synchronised from.
     */
    public List<FindingRow> synchronise(String districtCode, int year) {
        return tx.execute(status -> {
            history.lock(districtCode, year);
            Instant now = Instant.now();
            List<FindingRow> current = evaluate(districtCode, year, now);
            history.sync(districtCode, year, current, now);
            return current;
        });
    }

    /**
     * The whole history of the district-year as it would stand if synchronised now, without writing or locking
     * anything: a read of the stored history (one read-only transaction) with the rule results of now laid over
     * it. What it shows that is not recorded yet is recorded by the next synchronisation (a publication, a
     * retraction, or the {@link FindingSynchroniser}).
     */
    public List<FindingRecord> list(String districtCode, int year) {
        return readOnly.execute(status -> {
            Instant now = Instant.now();
            List<FindingRow> current = evaluate(districtCode, year, now);
            return FindingHistory.asIfSynchronised(history.list(districtCode, year), current, now);
        });
    }
}
