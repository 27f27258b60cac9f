package io.jixiao.evaluation.goal;

import io.jixiao.evaluation.goal.GoalView.GoalRecord;
import io.jixiao.support.personal.Contacts;
import io.jixiao.events.Money;
import io.jixiao.events.evaluation.Indicator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the goal API: money as yuan strings with two decimals. */
public final class GoalResponses {
    private GoalResponses() {
    }

    public record IndicatorState(String l1, String l2, String l3, String cmp, String target, String unit,
                                 String weight) {
        static IndicatorState of(Indicator i) {
            return new IndicatorState(i.l1(), i.l2(), i.l3(), i.comparator().label(), i.target(), i.unit(),
                    i.weight().toPlainString());
        }
    }

    /**
     * A goal as recorded. {@code weightSum}: indicator weights + budgetExecutionWeight; {@code weightsComplete}:
     * whether that reaches the total of the district's rules in force. {@code contacts}: the form's 填报人, 联系人,
     * 联系电话 (absent when it named none; 已删除 once the person was erased).
     */
    public record GoalState(String districtCode, String goalId, String scope, String projectId, String unitId,
                            int fiscalYear, String amount, List<IndicatorState> indicators,
                            String budgetExecutionWeight, String declaredProjectSpending, String weightSum,
                            boolean weightsComplete, String status, LocalDate approvedOn, List<String> returnReasons,
                            int revisions, String lastRevisionReason, String ruleVersion, long version,
                            Instant declaredAt, Instant updatedAt, Contacts.State contacts) {
        static GoalState of(GoalRecord g, BigDecimal weightTotal, Contacts.State contacts) {
            return new GoalState(g.districtCode(), g.goalId(), g.scope().name(), g.projectId(), g.unitId(),
                    g.fiscalYear(), Money.yuan(g.amountFen()), g.indicators().stream().map(IndicatorState::of).toList(),
                    g.budgetExecutionWeight() == null ? null : g.budgetExecutionWeight().toPlainString(),
                    g.declaredProjectSpendingFen() == null ? null : Money.yuan(g.declaredProjectSpendingFen()),
                    g.weightSum().toPlainString(), g.weightSum().compareTo(weightTotal) == 0, g.status().name(),
                    g.approvedOn(), g.returnReasons(), g.revisions(), g.lastRevisionReason(), g.ruleVersion(),
                    g.version(), g.declaredAt(), g.updatedAt(), contacts);
        }
    }
}
