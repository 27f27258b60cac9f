package io.jixiao.events.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 调整依据: why a budget was adjusted. */
public enum AdjustmentBasis implements Labelled {
    MID_YEAR("年中调整"),
    EVALUATION_RESULT("评价结果应用"),
    TRANSFER("上级转移支付"),
    OTHER("其他");

    private final String label;

    AdjustmentBasis(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** On the wire the basis travels by its code ({@code MID_YEAR}), as docs/design.md's API names it. */
    @JsonValue
    public String code() {
        return name();
    }

    @JsonCreator
    public static AdjustmentBasis of(String text) {
        return Labelled.parse(AdjustmentBasis.class, text);
    }
}
