package io.jixiao.events.budget;

/**
 * The four money entries of a project, by the figure each moves: 年初预算 (appropriation), 调整 (adjustment),
 * 结转 (carry-over), 支出 (expenditure). Travels by its code.
 */
public enum MoneyEntryKind {
    APPROPRIATION, ADJUSTMENT, CARRY_OVER, EXPENDITURE;

    /** The kind of a money event; null for any other event. */
    public static MoneyEntryKind of(Object event) {
        if (event instanceof BudgetAppropriated) {
            return APPROPRIATION;
        }
        if (event instanceof BudgetAdjusted) {
            return ADJUSTMENT;
        }
        if (event instanceof FundsCarriedOver) {
            return CARRY_OVER;
        }
        if (event instanceof ExpenditureRecorded) {
            return EXPENDITURE;
        }
        return null;
    }
}
