package io.jixiao.events.evaluation;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 监控结果处理: what the finance bureau decides about a flagged deviation's money (docs/rules.md). */
@Labelled.TravelsByCode
public enum MonitoringDecisionKind implements Labelled {
    /** No further spending on the project until 恢复支付. */
    @Label("暂缓支付") SUSPEND_PAYMENTS,
    /** A signed change of the project's budget. */
    @Label("调整") ADJUST,
    /** Part of the unspent budget taken back: a negative change. */
    @Label("收回") WITHDRAW,
    /** Ends a 暂缓支付 of the project. */
    @Label("恢复支付") RESUME_PAYMENTS;

    /** True for the kinds that change the budget (ADJUST, WITHDRAW). */
    public boolean movesMoney() {
        return this == ADJUST || this == WITHDRAW;
    }
}
