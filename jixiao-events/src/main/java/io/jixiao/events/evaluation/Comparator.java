package io.jixiao.events.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** How an indicator's actual value is compared with its target. */
public enum Comparator implements Labelled {
    AT_LEAST(">="),
    AT_MOST("<="),
    EXACTLY("="),
    QUALITATIVE("qualitative");

    private final String label;

    Comparator(String label) {
        this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Comparator of(String text) {
        return Labelled.parse(Comparator.class, text);
    }
}
