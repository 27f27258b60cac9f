package io.jixiao.events.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 政府债务: 一般债务 or 专项债务. */
public enum DebtType implements Labelled {
    GENERAL("一般债务"),
    SPECIAL("专项债务");

    private final String label;

    DebtType(String label) {
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
    public static DebtType of(String text) {
        return Labelled.parse(DebtType.class, text);
    }
}
