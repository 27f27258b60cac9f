package io.jixiao.events.evaluation;

import io.jixiao.events.ContactDetails;
import java.math.BigDecimal;
import java.util.List;

/**
 * A declared goal revised (before or after a return); replaces amount, indicator tree and the form's contacts
 * ({@code contacts}, sealed; null when the revised form names none).
 */
public record PerformanceGoalRevised(String districtCode, String goalId, long amountFen, List<Indicator> indicators,
                                     BigDecimal budgetExecutionWeight, Long declaredProjectSpendingFen, String reason,
                                     ContactDetails contacts) {

    public PerformanceGoalRevised(String districtCode, String goalId, long amountFen, List<Indicator> indicators,
                                  BigDecimal budgetExecutionWeight, Long declaredProjectSpendingFen, String reason) {
        this(districtCode, goalId, amountFen, indicators, budgetExecutionWeight, declaredProjectSpendingFen, reason,
                null);
    }
}
