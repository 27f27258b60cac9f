package io.jixiao.disclosure.journal.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each district's change counter ({@code district_change}), bumped in the transaction that appends its journal rows:
 * when a reader sees a new version, the rows behind it are already readable. The workbench polls it (the change
 * cursor) and the overview refreshes the districts whose version is ahead of the one it folded.
 */
public final class DistrictChanges {

    private DistrictChanges() {
    }

    /** A district's version and when it last changed. */
    public record Version(String districtCode, long version, Instant changedAt) {
    }

    /** Bumps the districts' versions, in sorted order (two transactions never wait on each other in a cycle). */
    public static void bump(JdbcTemplate jdbc, Collection<String> districts) {
        if (districts.isEmpty()) {
            return;
        }
        String[] sorted = new TreeSet<>(districts).toArray(String[]::new);
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO district_change (district_code, version, changed_at) "
                    + "SELECT d, 1, now() FROM unnest(?::varchar[]) AS d "
                    + "ON CONFLICT (district_code) DO UPDATE SET version = district_change.version + 1, changed_at = now()");
            statement.setArray(1, connection.createArrayOf("varchar", sorted));
            return statement;
        });
    }

    public static Optional<Version> of(JdbcTemplate jdbc, String districtCode) {
        return jdbc.query("SELECT version, changed_at FROM district_change WHERE district_code = ?",
                (rs, i) -> new Version(districtCode, rs.getLong(1), rs.getTimestamp(2).toInstant()), districtCode)
                .stream().findFirst();
    }
}
