package io.jixiao.evaluation.goal.monitoring;

import io.jixiao.evaluation.InvalidInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * 绩效运行监控 as pure functions: execution rate = spent to date ÷ full-year budget, time progress = months
 * elapsed ÷ 12 at the checkpoint, both as percentages with two decimals (HALF_UP); a project deviates when
 * execution trails time progress by more than the tolerance. The comparison uses the two-decimal figures the
 * observation records, so anyone can redo it from what is shown (66.67 − 35.00 = 31.67 &gt; 20).
 */
public final class ExecutionCheck {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private ExecutionCheck() {
    }

    public record Result(BigDecimal executionRate, BigDecimal timeProgress, BigDecimal gapPoints, boolean behind) {
    }

    public static Result at(LocalDate checkpoint, long budgetFen, long spentFen, BigDecimal tolerancePoints) {
        if (budgetFen <= 0) {
            throw new IllegalArgumentException("execution needs a positive full-year budget");
        }
        BigDecimal rate = executionRate(budgetFen, spentFen);
        BigDecimal progress = timeProgress(checkpoint);
        BigDecimal gap = progress.subtract(rate);
        return new Result(rate, progress, gap, gap.compareTo(tolerancePoints) > 0);
    }

    /** Spent ÷ budget in percent, two decimals: 210 of 600 → 35.00. */
    public static BigDecimal executionRate(long budgetFen, long spentFen) {
        return BigDecimal.valueOf(spentFen).multiply(HUNDRED).divide(BigDecimal.valueOf(budgetFen), 2,
                RoundingMode.HALF_UP);
    }

    /** Months elapsed ÷ 12 in percent, two decimals: 2023-08-31 → 66.67. */
    public static BigDecimal timeProgress(LocalDate checkpoint) {
        return BigDecimal.valueOf(monthsElapsed(checkpoint)).multiply(HUNDRED).divide(TWELVE, 2, RoundingMode.HALF_UP);
    }

    /** Whole months elapsed at the end of {@code date}: the month itself counts once its last day is reached. */
    public static int monthsElapsed(LocalDate date) {
        return date.getDayOfMonth() == date.lengthOfMonth() ? date.getMonthValue() : date.getMonthValue() - 1;
    }

    /**
     * The period of an observation: from ≤ to, both in the goal's fiscal year, ending on the last day of one of
     * the district's checkpoint months, recorded no earlier than its end.
     */
    public static void checkPeriod(LocalDate from, LocalDate to, LocalDate recordedOn, int fiscalYear,
                                   List<Integer> checkpointMonths, String ruleVersion, InvalidInput.Collector problems) {
        if (from.getYear() != fiscalYear) {
            problems.add("period.from", from + " is outside fiscal year " + fiscalYear + " of the goal");
        }
        if (to.getYear() != fiscalYear) {
            problems.add("period.to", to + " is outside fiscal year " + fiscalYear + " of the goal");
        } else if (to.getDayOfMonth() != to.lengthOfMonth() || !checkpointMonths.contains(to.getMonthValue())) {
            problems.add("period.to", to + " is not a checkpoint: rule version " + ruleVersion + " monitors 1–N月 "
                    + "periods ending on the last day of month " + checkpointMonths);
        }
        if (from.isAfter(to)) {
            problems.add("period.from", "the period starts (" + from + ") after it ends (" + to + ")");
        }
        if (recordedOn.isBefore(to)) {
            problems.add("recordedOn", recordedOn + " is before the end of the period (" + to + ")");
        }
    }
}
