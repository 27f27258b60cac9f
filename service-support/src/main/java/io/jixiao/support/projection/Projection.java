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

    /** The tables emptied before a rebuild from the start of the topics. */
    List<String> tables();
}
