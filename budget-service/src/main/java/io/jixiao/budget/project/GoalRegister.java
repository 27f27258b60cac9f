package io.jixiao.budget.project;

/**
 * 绩效目标是预算安排的前置条件: whether a district requires an approved performance goal before a
 * project's budget is appropriated, and whether one is known (learned from {@code evaluation.events}).
 * A domain port: the {@link Project} aggregate gets it as a command-handler parameter; a Spring bean
 * in the {@code evaluation} package implements it.
 */
public interface GoalRegister {
    /** The district setting {@code goalBeforeBudget} (on unless the district switched it off). */
    boolean goalRequired(String districtCode);

    /** An approved goal of scope PROJECT for this project and fiscal year is known. */
    boolean hasApprovedGoal(String districtCode, String projectId, int fiscalYear);
}
