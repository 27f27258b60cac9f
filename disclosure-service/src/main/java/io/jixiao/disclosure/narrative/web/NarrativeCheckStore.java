package io.jixiao.disclosure.narrative.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.disclosure.narrative.Verdict;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code narrative_check} table: one row per kept check, found again by its id or its request key. */
@Repository
public class NarrativeCheckStore {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public NarrativeCheckStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A kept row with what a retry is compared by. */
    public record Kept(NarrativeCheckView view, String fingerprint, String draftText) {
    }

    /** Inserts the check unless a row with the same request key exists; true when inserted. */
    public boolean insert(NarrativeCheckView v, String requestKey, String fingerprint, String correlationId,
                          String draftText) {
        String result;
        try {
            result = json.writeValueAsString(v.replayed(false));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("narrative check not serialisable", e);
        }
        int rows = jdbc.update("INSERT INTO narrative_check (check_id, district_code, year, request_key, fingerprint, "
                        + "checked_by, correlation_id, checked_at, as_of, draft_format, draft_sha256, draft_text, "
                        + "events_folded, last_event_at, rule_version, consistent, contradicted, inconsistent, "
                        + "unverifiable, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                v.checkId(), v.districtCode(), v.year(), requestKey, fingerprint, v.checkedBy(), correlationId,
                Timestamp.from(v.checkedAt()), Timestamp.from(v.asOf()), v.draft().format(), v.draft().sha256(),
                draftText, v.records().eventsFolded(),
                v.records().lastEventAt() == null ? null : Timestamp.from(v.records().lastEventAt()),
                v.records().ruleVersion(), v.counts().get(Verdict.CONSISTENT), v.counts().get(Verdict.CONTRADICTED),
                v.counts().get(Verdict.INCONSISTENT), v.counts().get(Verdict.UNVERIFIABLE), result);
        return rows == 1;
    }

    public Optional<Kept> byRequestKey(String districtCode, String requestKey) {
        return jdbc.query("SELECT result, fingerprint, draft_text FROM narrative_check WHERE district_code = ? "
                + "AND request_key = ?", (rs, i) -> new Kept(read(rs.getString(1)), rs.getString(2),
                rs.getString(3)), districtCode, requestKey).stream().findFirst();
    }

    public Optional<Kept> byId(String districtCode, int year, String checkId) {
        return jdbc.query("SELECT result, fingerprint, draft_text FROM narrative_check WHERE district_code = ? "
                + "AND year = ? AND check_id = ?", (rs, i) -> new Kept(read(rs.getString(1)), rs.getString(2),
                rs.getString(3)), districtCode, year, checkId).stream().findFirst();
    }

    public List<NarrativeCheckSummary> list(String districtCode, int year) {
        return jdbc.query("SELECT check_id, year, checked_by, checked_at, as_of, draft_format, draft_sha256, "
                        + "events_folded, last_event_at, consistent, contradicted, inconsistent, unverifiable "
                        + "FROM narrative_check WHERE district_code = ? AND year = ? ORDER BY checked_at, check_id",
                (rs, i) -> new NarrativeCheckSummary(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getString(7), rs.getLong(8), rs.getTimestamp(9) == null ? null
                        : rs.getTimestamp(9).toInstant(), rs.getInt(10), rs.getInt(11), rs.getInt(12),
                        rs.getInt(13)), districtCode, year);
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM narrative_check", Long.class);
        return n == null ? 0 : n;
    }

    private NarrativeCheckView read(String text) {
        try {
            return json.readValue(text, NarrativeCheckView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kept narrative check unreadable", e);
        }
    }
}
