package io.jixiao.budget.project;

import io.jixiao.events.budget.FundingFigures;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.support.axon.BatchWrites;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import io.jixiao.events.budget.EntryReversed;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current funding of every project, kept by a subscribing processor inside the command's own
 * transaction: what a command wrote, the next GET reads. A command's events change a project's row once
 * ({@link BatchWrites}): a registration with its money lines is one insert.
 */
@Component
@ProcessingGroup("project-funding")
public class ProjectFundingView {
    private static final String BATCH = ProjectFundingView.class.getName() + ".batch";
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
        change(e.districtCode(), e.projectId(), sequence, at, row -> row.registered = e);
    }

    @EventHandler
    void on(PreviousYearProjectLinked e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtCode(), e.projectId(), sequence, at, row -> row.previousProjectId = e.previousProjectId());
    }

    @EventHandler
    void on(BudgetAppropriated e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtCode(), e.projectId(), sequence, at, row -> row.appropriated += e.amountFen());
    }

    @EventHandler
    void on(FundsCarriedOver e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtCode(), e.projectId(), sequence, at, row -> row.carriedOver += e.amountFen());
    }

    @EventHandler
    void on(BudgetAdjusted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtCode(), e.projectId(), sequence, at, row -> row.adjusted += e.amountFen());
    }

    @EventHandler
    void on(ExpenditureRecorded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtCode(), e.projectId(), sequence, at, row -> row.spent += e.amountFen());
    }

    /** 红字冲销: the original's amount off the column it was added to. */
    @EventHandler
    void on(EntryReversed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtCode(), e.projectId(), sequence, at, row -> {
            switch (e.kind()) {
                case APPROPRIATION -> row.appropriated -= e.amountFen();
                case CARRY_OVER -> row.carriedOver -= e.amountFen();
                case ADJUSTMENT -> row.adjusted -= e.amountFen();
                case EXPENDITURE -> row.spent -= e.amountFen();
            }
        });
    }

    /** One project's changes over a batch of events (a command's): written as one statement ({@link BatchWrites}). */
    private static final class RowChange {
        ProjectRegistered registered;
        String previousProjectId;
        long appropriated;
        long carriedOver;
        long adjusted;
        long spent;
        long version;
        Instant at;
    }

    private void change(String district, String projectId, long sequence, Instant at, Consumer<RowChange> change) {
        BatchWrites.changeRow(BATCH, ProjectCommands.projectKey(district, projectId), key -> new RowChange(), row -> {
            change.accept(row);
            row.version = sequence;
            row.at = at;
        }, this::write);
    }

    private void write(Map<String, RowChange> rows) {
        rows.forEach((key, row) -> {
            if (row.registered != null) {
                ProjectRegistered e = row.registered;
                jdbc.update("INSERT INTO project_funding (project_key, district_code, project_id, unit_id, name, "
                                + "category, fiscal_year, project_count, previous_project_id, appropriated_fen, "
                                + "carried_over_fen, adjusted_fen, spent_fen, version, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        key, e.districtCode(), e.projectId(), e.unitId(), e.name(), e.category().label(),
                        e.fiscalYear(), e.projectCount(), row.previousProjectId, row.appropriated, row.carriedOver,
                        row.adjusted, row.spent, row.version, java.sql.Timestamp.from(row.at));
            } else {
                jdbc.update("UPDATE project_funding SET appropriated_fen = appropriated_fen + ?, "
                                + "carried_over_fen = carried_over_fen + ?, adjusted_fen = adjusted_fen + ?, "
                                + "spent_fen = spent_fen + ?, previous_project_id = coalesce(?, previous_project_id), "
                                + "version = ?, updated_at = ? WHERE project_key = ?",
                        row.appropriated, row.carriedOver, row.adjusted, row.spent, row.previousProjectId, row.version,
                        java.sql.Timestamp.from(row.at), key);
            }
        });
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
