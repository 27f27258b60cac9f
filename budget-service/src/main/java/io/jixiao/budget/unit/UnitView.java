package io.jixiao.budget.unit;

import io.jixiao.budget.common.KnownUnits;
import io.jixiao.events.budget.BasicBudgetAdjusted;
import io.jixiao.events.budget.BasicBudgetAppropriated;
import io.jixiao.events.budget.BasicExpenditureClass;
import io.jixiao.events.budget.BasicExpenditureRecorded;
import io.jixiao.events.budget.UnitRegistered;
import io.jixiao.support.axon.BatchWrites;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registered units and each unit-year's 基本支出, kept by a subscribing processor inside the command's own
 * transaction (what a command wrote, the next GET reads); a command's events change a unit-year's row once
 * ({@link BatchWrites}). Also answers {@link KnownUnits} for the aggregates.
 */
@Component
@ProcessingGroup("unit-budget")
public class UnitView implements KnownUnits {
    private static final String BATCH = UnitView.class.getName() + ".batch";
    private final JdbcTemplate jdbc;

    public UnitView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record UnitRow(String districtCode, String unitId, String name, boolean aggregate,
                          Integer staffingAuthorized, Integer staffingActual, Instant registeredAt) {
    }

    /** A unit-year's 基本支出 in fen; version is the UnitBudget aggregate's (null before its first event). */
    public record BasicRow(long appropriatedFen, long adjustedFen, long personnelFen, long publicFen, Long version) {
        public static final BasicRow NONE = new BasicRow(0, 0, 0, 0, null);

        public long budgetFen() {
            return appropriatedFen + adjustedFen;
        }

        public long spentFen() {
            return personnelFen + publicFen;
        }
    }

    @EventHandler
    void on(UnitRegistered e, @Timestamp Instant at) {
        jdbc.update("INSERT INTO budget_unit (district_code, unit_id, name, aggregate, staffing_authorized, "
                        + "staffing_actual, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)", e.districtCode(), e.unitId(),
                e.name(), e.aggregate(), e.staffingAuthorized(), e.staffingActual(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(BasicBudgetAppropriated e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtCode(), e.unitId(), e.fiscalYear(), sequence, at, row -> row.appropriated += e.amountFen());
    }

    @EventHandler
    void on(BasicBudgetAdjusted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtCode(), e.unitId(), e.fiscalYear(), sequence, at, row -> row.adjusted += e.amountFen());
    }

    @EventHandler
    void on(BasicExpenditureRecorded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtCode(), e.unitId(), e.fiscalYear(), sequence, at, row -> {
            if (e.expenditureClass() == BasicExpenditureClass.PERSONNEL) {
                row.personnel += e.amountFen();
            } else {
                row.publicUse += e.amountFen();
            }
        });
    }

    /** One unit-year's changes over a batch of events (a command's), written as one statement. */
    private static final class YearChange {
        final String district;
        final String unitId;
        final int year;
        long appropriated;
        long adjusted;
        long personnel;
        long publicUse;
        long version;
        Instant at;

        YearChange(String district, String unitId, int year) {
            this.district = district;
            this.unitId = unitId;
            this.year = year;
        }
    }

    private void change(String district, String unitId, int year, long sequence, Instant at,
                        Consumer<YearChange> change) {
        BatchWrites.changeRow(BATCH, district + "/" + unitId + "/" + year, key -> new YearChange(district, unitId, year),
                row -> {
                    change.accept(row);
                    row.version = sequence;
                    row.at = at;
                }, rows -> rows.values().forEach(this::write));
    }

    private void write(YearChange row) {
        jdbc.update("INSERT INTO unit_basic_budget (district_code, unit_id, fiscal_year, appropriated_fen, "
                        + "adjusted_fen, personnel_fen, public_fen, version, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (district_code, unit_id, fiscal_year) DO "
                        + "UPDATE SET appropriated_fen = unit_basic_budget.appropriated_fen + EXCLUDED.appropriated_fen, "
                        + "adjusted_fen = unit_basic_budget.adjusted_fen + EXCLUDED.adjusted_fen, "
                        + "personnel_fen = unit_basic_budget.personnel_fen + EXCLUDED.personnel_fen, "
                        + "public_fen = unit_basic_budget.public_fen + EXCLUDED.public_fen, "
                        + "version = EXCLUDED.version, updated_at = EXCLUDED.updated_at",
                row.district, row.unitId, row.year, row.appropriated, row.adjusted, row.personnel, row.publicUse,
                row.version, java.sql.Timestamp.from(row.at));
    }

    @Override
    public boolean isRegistered(String districtCode, String unitId) {
        return !jdbc.queryForList("SELECT 1 FROM budget_unit WHERE district_code = ? AND unit_id = ?", Integer.class,
                districtCode, unitId).isEmpty();
    }

    public Optional<UnitRow> find(String districtCode, String unitId) {
        return jdbc.query("SELECT * FROM budget_unit WHERE district_code = ? AND unit_id = ?", (rs, i) -> unit(rs),
                districtCode, unitId).stream().findFirst();
    }

    public List<UnitRow> all(String districtCode) {
        return jdbc.query("SELECT * FROM budget_unit WHERE district_code = ? ORDER BY unit_id", (rs, i) -> unit(rs),
                districtCode);
    }

    public BasicRow basic(String districtCode, String unitId, int fiscalYear) {
        return jdbc.query("SELECT * FROM unit_basic_budget WHERE district_code = ? AND unit_id = ? AND fiscal_year = ?",
                (rs, i) -> new BasicRow(rs.getLong("appropriated_fen"), rs.getLong("adjusted_fen"),
                        rs.getLong("personnel_fen"), rs.getLong("public_fen"), rs.getLong("version")),
                districtCode, unitId, fiscalYear).stream().findFirst().orElse(BasicRow.NONE);
    }

    private static UnitRow unit(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UnitRow(rs.getString("district_code"), rs.getString("unit_id"), rs.getString("name"),
                rs.getBoolean("aggregate"), (Integer) rs.getObject("staffing_authorized"),
                (Integer) rs.getObject("staffing_actual"), rs.getTimestamp("registered_at").toInstant());
    }
}
