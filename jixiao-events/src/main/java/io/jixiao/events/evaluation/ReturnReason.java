package io.jixiao.events.evaluation;

/**
 * Why FINANCE returned one row of a self-evaluation: {@code l3} is the level-3 indicator as scored (or
 * {@link #BUDGET_EXECUTION} for the 预算执行率 row), {@code reason} what the unit must revise.
 */
public record ReturnReason(String l3, String reason) {
    /** The budget execution row's name where a reason concerns it. */
    public static final String BUDGET_EXECUTION = "预算执行率";
}
