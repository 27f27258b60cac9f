package io.jixiao.events.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 评价等级 (docs/rules.md: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60). */
public enum Grade implements Labelled {
    EXCELLENT("优"),
    GOOD("良"),
    FAIR("中"),
    POOR("差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Grade of(String text) {
        return Labelled.parse(Grade.class, text);
    }
}
