package io.jixiao.events.evaluation;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** Whose goal: one project's, or a unit's overall spending (部门整体支出). */
@Labelled.TravelsByCode
public enum GoalScope implements Labelled {
    @Label("项目支出") PROJECT,
    @Label("部门整体支出") UNIT_OVERALL
}
