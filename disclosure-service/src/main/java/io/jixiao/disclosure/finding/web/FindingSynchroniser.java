package io.jixiao.disclosure.finding.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the findings' history on a schedule, so that no read has to: every
 * {@code jixiao.findings.sync-interval} (default 5 minutes, first run one interval after the start) each
 * district-year the service knows of (one with findings recorded, or with events in the journal) is brought in
 * line with its rule results, the way a publication does. Rules whose outcome depends on the day (deadlines)
 * change without any event, which is why this runs on a clock rather than on the events' arrival. Off with
 * {@code jixiao.findings.sync-enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "jixiao.findings.sync-enabled", havingValue = "true", matchIfMissing = true)
public class FindingSynchroniser {
    private static final Logger log = LoggerFactory.getLogger(FindingSynchroniser.class);
    private final FindingService findings;
    private final JdbcTemplate jdbc;

    public FindingSynchroniser(FindingService findings, JdbcTemplate jdbc) {
        this.findings = findings;
        this.jdbc = jdbc;
    }

    /** Turns on Spring's scheduler for this service (nothing else here is scheduled). */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }

    /** A district-year whose findings are kept. */
    public record DistrictYear(String districtCode, int year) {
    }

    /** The district-years with findings recorded or with events (of a fiscal year) in the journal. */
    public List<DistrictYear> known() {
        return jdbc.query("SELECT district_code, year FROM finding UNION SELECT district_code, y::int FROM ("
                        + "SELECT DISTINCT district_code, coalesce(payload->>'fiscalYear', payload->>'year') AS y "
                        + "FROM district_event) e WHERE y ~ '^[0-9]{4}$' ORDER BY 1, 2",
                (rs, i) -> new DistrictYear(rs.getString(1), rs.getInt(2)));
    }

    @Scheduled(fixedDelayString = "${jixiao.findings.sync-interval:PT5M}",
            initialDelayString = "${jixiao.findings.sync-interval:PT5M}")
    public void scheduled() {
        synchroniseAll();
    }

    /** Synchronises every known district-year; one that fails is logged and the others still run. */
    public int synchroniseAll() {
        int done = 0;
        for (DistrictYear dy : known()) {
            try {
                findings.synchronise(dy.districtCode(), dy.year());
                done++;
            } catch (RuntimeException e) {
                log.warn("findings of {} {} not synchronised: {}", dy.districtCode(), dy.year(), e.toString());
            }
        }
        return done;
    }
}
