package io.jixiao.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What travels on Kafka: one stored event with its identity, position and metadata.
 * The record key on Kafka is {@link #aggregateId()}, so one aggregate's events stay in order.
 *
 * @param eventId       the event's id in the owning service's event store (consumers dedupe on it)
 * @param type          the published type name, e.g. {@code BudgetAdjusted} (see {@link EventTypes})
 * @param aggregateType e.g. {@code Project}
 * @param aggregateId   e.g. {@code 430203:czj-xxh}
 * @param sequence      the event's sequence number within its aggregate
 * @param occurredAt    when the event was stored (UTC)
 * @param metadata      who, why and under which request: see {@link EventMetadata}
 * @param payload       the event record as JSON (the stored payload, parsed)
 * @param link          the event's hash link: its stored bytes, its hash and its predecessors' ({@link EventLink});
 *                      consumers park an event without one or whose link does not hold ({@link EventLinks})
 */
public record EventEnvelope(
        String eventId,
        String type,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant occurredAt,
        EventMetadata metadata,
        JsonNode payload,
        EventLink link) {

    /** An envelope without a link yet: {@link EventLinks.Chain#link} gives it one (producers without a store). */
    public EventEnvelope(String eventId, String type, String aggregateType, String aggregateId, long sequence,
                         Instant occurredAt, EventMetadata metadata, JsonNode payload) {
        this(eventId, type, aggregateType, aggregateId, sequence, occurredAt, metadata, payload, null);
    }
}
