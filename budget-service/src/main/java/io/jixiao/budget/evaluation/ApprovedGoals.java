package io.jixiao.budget.evaluation;

import io.jixiao.budget.project.GoalRegister;
import io.jixiao.budget.settings.DistrictSettingsView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The approved performance goals budget-service has learned from {@code evaluation.events} (kept by
 * {@link EvaluationInbox}), and the district setting that makes them a precondition of an appropriation.
 */
@Component
public class ApprovedGoals implements GoalRegister {
    private final JdbcTemplate jdbc;
    private final DistrictSettingsView settings;

    public ApprovedGoals(JdbcTemplate jdbc, DistrictSettingsView settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public record ApprovedGoal(String districtCode, String goalId, String scope, String projectId, String unitId,
                               int fiscalYear, long amountFen, LocalDate approvedOn, String eventId,
                               Instant learnedAt) {
    }

    @Override
    public boolean goalRequired(String districtCode) {
        return settings.of(districtCode).goalBeforeBudget();
    }

    @Override
    public boolean hasApprovedGoal(String districtCode, String projectId, int fiscalYear) {
        return !jdbc.queryForList("SELECT 1 FROM approved_goal WHERE district_code = ? AND project_id = ? "
                + "AND fiscal_year = ? AND scope = 'PROJECT'", Integer.class, districtCode, projectId, fiscalYear).isEmpty();
    }

    public List<ApprovedGoal> all(String districtCode) {
        return jdbc.query("SELECT * FROM approved_goal WHERE district_code = ? ORDER BY goal_id",
                (rs, i) -> new ApprovedGoal(rs.getString("district_code"), rs.getString("goal_id"),
                        rs.getString("scope"), rs.getString("project_id"), rs.getString("unit_id"),
                        rs.getInt("fiscal_year"), rs.getLong("amount_fen"),
                        rs.getObject("approved_on", LocalDate.class), rs.getString("event_id"),
                        rs.getTimestamp("learned_at").toInstant()), districtCode);
    }
}
