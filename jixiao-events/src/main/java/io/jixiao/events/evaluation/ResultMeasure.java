package io.jixiao.events.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 结果应用 measure applied to next year's budget. */
public enum ResultMeasure implements Labelled {
    KEY_GUARANTEE("重点保障"),
    PRIORITY_GUARANTEE("优先保障"),
    REDUCE("减少安排"),
    CANCEL("取消安排");

    private final String label;

    ResultMeasure(String label) {
        this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static ResultMeasure of(String text) {
        return Labelled.parse(ResultMeasure.class, text);
    }
}
