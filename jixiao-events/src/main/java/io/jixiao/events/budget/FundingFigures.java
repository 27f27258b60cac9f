package io.jixiao.events.budget;

/**
 * A project's money in fen, and the one definition of how each published event moves it
 * (every service that derives these figures folds events through {@link #after}):
 * full-year budget (全年预算数) = 年初预算 + 结转 + 调整; available = budget − spent. A reversal (红字冲销,
 * {@link EntryReversed}) takes its original's amount off the figure the original moved.
 */
public record FundingFigures(long appropriated, long carriedOver, long adjusted, long spent) {
    public static final FundingFigures NONE = new FundingFigures(0, 0, 0, 0);

    public long budget() {
        return appropriated + carriedOver + adjusted;
    }

    public long available() {
        return budget() - spent;
    }

    /** The figures after {@code event}; events that do not move money leave them as they are. */
    public FundingFigures after(Object event) {
        if (event instanceof BudgetAppropriated e) {
            return new FundingFigures(appropriated + e.amountFen(), carriedOver, adjusted, spent);
        }
        if (event instanceof FundsCarriedOver e) {
            return new FundingFigures(appropriated, carriedOver + e.amountFen(), adjusted, spent);
        }
        if (event instanceof BudgetAdjusted e) {
            return new FundingFigures(appropriated, carriedOver, adjusted + e.amountFen(), spent);
        }
        if (event instanceof ExpenditureRecorded e) {
            return new FundingFigures(appropriated, carriedOver, adjusted, spent + e.amountFen());
        }
        if (event instanceof EntryReversed e) {
            return reversed(e.kind(), e.amountFen());
        }
        return this;
    }

    /** 红字冲销: the figure the original entry moved, without it. */
    private FundingFigures reversed(MoneyEntryKind kind, long amountFen) {
        return switch (kind) {
            case APPROPRIATION -> new FundingFigures(appropriated - amountFen, carriedOver, adjusted, spent);
            case CARRY_OVER -> new FundingFigures(appropriated, carriedOver - amountFen, adjusted, spent);
            case ADJUSTMENT -> new FundingFigures(appropriated, carriedOver, adjusted - amountFen, spent);
            case EXPENDITURE -> new FundingFigures(appropriated, carriedOver, adjusted, spent - amountFen);
        };
    }
}
