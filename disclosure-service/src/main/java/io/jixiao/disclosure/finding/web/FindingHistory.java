package io.jixiao.disclosure.finding.web;

import io.jixiao.disclosure.finding.FindingRecord;
import io.jixiao.disclosure.finding.FindingRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code finding} table: brought in line with the rule results of a district-year (new rows raised now, rows
 * that are gone resolved now, rows still there updated in place), in the caller's transaction, under the
 * district-year's advisory lock so concurrent writers do not raise a finding twice. Writers are the publications
 * and the scheduled {@link FindingSynchroniser}; a read never writes (see {@link #asIfSynchronised}).
 */
@Repository
public class FindingHistory {
    private final JdbcTemplate jdbc;

    public FindingHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises work on one district-year until the transaction ends (re-entrant within it). */
    public void lock(String districtCode, int year) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, "disclosure:" + districtCode + ":" + year);
    }

    /** Synchronises the open findings with {@code current}; call inside a transaction. */
    public void sync(String districtCode, int year, List<FindingRow> current, Instant now) {
        lock(districtCode, year);
        Map<String, FindingRecord> open = new HashMap<>();
        for (FindingRecord r : jdbc.query("SELECT * FROM finding WHERE district_code = ? AND year = ? "
                + "AND resolved_at IS NULL", FindingHistory::record, districtCode, year)) {
            open.put(r.key(), r);
        }
        Timestamp at = Timestamp.from(now);
        for (FindingRow row : current) {
            FindingRecord known = open.remove(row.key());
            if (known == null) {
                jdbc.update("INSERT INTO finding (district_code, year, rule_id, unit_id, unit_name, subject, title, "
                                + "category, severity, expected, found, difference, measure, message, rule_version, "
                                + "raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        districtCode, year, row.ruleId(), row.unitId(), row.unitName(), row.subject(), row.title(),
                        row.category().name(), row.severity().name(), row.expected(), row.found(), row.difference(),
                        row.measure(), row.message(), row.ruleVersion(), at);
            } else if (changed(known, row)) {
                jdbc.update("UPDATE finding SET unit_name = ?, title = ?, category = ?, severity = ?, expected = ?, "
                                + "found = ?, difference = ?, measure = ?, message = ?, rule_version = ? WHERE id = ?",
                        row.unitName(), row.title(), row.category().name(), row.severity().name(), row.expected(),
                        row.found(), row.difference(), row.measure(), row.message(), row.ruleVersion(), known.id());
            }
        }
        for (FindingRecord gone : open.values()) {
            jdbc.update("UPDATE finding SET resolved_at = ? WHERE id = ?", at, gone.id());
        }
    }

    private static boolean changed(FindingRecord r, FindingRow row) {
        return !Objects.equals(r.expected(), row.expected()) || !Objects.equals(r.found(), row.found())
                || !Objects.equals(r.difference(), row.difference()) || !Objects.equals(r.message(), row.message())
                || !Objects.equals(r.severity(), row.severity().name()) || !Objects.equals(r.title(), row.title())
                || !Objects.equals(r.ruleVersion(), row.ruleVersion()) || !Objects.equals(r.unitName(), row.unitName());
    }

    /**
     * What {@link #list} would answer after {@link #sync} with {@code current} at {@code now}, computed from the
     * {@code stored} history without writing anything: findings the rules no longer return show as resolved at
     * {@code now}, changed ones with their new text, new ones as raised at {@code now} (id null: not recorded yet).
     * When the history is already in line with {@code current}, that is {@code stored} as it is.
     */
    public static List<FindingRecord> asIfSynchronised(List<FindingRecord> stored, List<FindingRow> current,
                                                       Instant now) {
        Map<String, FindingRow> returned = new LinkedHashMap<>();
        current.forEach(row -> returned.put(row.key(), row));
        List<FindingRecord> out = new ArrayList<>(stored.size() + current.size());
        boolean differs = false;
        for (FindingRecord r : stored) {
            if (r.resolvedAt() != null) {
                out.add(r);
                continue;
            }
            FindingRow row = returned.remove(r.key());
            if (row == null) {
                out.add(new FindingRecord(r.id(), r.ruleId(), r.title(), r.category(), r.severity(), r.unitId(),
                        r.unitName(), r.subject(), r.expected(), r.found(), r.difference(), r.measure(), r.message(),
                        r.ruleVersion(), r.raisedAt(), now, "RESOLVED"));
                differs = true;
            } else if (changed(r, row)) {
                out.add(new FindingRecord(r.id(), r.ruleId(), row.title(), row.category().name(),
                        row.severity().name(), r.unitId(), row.unitName(), r.subject(), row.expected(), row.found(),
                        row.difference(), row.measure(), row.message(), row.ruleVersion(), r.raisedAt(), null, "OPEN"));
            } else {
                out.add(r);
            }
        }
        for (FindingRow row : returned.values()) {
            out.add(new FindingRecord(null, row.ruleId(), row.title(), row.category().name(), row.severity().name(),
                    row.unitId(), row.unitName(), row.subject(), row.expected(), row.found(), row.difference(),
                    row.measure(), row.message(), row.ruleVersion(), now, null, "OPEN"));
            differs = true;
        }
        if (differs) {
            out.sort(LISTED);  // the order of list(): open first, then rule, unit, subject, raised, id
        }
        return out;
    }

    /** The order of {@link #list} (the database compares text byte-wise, collation C, as String does). */
    private static final Comparator<FindingRecord> LISTED = Comparator
            .comparing((FindingRecord r) -> r.resolvedAt() != null)
            .thenComparing(FindingRecord::ruleId).thenComparing(FindingRecord::unitId)
            .thenComparing(FindingRecord::subject).thenComparing(FindingRecord::raisedAt)
            .thenComparing(FindingRecord::id, Comparator.nullsLast(Comparator.naturalOrder()));

    /** Every finding of the district-year, open ones first, then by rule, unit and subject. */
    public List<FindingRecord> list(String districtCode, int year) {
        return jdbc.query("SELECT * FROM finding WHERE district_code = ? AND year = ? "
                        + "ORDER BY resolved_at IS NOT NULL, rule_id, unit_id, subject, raised_at, id",
                FindingHistory::record, districtCode, year);
    }

    private static FindingRecord record(ResultSet rs, int i) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new FindingRecord(rs.getLong("id"), rs.getString("rule_id"), rs.getString("title"),
                rs.getString("category"), rs.getString("severity"), rs.getString("unit_id"), rs.getString("unit_name"),
                rs.getString("subject"), rs.getString("expected"), rs.getString("found"), rs.getString("difference"),
                rs.getString("measure"), rs.getString("message"), rs.getString("rule_version"),
                rs.getTimestamp("raised_at").toInstant(), resolved == null ? null : resolved.toInstant(),
                resolved == null ? "OPEN" : "RESOLVED");
    }
}
