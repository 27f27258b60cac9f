package io.jixiao.evaluation.goal.monitoring;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.events.Money;
import io.jixiao.events.evaluation.MonitoringDecisionKind;
import io.jixiao.support.domain.RuleViolation;

/**
 * The rules of a 监控结果处理 decision (docs/rules.md), as pure functions the {@link GoalMonitoring} member applies:
 * which amount each kind takes, the signed budget change it asks for, a withdrawal within the unspent budget, and
 * payments suspended at most once before they are resumed.
 */
final class MonitoringDecisionRules {
    static final String INVALID = "MONITORING_DECISION_INVALID";

    private MonitoringDecisionRules() {
    }

    /** The signed budget change a decision asks for: the amount for ADJUST, minus it for WITHDRAW, else 0. */
    static long budgetChangeFen(MonitoringDecisionKind kind, Long amountFen) {
        if (kind == null || amountFen == null) {
            return 0;
        }
        return switch (kind) {
            case ADJUST -> amountFen;
            case WITHDRAW -> -amountFen;
            case SUSPEND_PAYMENTS, RESUME_PAYMENTS -> 0;
        };
    }

    /**
     * Field problems of the amount (422 {@value #INVALID}): required and not 0 for ADJUST, required and positive for
     * WITHDRAW, absent for SUSPEND_PAYMENTS and RESUME_PAYMENTS.
     */
    static void checkAmount(MonitoringDecisionKind kind, Long amountFen, InvalidInput.Collector problems) {
        if (kind == null) {
            problems.add("kind", "one of SUSPEND_PAYMENTS (暂缓支付), ADJUST (调整), WITHDRAW (收回), RESUME_PAYMENTS (恢复支付)");
            return;
        }
        if (kind.movesMoney() && amountFen == null) {
            problems.add("amount", "required for " + kind + " (" + kind.label() + ")");
        } else if (kind == MonitoringDecisionKind.ADJUST && amountFen == 0) {
            problems.add("amount", "an adjustment (调整) must change the budget: not 0");
        } else if (kind == MonitoringDecisionKind.WITHDRAW && amountFen <= 0) {
            problems.add("amount", "the amount withdrawn (收回) must be positive");
        } else if (!kind.movesMoney() && amountFen != null) {
            problems.add("amount", kind + " (" + kind.label() + ") moves no money: leave the amount out");
        }
    }

    /**
     * A withdrawal takes back at most the project's unspent budget (full-year budget − spent, from budget-service's
     * events): 422 WITHDRAWAL_ABOVE_UNSPENT otherwise. {@code unspentFen} is null when the budget is not known.
     */
    static void checkWithdrawal(long amountFen, long unspentFen) {
        if (amountFen > unspentFen) {
            throw new RuleViolation("WITHDRAWAL_ABOVE_UNSPENT", "amount", "withdrawing " + Money.yuan(amountFen)
                    + " yuan exceeds the project's unspent budget of " + Money.yuan(unspentFen) + " yuan");
        }
    }

    /** 暂缓支付 only while payments flow, 恢复支付 only while suspended (by a decision on this goal). */
    static void checkSuspension(MonitoringDecisionKind kind, boolean suspended) {
        if (kind == MonitoringDecisionKind.SUSPEND_PAYMENTS && suspended) {
            throw new RuleViolation("PAYMENTS_ALREADY_SUSPENDED", "kind", "the project's payments are already "
                    + "suspended (暂缓支付); resume them first");
        }
        if (kind == MonitoringDecisionKind.RESUME_PAYMENTS && !suspended) {
            throw new RuleViolation("PAYMENTS_NOT_SUSPENDED", "kind", "the project's payments are not suspended; "
                    + "there is nothing to resume (恢复支付)");
        }
    }
}
