package io.jixiao.events.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 新增债券 or 再融资债券. */
public enum BondKind implements Labelled {
    NEW("新增债券"),
    REFINANCING("再融资债券");

    private final String label;

    BondKind(String label) {
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
    public static BondKind of(String text) {
        return Labelled.parse(BondKind.class, text);
    }
}
