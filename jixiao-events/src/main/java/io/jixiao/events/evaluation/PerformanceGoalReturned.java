package io.jixiao.events.evaluation;

import java.util.List;

/** 退回: the goal was returned to the unit with reasons. */
public record PerformanceGoalReturned(String districtCode, String goalId, List<String> reasons) {
}
