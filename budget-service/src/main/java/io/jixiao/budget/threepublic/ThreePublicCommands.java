package io.jixiao.budget.threepublic;

import io.jixiao.budget.common.Ids;
import io.jixiao.events.budget.ThreePublicCategory;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Commands of the {@link ThreePublicBudget} aggregate (one unit's 三公经费 in one fiscal year). */
public final class ThreePublicCommands {
    private ThreePublicCommands() {
    }

    /** Sets the budget of one category (a later one replaces it). */
    public record BudgetThreePublic(@TargetAggregateIdentifier String key, String districtCode, String unitId,
                                    int fiscalYear, ThreePublicCategory category, long amountFen,
                                    @TargetAggregateVersion Long expectedVersion) {
    }

    /** Adds spending in one category. */
    public record RecordThreePublicSpending(@TargetAggregateIdentifier String key, String districtCode, String unitId,
                                            int fiscalYear, ThreePublicCategory category, long amountFen,
                                            LocalDate date, @TargetAggregateVersion Long expectedVersion) {
    }

    public static String key(String districtCode, String unitId, int fiscalYear) {
        return Ids.aggregateKey(Ids.THREE_PUBLIC, districtCode, unitId, fiscalYear);
    }
}
