package io.jixiao.budget.threepublic;

import io.jixiao.events.Money;
import java.util.List;

/** Response bodies of the 三公经费 API: yuan strings with two decimals; saved = budget − spent. */
public final class ThreePublicResponses {
    private ThreePublicResponses() {
    }

    public record Line(String category, String budget, String spent, String saved, boolean overBudget) {
        static Line of(String category, long budgetFen, long spentFen) {
            return new Line(category, Money.yuan(budgetFen), Money.yuan(spentFen), Money.yuan(budgetFen - spentFen),
                    spentFen > budgetFen);
        }
    }

    /** @param version the unit-year's version (If-Match for its next command) */
    public record UnitLines(String unitId, long version, List<Line> lines, Line total) {
    }

    /**
     * @param categories district totals per category
     * @param vehicles   公务用车购置及运行维护费: purchase + operation
     * @param total      三公经费 total
     */
    public record ThreePublicState(String districtCode, int fiscalYear, List<UnitLines> units, List<Line> categories,
                                   Line vehicles, Line total) {
    }

    public record CommandResult(long sequence, boolean replayed, ThreePublicState state) {
    }
}
