package io.jixiao.disclosure.publication;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** What a disclosure package publishes: a unit's performance goals (with its budget) or its self-evaluation. */
public enum DisclosureKind implements Labelled {
    GOALS("绩效目标"),
    SELF_EVALUATION("绩效自评");

    private final String label;

    DisclosureKind(String label) {
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
    public static DisclosureKind of(String text) {
        return Labelled.parse(DisclosureKind.class, text);
    }
}
