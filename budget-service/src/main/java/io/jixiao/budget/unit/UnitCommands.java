package io.jixiao.budget.unit;

import io.jixiao.budget.common.CommandLine;
import io.jixiao.budget.common.Ids;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.BasicExpenditureClass;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Commands of the {@link Unit} and {@link UnitBudget} aggregates. */
public final class UnitCommands {
    private UnitCommands() {
    }

    public record RegisterUnit(@TargetAggregateIdentifier String unitKey, String districtCode, String unitId,
                               String name, boolean aggregate, Integer staffingAuthorized, Integer staffingActual) {
    }

    /** 基本支出 年初预算 of a unit-year. */
    public record AppropriateBasicBudget(@TargetAggregateIdentifier String unitYearKey, String districtCode,
                                         String unitId, int fiscalYear, long amountFen, String docNo, LocalDate date,
                                         @TargetAggregateVersion Long expectedVersion) {
    }

    public record AdjustBasicBudget(@TargetAggregateIdentifier String unitYearKey, String districtCode, String unitId,
                                    int fiscalYear, long amountFen, AdjustmentBasis basis, String reason, String docNo,
                                    LocalDate date, @TargetAggregateVersion Long expectedVersion) {
    }

    public record RecordBasicExpenditure(@TargetAggregateIdentifier String unitYearKey, String districtCode,
                                         String unitId, int fiscalYear, BasicExpenditureClass expenditureClass,
                                         long amountFen, LocalDate date,
                                         @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Lines of one bulk import for one unit-year, in file order, recorded in one unit of work: each an
     * {@link AppropriateBasicBudget}, {@link AdjustBasicBudget} or {@link RecordBasicExpenditure} of that unit-year
     * without expected version, answered one {@link io.jixiao.budget.common.LineOutcome} each.
     */
    public record RecordUnitYearLines(@TargetAggregateIdentifier String unitYearKey, List<CommandLine> lines) {
        public RecordUnitYearLines {
            lines = List.copyOf(lines);
            for (CommandLine line : lines) {
                Object c = line.command();
                if (!(c instanceof AppropriateBasicBudget || c instanceof AdjustBasicBudget
                        || c instanceof RecordBasicExpenditure)) {
                    throw new IllegalArgumentException("not a basic-budget command of a unit-year: " + c);
                }
            }
        }
    }

    /** The aggregate id of a unit ({@code unit:430203:czj}). */
    public static String unitKey(String districtCode, String unitId) {
        return Ids.aggregateKey(Ids.UNIT, districtCode, unitId);
    }

    /** The aggregate id of a unit's basic budget for one fiscal year. */
    public static String unitYearKey(String districtCode, String unitId, int fiscalYear) {
        return Ids.aggregateKey(Ids.UNIT_YEAR, districtCode, unitId, fiscalYear);
    }
}
