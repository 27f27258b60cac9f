package io.jixiao.events.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 三公经费 categories. */
public enum ThreePublicCategory implements Labelled {
    OVERSEAS_TRAVEL("因公出国(境)"),
    VEHICLE_PURCHASE("公务用车购置"),
    VEHICLE_OPERATION("公务用车运行维护"),
    OFFICIAL_RECEPTION("公务接待");

    private final String label;

    ThreePublicCategory(String label) {
        this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static ThreePublicCategory of(String text) {
        return Labelled.parse(ThreePublicCategory.class, text);
    }
}
