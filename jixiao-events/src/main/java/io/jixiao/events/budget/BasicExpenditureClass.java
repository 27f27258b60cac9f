package io.jixiao.events.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 基本支出: 人员经费 or 公用经费. */
public enum BasicExpenditureClass implements Labelled {
    PERSONNEL("人员经费"),
    PUBLIC("公用经费");

    private final String label;

    BasicExpenditureClass(String label) {
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
    public static BasicExpenditureClass of(String text) {
        return Labelled.parse(BasicExpenditureClass.class, text);
    }
}
