package io.jixiao.events.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jixiao.events.Labelled;

/** 绩效监控 tier. */
public enum MonitoringMode implements Labelled {
    SELF("单位自行监控"),
    FINANCE_KEY("财政重点监控");

    private final String label;

    MonitoringMode(String label) {
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
    public static MonitoringMode of(String text) {
        return Labelled.parse(MonitoringMode.class, text);
    }
}
