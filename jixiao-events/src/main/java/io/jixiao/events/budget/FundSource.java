package io.jixiao.events.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 资金来源 of an appropriation. */
public enum FundSource implements Labelled {
    GENERAL_PUBLIC_BUDGET("一般公共预算"),
    GOVERNMENT_FUND("政府性基金"),
    STATE_CAPITAL("国有资本经营"),
    SPECIAL_ACCOUNT("专户"),
    HIGHER_LEVEL_TRANSFER("上级转移支付"),
    OTHER("其他");

    private final String label;

    FundSource(String label) {
        this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static FundSource of(String text) {
        return Labelled.parse(FundSource.class, text);
    }
}
