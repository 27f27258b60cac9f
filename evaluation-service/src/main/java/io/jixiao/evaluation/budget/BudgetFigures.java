package io.jixiao.evaluation.budget;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queries over {@link BudgetProjection}'s tables. Full-year budget (全年预算数) = 年初预算 + 结转 + 调整, all
 * movements known (a checkpoint's execution rate divides by the full-year budget, docs/rules.md); spending is summed
 * up to a date.
 */
@Component
public class BudgetFigures {
    private final JdbcTemplate jdbc;

    public BudgetFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A project's money as known here. {@code registered}: its ProjectRegistered arrived (so unit, name and fiscal
     * year are known); {@code spentToDateFen}: spending dated on or before the date asked for.
     */
    public record ProjectMoney(String districtCode, String projectId, boolean registered, String unitId, String name,
                               Integer fiscalYear, int projectCount, long appropriatedFen, long carriedOverFen,
                               long adjustedFen, long spentToDateFen, long spentFen, LocalDate spentAsOf) {
        public long budgetFen() {
            return appropriatedFen + carriedOverFen + adjustedFen;
        }

        /** Known enough to compute a rate: some budget has arrived. */
        public boolean budgetKnown() {
            return budgetFen() > 0;
        }
    }

    /** The figures of FundingFigures each movement keeps, summed; spending also up to a date. */
    private static final String SUMS = "COALESCE(SUM(m.appropriated_fen), 0) AS appropriated, "
            + "COALESCE(SUM(m.carried_over_fen), 0) AS carried, "
            + "COALESCE(SUM(m.adjusted_fen), 0) AS adjusted, "
            + "COALESCE(SUM(CASE WHEN m.movement_date IS NULL OR m.movement_date <= ? THEN m.spent_fen END), 0) "
            + "AS spent_to_date, "
            + "COALESCE(SUM(m.spent_fen), 0) AS spent ";

    /** One project's money, spending counted up to {@code spentAsOf}; empty when nothing of it has arrived. */
    public Optional<ProjectMoney> project(String districtCode, String projectId, LocalDate spentAsOf) {
        List<ProjectMoney> rows = jdbc.query("SELECT p.project_id AS registered_id, p.unit_id, p.name, p.fiscal_year, "
                        + "p.project_count, " + SUMS + ", count(m.event_id) AS movements "
                        + "FROM (SELECT ?::varchar AS district_code, ?::varchar AS project_id) k "
                        + "LEFT JOIN budget_project p ON p.district_code = k.district_code AND p.project_id = k.project_id "
                        + "LEFT JOIN budget_movement m ON m.scope = 'PROJECT' AND m.district_code = k.district_code "
                        + "AND m.project_id = k.project_id "
                        + "GROUP BY p.project_id, p.unit_id, p.name, p.fiscal_year, p.project_count",
                (rs, i) -> rs.getString("registered_id") == null && rs.getLong("movements") == 0 ? null
                        : new ProjectMoney(districtCode, projectId, rs.getString("registered_id") != null,
                        rs.getString("unit_id"), rs.getString("name"), (Integer) rs.getObject("fiscal_year"),
                        rs.getObject("project_count") == null ? 1 : rs.getInt("project_count"),
                        rs.getLong("appropriated"), rs.getLong("carried"), rs.getLong("adjusted"),
                        rs.getLong("spent_to_date"), rs.getLong("spent"), spentAsOf),
                java.sql.Date.valueOf(spentAsOf), districtCode, projectId);
        return rows.stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Every registered project of a district's fiscal year, spending counted up to {@code spentAsOf}. */
    public List<ProjectMoney> projectsOfYear(String districtCode, int fiscalYear, LocalDate spentAsOf) {
        return jdbc.query("SELECT p.project_id, p.unit_id, p.name, p.fiscal_year, p.project_count, " + SUMS
                        + "FROM budget_project p LEFT JOIN budget_movement m ON m.scope = 'PROJECT' "
                        + "AND m.district_code = p.district_code AND m.project_id = p.project_id "
                        + "WHERE p.district_code = ? AND p.fiscal_year = ? "
                        + "GROUP BY p.project_id, p.unit_id, p.name, p.fiscal_year, p.project_count ORDER BY p.project_id",
                (rs, i) -> new ProjectMoney(districtCode, rs.getString("project_id"), true, rs.getString("unit_id"),
                        rs.getString("name"), rs.getInt("fiscal_year"), rs.getInt("project_count"),
                        rs.getLong("appropriated"), rs.getLong("carried"), rs.getLong("adjusted"),
                        rs.getLong("spent_to_date"), rs.getLong("spent"), spentAsOf),
                java.sql.Date.valueOf(spentAsOf), districtCode, fiscalYear);
    }

    /**
     * A unit's whole year (部门整体支出): its 基本支出 plus its registered projects of that fiscal year. Empty when
     * nothing of the unit's money has arrived.
     */
    public Optional<UnitMoney> unit(String districtCode, String unitId, int fiscalYear) {
        LocalDate yearEnd = LocalDate.of(fiscalYear, 12, 31);
        List<long[]> basic = jdbc.query("SELECT " + SUMS + ", count(m.event_id) AS movements FROM budget_movement m "
                        + "WHERE m.scope = 'BASIC' AND m.district_code = ? AND m.unit_id = ? AND m.fiscal_year = ?",
                (rs, i) -> new long[] {rs.getLong("appropriated"), rs.getLong("adjusted"), rs.getLong("spent"),
                        rs.getLong("movements")}, java.sql.Date.valueOf(yearEnd), districtCode, unitId, fiscalYear);
        long[] b = basic.get(0);
        List<ProjectMoney> projects = projectsOfYear(districtCode, fiscalYear, yearEnd).stream()
                .filter(p -> unitId.equals(p.unitId())).toList();
        if (b[3] == 0 && projects.isEmpty()) {
            return Optional.empty();
        }
        long initial = b[0] + projects.stream().mapToLong(ProjectMoney::appropriatedFen).sum();
        long fullYear = b[0] + b[1] + projects.stream().mapToLong(ProjectMoney::budgetFen).sum();
        long executed = b[2] + projects.stream().mapToLong(ProjectMoney::spentFen).sum();
        return Optional.of(new UnitMoney(districtCode, unitId, fiscalYear, initial, fullYear, executed));
    }

    /** A unit's 年初预算数, 全年预算数, 全年执行数 (basic + projects), in fen. */
    public record UnitMoney(String districtCode, String unitId, int fiscalYear, long initialFen, long fullYearFen,
                            long executedFen) {
    }
}
