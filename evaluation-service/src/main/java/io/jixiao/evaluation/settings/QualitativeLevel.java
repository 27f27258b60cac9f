package io.jixiao.evaluation.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** How far a qualitative indicator was met (docs/rules.md). */
public enum QualitativeLevel implements Labelled {
    ACHIEVED("达成"),
    PARTLY_ACHIEVED("部分达成"),
    NOT_ACHIEVED("未达成");

    private final String label;

    QualitativeLevel(String label) {
        this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static QualitativeLevel of(String text) {
        return Labelled.parse(QualitativeLevel.class, text);
    }
}
