package io.jixiao.budget.debt;

import io.jixiao.budget.common.Ids;
import io.jixiao.events.budget.BondKind;
import io.jixiao.events.budget.DebtType;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Commands of the {@link DistrictDebt} aggregate (one district's 政府债务 in one fiscal year). */
public final class DebtCommands {
    private DebtCommands() {
    }

    /** The balance of one type at the start of the year (a later one replaces it). */
    public record OpenDebtBalance(@TargetAggregateIdentifier String key, String districtCode, int fiscalYear,
                                  DebtType type, long amountFen, @TargetAggregateVersion Long expectedVersion) {
    }

    /** 债务限额 of one type (a later one replaces it). */
    public record SetDebtLimit(@TargetAggregateIdentifier String key, String districtCode, int fiscalYear,
                               DebtType type, long amountFen, @TargetAggregateVersion Long expectedVersion) {
    }

    public record IssueBond(@TargetAggregateIdentifier String key, String districtCode, int fiscalYear, String bondId,
                            DebtType type, BondKind kind, long amountFen, List<Integer> termYears, String purpose,
                            String projectId, LocalDate date, @TargetAggregateVersion Long expectedVersion) {
    }

    public record RepayPrincipal(@TargetAggregateIdentifier String key, String districtCode, int fiscalYear,
                                 DebtType type, long amountFen, String bondId, LocalDate date,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    public record PayInterest(@TargetAggregateIdentifier String key, String districtCode, int fiscalYear,
                              DebtType type, long amountFen, LocalDate date,
                              @TargetAggregateVersion Long expectedVersion) {
    }

    public static String key(String districtCode, int fiscalYear) {
        return Ids.aggregateKey(Ids.DEBT, districtCode, fiscalYear);
    }
}
