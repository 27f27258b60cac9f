package io.jixiao.disclosure.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.jixiao.events.Labelled;

/**
 * What a disclosure package publishes: a unit's performance goals (with its budget) or its self-evaluation. Written
 * as its name (Jackson's default for an enum); read from its name or its label.
 */
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

    @JsonCreator
    public static DisclosureKind of(String text) {
        return Labelled.parse(DisclosureKind.class, text);
    }
}
