package io.jixiao.events.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** Whose goal: one project's, or a unit's overall spending (部门整体支出). */
public enum GoalScope implements Labelled {
    PROJECT("项目支出"),
    UNIT_OVERALL("部门整体支出");

    private final String label;

    GoalScope(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @JsonValue
    public String code() {
        return name();
    }

    @JsonCreator
    public static GoalScope of(String text) {
        return Labelled.parse(GoalScope.class, text);
    }
}
