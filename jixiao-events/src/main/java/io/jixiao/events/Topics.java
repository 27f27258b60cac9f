package io.jixiao.events;

/** Kafka topics of the published language. Both keep events forever ({@code retention.ms=-1}). */
public final class Topics {
    public static final String BUDGET_EVENTS = "budget.events";
    public static final String EVALUATION_EVENTS = "evaluation.events";

    private Topics() {
    }
}
