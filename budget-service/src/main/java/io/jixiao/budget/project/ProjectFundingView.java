package io.jixiao.budget.project;

import io.jixiao.events.budget.FundingFigures;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import io.jixiao.events.budget.EntryReversed;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current funding of every project, kept by a subscribing processor inside the command's own
 * transaction: what a command wrote, the next GET reads.
 */
@Component
@ProcessingGroup("project-funding")
public class ProjectFundingView {
    private final JdbcTemplate jdbc;

    public ProjectFundingView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A project's current state. */
    public record ProjectFunding(String districtCode, String projectId, String unitId, String name, String category,
                                 int fiscalYear, int projectCount, String previousProjectId, FundingFigures figures,
                                 long version, Instant updatedAt) {
    }

    /** The summed funding of a unit's projects of one fiscal year. */
    public record UnitProjectTotals(int projects, FundingFigures figures) {
    }

    @EventHandler
    void on(ProjectRegistered e, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("INSERT INTO project_funding (project_key, district_code, project_id, unit_id, name, category, "
                        + "fiscal_year, project_count, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ProjectCommands.projectKey(e.districtCode(), e.projectId()), e.districtCode(), e.projectId(),
                e.unitId(), e.name(), e.category().label(), e.fiscalYear(), e.projectCount(), sequence,
                java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(PreviousYearProjectLinked e, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("UPDATE project_funding SET previous_project_id = ?, version = ?, updated_at = ? WHERE project_key = ?",
                e.previousProjectId(), sequence, java.sql.Timestamp.from(at),
                ProjectCommands.projectKey(e.districtCode(), e.projectId()));
    }

    @EventHandler
    void on(BudgetAppropriated e, @SequenceNumber long sequence, @Timestamp Instant at) {
        add("appropriated_fen", e.amountFen(), e.districtCode(), e.projectId(), sequence, at);
    }

    @EventHandler
    void on(FundsCarriedOver e, @SequenceNumber long sequence, @Timestamp Instant at) {
        add("carried_over_fen", e.amountFen(), e.districtCode(), e.projectId(), sequence, at);
    }

    @EventHandler
    void on(BudgetAdjusted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        add("adjusted_fen", e.amountFen(), e.districtCode(), e.projectId(), sequence, at);
    }

    @EventHandler
    void on(ExpenditureRecorded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        add("spent_fen", e.amountFen(), e.districtCode(), e.projectId(), sequence, at);
    }

    /** 红字冲销: the original's amount off the column it was added to. */
    @EventHandler
    void on(EntryReversed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        String column = switch (e.kind()) {
            case APPROPRIATION -> "appropriated_fen";
            case CARRY_OVER -> "carried_over_fen";
            case ADJUSTMENT -> "adjusted_fen";
            case EXPENDITURE -> "spent_fen";
        };
        add(column, -e.amountFen(), e.districtCode(), e.projectId(), sequence, at);
    }

    private void add(String column, long fen, String district, String projectId, long sequence, Instant at) {
        jdbc.update("UPDATE project_funding SET " + column + " = " + column + " + ?, version = ?, updated_at = ? "
                + "WHERE project_key = ?", fen, sequence, java.sql.Timestamp.from(at),
                ProjectCommands.projectKey(district, projectId));
    }

    public Optional<ProjectFunding> find(String districtCode, String projectId) {
        List<ProjectFunding> rows = jdbc.query("SELECT * FROM project_funding WHERE project_key = ?",
                (rs, i) -> new ProjectFunding(rs.getString("district_code"), rs.getString("project_id"),
                        rs.getString("unit_id"), rs.getString("name"), rs.getString("category"),
                        rs.getInt("fiscal_year"), rs.getInt("project_count"), rs.getString("previous_project_id"),
                        new FundingFigures(rs.getLong("appropriated_fen"), rs.getLong("carried_over_fen"),
                                rs.getLong("adjusted_fen"), rs.getLong("spent_fen")),
                        rs.getLong("version"), rs.getTimestamp("updated_at").toInstant()),
                ProjectCommands.projectKey(districtCode, projectId));
        return rows.stream().findFirst();
    }

    /** The totals of the projects a unit has in a fiscal year (all zero when it has none). */
    public UnitProjectTotals totalsOfUnit(String districtCode, String unitId, int fiscalYear) {
        return jdbc.queryForObject("SELECT count(*) AS n, coalesce(sum(appropriated_fen), 0) AS a, "
                        + "coalesce(sum(carried_over_fen), 0) AS c, coalesce(sum(adjusted_fen), 0) AS j, "
                        + "coalesce(sum(spent_fen), 0) AS s FROM project_funding "
                        + "WHERE district_code = ? AND unit_id = ? AND fiscal_year = ?",
                (rs, i) -> new UnitProjectTotals(rs.getInt("n"), new FundingFigures(rs.getLong("a"), rs.getLong("c"),
                        rs.getLong("j"), rs.getLong("s"))), districtCode, unitId, fiscalYear);
    }

    /** The ids of projects of {@code fiscalYear} registered as continuing {@code previousProjectId}. */
    public List<String> successorsOf(String districtCode, String previousProjectId, int fiscalYear) {
        return jdbc.queryForList("SELECT project_id FROM project_funding WHERE district_code = ? "
                + "AND previous_project_id = ? AND fiscal_year = ? ORDER BY project_id", String.class, districtCode,
                previousProjectId, fiscalYear);
    }
}
