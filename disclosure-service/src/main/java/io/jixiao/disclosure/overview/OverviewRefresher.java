package io.jixiao.disclosure.overview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.disclosure.finding.DisclosureFacts;
import io.jixiao.disclosure.finding.FindingRow;
import io.jixiao.disclosure.finding.RuleCatalogue;
import io.jixiao.disclosure.finding.Severity;
import io.jixiao.disclosure.report.DistrictLedger;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictSettings;
import io.jixiao.disclosure.report.web.DistrictReportService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code overview_district_year} up to date: every 200 ms it looks for districts whose change version is ahead
 * of the version last folded, and folds such a district once (the same fold as the report), replacing its years'
 * lines, when its changes have paused ({@code jixiao.overview.quiet-ms}, 500 ms) or it has waited for its fold
 * {@code jixiao.overview.max-wait-ms} (3 s) while changes keep coming. A fold reads the district's whole journal, so
 * folding every 200 ms while a district's file is being imported would read the journal again and again for a line
 * nobody looks at mid-import ({@link RefreshPolicy}). A request for the overview then reads rows; it never folds.
 */
@Component
public class OverviewRefresher {
    private static final Logger log = LoggerFactory.getLogger(OverviewRefresher.class);
    private final JdbcTemplate jdbc;
    private final DistrictReportService reports;
    private final ObjectMapper json;

    private final TransactionTemplate tx;
    private final RefreshPolicy policy;

    public OverviewRefresher(JdbcTemplate jdbc, DistrictReportService reports, ObjectMapper json,
                             PlatformTransactionManager transactionManager,
                             @Value("${jixiao.overview.quiet-ms:500}") long quietMs,
                             @Value("${jixiao.overview.max-wait-ms:3000}") long maxWaitMs) {
        this.tx = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.reports = reports;
        this.json = json;
        this.policy = new RefreshPolicy(Duration.ofMillis(quietMs), Duration.ofMillis(maxWaitMs));
    }

    @Scheduled(fixedDelayString = "${jixiao.overview.refresh-delay-ms:200}", initialDelay = 1000)
    public void refreshChanged() {
        // how long each district has been quiet, by the database's clock, which stamped changed_at
        List<RefreshPolicy.Behind> behind = jdbc.query("SELECT district_code, version, "
                        + "GREATEST(0, (EXTRACT(EPOCH FROM clock_timestamp() - changed_at) * 1000)::bigint) "
                        + "FROM district_change WHERE version > refreshed_version ORDER BY district_code",
                (rs, i) -> new RefreshPolicy.Behind(rs.getString(1), rs.getLong(2), Duration.ofMillis(rs.getLong(3))));
        for (RefreshPolicy.Behind district : policy.due(behind, System.nanoTime())) {
            try {
                refresh(district.districtCode(), district.version());
                policy.folded(district.districtCode());
            } catch (RuntimeException e) {
                log.warn("overview of district {} not refreshed (version {}): {}", district.districtCode(),
                        district.version(), e.toString());
            }
        }
    }

    /** Folds the district once (its journal now) and replaces its overview lines, marking {@code version} folded. */
    void refresh(String district, long version) {
        Instant now = Instant.now();
        DistrictReportService.Folded folded = reports.fold(district, now);
        DistrictLedger ledger = folded.ledger();
        DistrictSettings settings = reports.settingsFor(district, now);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int year : ledger.fiscalYears()) {
            DistrictReport report = reports.report(folded, district, year, now);
            Map<String, Integer> findings = new LinkedHashMap<>();
            for (Severity severity : Severity.values()) {
                findings.put(severity.name(), 0);
            }
            for (FindingRow finding : RuleCatalogue.evaluate(new DisclosureFacts(ledger, year, settings, now))) {
                findings.merge(finding.severity().name(), 1, Integer::sum);
            }
            var performance = report.performance();
            OverviewLine line = new OverviewLine(district, report.districtName(), year, report.projects().count(),
                    report.summary().budgetWan(), report.summary().spentWan(), report.summary().executionRate(),
                    performance.goals().syncRate(), performance.selfEvaluations().coverage(),
                    performance.selfEvaluations().grades(), performance.keyEvaluations().count(),
                    performance.keyEvaluations().grades(), performance.monitoring().deviationsOpen(), findings,
                    version, now, ledger.lastEventAt());
            try {
                rows.add(new Object[] {district, year, version, Timestamp.from(now), json.writeValueAsString(line)});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM overview_district_year WHERE district_code = ?", district);
            jdbc.batchUpdate("INSERT INTO overview_district_year (district_code, year, version, refreshed_at, figures) "
                    + "VALUES (?, ?, ?, ?, ?)", rows);
            jdbc.update("UPDATE district_change SET refreshed_version = GREATEST(refreshed_version, ?) "
                    + "WHERE district_code = ?", version, district);
        });
    }
}
