package io.jixiao.budget.settings;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each district's current settings; a subscribing processor in the command's transaction. */
@Component
@ProcessingGroup("district-settings")
public class DistrictSettingsView {
    /** docs/rules.md default: 绩效目标是预算安排的前置条件. */
    public static final boolean DEFAULT_GOAL_BEFORE_BUDGET = true;
    private final JdbcTemplate jdbc;

    public DistrictSettingsView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Settings(String districtCode, boolean goalBeforeBudget, Long version, Instant updatedAt) {
    }

    @EventHandler
    void on(DistrictSettingsChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("INSERT INTO district_settings (district_code, goal_before_budget, version, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (district_code) DO UPDATE SET goal_before_budget = "
                + "EXCLUDED.goal_before_budget, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at",
                e.districtCode(), e.goalBeforeBudget(), sequence, java.sql.Timestamp.from(at));
    }

    /** The district's settings; the defaults (version null) when it never set any. */
    public Settings of(String districtCode) {
        Optional<Settings> stored = jdbc.query("SELECT * FROM district_settings WHERE district_code = ?",
                (rs, i) -> new Settings(districtCode, rs.getBoolean("goal_before_budget"), rs.getLong("version"),
                        rs.getTimestamp("updated_at").toInstant()), districtCode).stream().findFirst();
        return stored.orElse(new Settings(districtCode, DEFAULT_GOAL_BEFORE_BUDGET, null, null));
    }
}
