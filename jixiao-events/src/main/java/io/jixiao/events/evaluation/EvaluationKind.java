package io.jixiao.events.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 自评 or 重点评价. */
public enum EvaluationKind implements Labelled {
    SELF("自评"),
    KEY("重点评价");

    private final String label;

    EvaluationKind(String label) {
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
    public static EvaluationKind of(String text) {
        return Labelled.parse(EvaluationKind.class, text);
    }
}
