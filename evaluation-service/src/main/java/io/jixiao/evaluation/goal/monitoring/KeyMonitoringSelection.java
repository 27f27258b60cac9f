package io.jixiao.evaluation.goal.monitoring;

import io.jixiao.evaluation.settings.EvaluationRules.MonitoringRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Selecting projects for 财政重点监控 (docs/rules.md default): full-year budget ≥ 200 万元 and execution below 60 % at
 * the end of August. The comparison is exact (spent × 100 &lt; threshold × budget), not on rounded rates.
 */
public final class KeyMonitoringSelection {
    private KeyMonitoringSelection() {
    }

    public static boolean selected(long budgetFen, long spentToDateFen, MonitoringRules rules) {
        return budgetFen > 0 && budgetFen >= rules.keyMinBudgetFen()
                && BigDecimal.valueOf(spentToDateFen).multiply(BigDecimal.valueOf(100))
                .compareTo(rules.keyExecutionBelowPercent().multiply(BigDecimal.valueOf(budgetFen))) < 0;
    }

    /** The default selection date of a year: the last day of the rule's month (2023 → 2023-08-31). */
    public static LocalDate selectionDate(int year, MonitoringRules rules) {
        return YearMonth.of(year, rules.keyMonth()).atEndOfMonth();
    }
}
