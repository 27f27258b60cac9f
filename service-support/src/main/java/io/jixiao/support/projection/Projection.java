package io.jixiao.support.projection;

import io.jixiao.events.EventEnvelope;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model fed from Kafka. {@link #apply} runs inside the transaction that also stores the
 * consumed offsets and the event id, so a row is written once per event, whatever Kafka redelivers.
 */
public interface Projection {
    /** Unique name: the consumer group and the key of its stored offsets. */
    String name();

    Set<String> topics();

    /** Applies one event; types the projection does not know are ignored (return quietly). */
    void apply(EventEnvelope event, JdbcTemplate jdbc);

    /**
     * Applies several events, in order, in one transaction (a poll of the runner; each event id occurs once).
     * Override with set-wise SQL for speed; the effect must be that of {@link #apply} on each in turn. If it
     * throws, nothing of the batch stays and the runner applies the events one by one with {@link #apply}.
     */
    default void applyAll(List<EventEnvelope> events, JdbcTemplate jdbc) {
        for (EventEnvelope event : events) {
            apply(event, jdbc);
        }
    }

    /** The tables emptied before a rebuild from the start of the topics. */
    List<String> tables();
}
