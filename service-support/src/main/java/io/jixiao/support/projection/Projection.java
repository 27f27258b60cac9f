package io.jixiao.support.projection;

import io.jixiao.events.EventEnvelope;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model fed from Kafka. {@link #apply} runs inside the transaction that also stores the
 * consumed offsets and, unless the projection {@link #deduplicatesItself() deduplicates itself}, the event id,
 * so a row is written once per event, whatever Kafka redelivers.
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

    /**
     * True when the projection's own rows make an event's effect happen once: every event it uses writes a row
     * under a unique key that identifies the event (its id, or its aggregate and sequence) with
     * {@code ON CONFLICT DO NOTHING}, and anything else it changes (a sum) changes only for the events whose row
     * was new. The runner then keeps no {@code projection_applied_event} row per event
     * (docs/decisions/0006-projections-that-deduplicate-themselves.md); repeats inside one poll are still passed
     * over by the runner. {@link #apply} and {@link #applyAll} must then be safe to call again with an event
     * already applied.
     */
    default boolean deduplicatesItself() {
        return false;
    }

    /** The tables emptied before a rebuild from the start of the topics. */
    List<String> tables();

    /**
     * A projection written set-wise whose own rows make each event's effect happen once ({@link #deduplicatesItself}):
     * it implements {@link #applyAll}, and one event is a batch of one.
     */
    interface SetWise extends Projection {
        @Override
        void applyAll(List<EventEnvelope> events, JdbcTemplate jdbc);

        @Override
        default void apply(EventEnvelope event, JdbcTemplate jdbc) {
            applyAll(List.of(event), jdbc);
        }

        @Override
        default boolean deduplicatesItself() {
            return true;
        }
    }
}
