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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code overview_district_year} up to date: every 200 ms, each district whose change version is ahead of the
 * version last folded is folded once (the same fold as the report) and its years' lines are replaced. A request for
 * the overview then reads rows; it never folds.
 */
@Component
public class OverviewRefresher {
    private static final Logger log = LoggerFactory.getLogger(OverviewRefresher.class);
    private final JdbcTemplate jdbc;
    private final DistrictReportService reports;
    private final ObjectMapper json;

    private final TransactionTemplate tx;

    public OverviewRefresher(JdbcTemplate jdbc, DistrictReportService reports, ObjectMapper json,
                             PlatformTransactionManager transactionManager) {
        this.tx = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.reports = reports;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${jixiao.overview.refresh-delay-ms:200}", initialDelay = 1000)
    public void refreshChanged() {
        List<Map<String, Object>> due = jdbc.queryForList(
                "SELECT district_code, version FROM district_change WHERE version > refreshed_version ORDER BY district_code");
        for (Map<String, Object> row : due) {
            String district = (String) row.get("district_code");
            long version = ((Number) row.get("version")).longValue();
            try {
                refresh(district, version);
            } catch (RuntimeException e) {
                log.warn("overview of district {} not refreshed (version {}): {}", district, version, e.toString());
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
