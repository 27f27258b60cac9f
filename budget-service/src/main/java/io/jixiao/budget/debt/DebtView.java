package io.jixiao.budget.debt;

import io.jixiao.events.budget.BondInterestPaid;
import io.jixiao.events.budget.BondIssued;
import io.jixiao.events.budget.BondKind;
import io.jixiao.events.budget.BondPrincipalRepaid;
import io.jixiao.events.budget.DebtBalanceOpened;
import io.jixiao.events.budget.DebtLimitSet;
import io.jixiao.events.budget.DebtType;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Debt per district, year and type, and the bonds issued; a subscribing processor in the command's transaction. */
@Component
@ProcessingGroup("debt")
public class DebtView {
    private final JdbcTemplate jdbc;

    public DebtView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Bond(String bondId, DebtType type, BondKind kind, long amountFen, String termYears, String purpose,
                       String projectId, LocalDate date) {
    }

    public record Year(Map<DebtType, DebtFigures> byType, List<Bond> bonds, long version) {
    }

    @EventHandler
    void on(DebtBalanceOpened e, @SequenceNumber long sequence) {
        set("opening_fen", e.amountFen(), e.districtCode(), e.fiscalYear(), e.type(), sequence);
    }

    @EventHandler
    void on(DebtLimitSet e, @SequenceNumber long sequence) {
        set("limit_fen", e.amountFen(), e.districtCode(), e.fiscalYear(), e.type(), sequence);
    }

    @EventHandler
    void on(BondIssued e, @SequenceNumber long sequence) {
        add(e.kind() == BondKind.REFINANCING ? "refinancing_fen" : "new_bonds_fen", e.amountFen(), e.districtCode(),
                e.fiscalYear(), e.type(), sequence);
        jdbc.update("INSERT INTO debt_bond (district_code, fiscal_year, bond_id, type, kind, amount_fen, term_years, "
                        + "purpose, project_id, issued_on, sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.districtCode(), e.fiscalYear(), e.bondId(), e.type().name(), e.kind().name(), e.amountFen(),
                e.termYears() == null ? "" : String.join(",", e.termYears().stream().map(String::valueOf).toList()),
                e.purpose(), e.projectId(), e.date(), sequence);
    }

    @EventHandler
    void on(BondPrincipalRepaid e, @SequenceNumber long sequence) {
        add("principal_fen", e.amountFen(), e.districtCode(), e.fiscalYear(), e.type(), sequence);
    }

    @EventHandler
    void on(BondInterestPaid e, @SequenceNumber long sequence) {
        add("interest_fen", e.amountFen(), e.districtCode(), e.fiscalYear(), e.type(), sequence);
    }

    private void set(String column, long fen, String district, int year, DebtType type, long sequence) {
        upsert(column, "EXCLUDED." + column, fen, district, year, type, sequence);
    }

    private void add(String column, long fen, String district, int year, DebtType type, long sequence) {
        upsert(column, "debt_figures." + column + " + EXCLUDED." + column, fen, district, year, type, sequence);
    }

    private void upsert(String column, String newValue, long fen, String district, int year, DebtType type,
                        long sequence) {
        jdbc.update("INSERT INTO debt_figures (district_code, fiscal_year, type, " + column + ") VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (district_code, fiscal_year, type) DO UPDATE SET " + column + " = " + newValue,
                district, year, type.name(), fen);
        jdbc.update("INSERT INTO debt_version (district_code, fiscal_year, version) VALUES (?, ?, ?) "
                + "ON CONFLICT (district_code, fiscal_year) DO UPDATE SET version = EXCLUDED.version", district, year,
                sequence);
    }

    public Year year(String districtCode, int fiscalYear) {
        Map<DebtType, DebtFigures> byType = new EnumMap<>(DebtType.class);
        for (DebtType t : DebtType.values()) {
            byType.put(t, DebtFigures.NONE);
        }
        jdbc.query("SELECT * FROM debt_figures WHERE district_code = ? AND fiscal_year = ?", rs -> {
            byType.put(DebtType.valueOf(rs.getString("type")), new DebtFigures(rs.getLong("opening_fen"),
                    (Long) rs.getObject("limit_fen"), rs.getLong("new_bonds_fen"), rs.getLong("refinancing_fen"),
                    rs.getLong("principal_fen"), rs.getLong("interest_fen")));
        }, districtCode, fiscalYear);
        List<Bond> bonds = jdbc.query("SELECT * FROM debt_bond WHERE district_code = ? AND fiscal_year = ? "
                        + "ORDER BY sequence", (rs, i) -> new Bond(rs.getString("bond_id"),
                        DebtType.valueOf(rs.getString("type")), BondKind.valueOf(rs.getString("kind")),
                        rs.getLong("amount_fen"), rs.getString("term_years"), rs.getString("purpose"),
                        rs.getString("project_id"), rs.getObject("issued_on", LocalDate.class)),
                districtCode, fiscalYear);
        long version = jdbc.query("SELECT version FROM debt_version WHERE district_code = ? AND fiscal_year = ?",
                (rs, i) -> rs.getLong(1), districtCode, fiscalYear).stream().findFirst().orElse(-1L);
        return new Year(byType, bonds, version);
    }
}
