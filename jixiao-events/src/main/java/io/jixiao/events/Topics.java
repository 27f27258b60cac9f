package io.jixiao.events;

import java.util.Map;
import java.util.Optional;

/**
 * Kafka topics of the published language. Both keep events forever ({@code retention.ms=-1}).
 *
 * <p>Each topic has one owner, the only service that may write to it: the broker enforces that with ACLs
 * (the owner's Kafka principal is {@code User:<owner>}), and consumers check the {@link #PRODUCER_HEADER}
 * the publisher stamps on every record (docs/decisions/0008-kafka-topic-ownership.md).
 */
public final class Topics {
    public static final String BUDGET_EVENTS = "budget.events";
    public static final String EVALUATION_EVENTS = "evaluation.events";

    public static final String BUDGET_SERVICE = "budget-service";
    public static final String EVALUATION_SERVICE = "evaluation-service";

    /** Record header naming the service that produced the record (UTF-8), e.g. {@code budget-service}. */
    public static final String PRODUCER_HEADER = "jixiao-producer";

    /** Topic → the service that owns it (its {@code spring.application.name} and its Kafka user name). */
    public static final Map<String, String> OWNERS = Map.of(
            BUDGET_EVENTS, BUDGET_SERVICE,
            EVALUATION_EVENTS, EVALUATION_SERVICE);

    private Topics() {
    }

    /** The service that owns {@code topic}; empty for a topic outside the published language. */
    public static Optional<String> owner(String topic) {
        return Optional.ofNullable(OWNERS.get(topic));
    }
}
