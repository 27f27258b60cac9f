package io.jixiao.budget.threepublic;

import io.jixiao.events.budget.ThreePublicBudgeted;
import io.jixiao.events.budget.ThreePublicCategory;
import io.jixiao.events.budget.ThreePublicSpent;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 三公经费 per district, year, unit and category; a subscribing processor in the command's transaction. */
@Component
@ProcessingGroup("three-public")
public class ThreePublicView {
    private final JdbcTemplate jdbc;

    public ThreePublicView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One unit-category line; budgetFen is null when no budget was given for it. */
    public record Line(String unitId, ThreePublicCategory category, Long budgetFen, long spentFen, long version) {
    }

    @EventHandler
    void on(ThreePublicBudgeted e, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO three_public (district_code, fiscal_year, unit_id, category, budget_fen, version) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (district_code, fiscal_year, unit_id, category) DO UPDATE SET "
                + "budget_fen = EXCLUDED.budget_fen, version = EXCLUDED.version", e.districtCode(), e.fiscalYear(),
                e.unitId(), e.category().name(), e.amountFen(), sequence);
        jdbc.update("UPDATE three_public SET version = ? WHERE district_code = ? AND fiscal_year = ? AND unit_id = ?",
                sequence, e.districtCode(), e.fiscalYear(), e.unitId());
    }

    @EventHandler
    void on(ThreePublicSpent e, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO three_public (district_code, fiscal_year, unit_id, category, spent_fen, version) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (district_code, fiscal_year, unit_id, category) DO UPDATE SET "
                + "spent_fen = three_public.spent_fen + EXCLUDED.spent_fen, version = EXCLUDED.version",
                e.districtCode(), e.fiscalYear(), e.unitId(), e.category().name(), e.amountFen(), sequence);
        jdbc.update("UPDATE three_public SET version = ? WHERE district_code = ? AND fiscal_year = ? AND unit_id = ?",
                sequence, e.districtCode(), e.fiscalYear(), e.unitId());
    }

    public List<Line> lines(String districtCode, int fiscalYear) {
        return jdbc.query("SELECT * FROM three_public WHERE district_code = ? AND fiscal_year = ? ORDER BY unit_id",
                (rs, i) -> new Line(rs.getString("unit_id"), ThreePublicCategory.valueOf(rs.getString("category")),
                        (Long) rs.getObject("budget_fen"), rs.getLong("spent_fen"), rs.getLong("version")),
                districtCode, fiscalYear);
    }
}
