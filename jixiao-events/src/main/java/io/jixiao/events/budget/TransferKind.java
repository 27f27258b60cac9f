package io.jixiao.events.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 税收返还和转移支付: the kind of money received from the higher level. */
public enum TransferKind implements Labelled {
    TAX_REBATE("返还性"),
    GENERAL("一般性"),
    EARMARKED("专项");

    private final String label;

    TransferKind(String label) {
        this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static TransferKind of(String text) {
        return Labelled.parse(TransferKind.class, text);
    }
}
