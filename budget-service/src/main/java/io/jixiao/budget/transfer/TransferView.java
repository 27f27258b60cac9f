package io.jixiao.budget.transfer;

import io.jixiao.events.budget.TransferKind;
import io.jixiao.events.budget.TransferReceived;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Transfers per district, year and kind; a subscribing processor in the command's transaction. */
@Component
@ProcessingGroup("transfers")
public class TransferView {
    private final JdbcTemplate jdbc;

    public TransferView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per kind: {amount fen, count}; version of the district-year aggregate (-1 before its first event). */
    public record Totals(Map<TransferKind, long[]> byKind, long version) {
    }

    @EventHandler
    void on(TransferReceived e, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO transfer_total (district_code, fiscal_year, kind, amount_fen, transfers) "
                + "VALUES (?, ?, ?, ?, 1) ON CONFLICT (district_code, fiscal_year, kind) DO UPDATE SET "
                + "amount_fen = transfer_total.amount_fen + EXCLUDED.amount_fen, "
                + "transfers = transfer_total.transfers + 1", e.districtCode(), e.fiscalYear(), e.kind().name(),
                e.amountFen());
        jdbc.update("INSERT INTO transfer_version (district_code, fiscal_year, version) VALUES (?, ?, ?) "
                + "ON CONFLICT (district_code, fiscal_year) DO UPDATE SET version = EXCLUDED.version",
                e.districtCode(), e.fiscalYear(), sequence);
    }

    public Totals totals(String districtCode, int fiscalYear) {
        Map<TransferKind, long[]> byKind = new EnumMap<>(TransferKind.class);
        for (TransferKind k : TransferKind.values()) {
            byKind.put(k, new long[2]);
        }
        jdbc.query("SELECT kind, amount_fen, transfers FROM transfer_total WHERE district_code = ? AND fiscal_year = ?",
                rs -> {
                    long[] t = byKind.get(TransferKind.valueOf(rs.getString("kind")));
                    t[0] = rs.getLong("amount_fen");
                    t[1] = rs.getLong("transfers");
                }, districtCode, fiscalYear);
        Long version = jdbc.query("SELECT version FROM transfer_version WHERE district_code = ? AND fiscal_year = ?",
                (rs, i) -> rs.getLong(1), districtCode, fiscalYear).stream().findFirst().orElse(-1L);
        return new Totals(byKind, version);
    }
}
