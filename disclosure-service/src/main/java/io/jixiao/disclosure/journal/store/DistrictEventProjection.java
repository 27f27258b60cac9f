package io.jixiao.disclosure.journal.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.disclosure.journal.EventCodec;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.events.evaluation.PersonalDataErased;
import io.jixiao.support.personal.JdbcPersonalKeyStore;
import io.jixiao.support.projection.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The district journal's Kafka side: every event of {@code budget.events} and {@code evaluation.events} becomes
 * one {@code district_event} row (source {@code topics}), in the runner's transaction with the offsets. A payload
 * that does not read as its type, or an event without a district, is refused and so parked by the runner.
 * Types this service does not know yet are kept too: the fold passes over them until it learns them. A
 * {@code PersonalDataErased} also deletes this service's data key of that person (加密删除) in the same transaction;
 * repeating it deletes nothing more.
 */
@Component
public class DistrictEventProjection implements Projection {
    public static final String NAME = "district-journal";
    private static final Pattern DISTRICT = Pattern.compile(io.jixiao.events.DistrictCode.PATTERN);
    private final EventCodec codec = EventCodec.shared();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BUDGET_EVENTS, Topics.EVALUATION_EVENTS);
    }

    /** Only the Kafka-fed partition: a rebuild keeps the rows of disclosure-service's own events. */
    @Override
    public List<String> tables() {
        return List.of(DistrictJournal.TOPICS_PARTITION);
    }

    /**
     * One row per event, unique by (district, occurred_at, aggregate, sequence, event id, source): a repeat of an
     * event has the same values and inserts nothing.
     */
    @Override
    public boolean deduplicatesItself() {
        return true;
    }

    @Override
    public void apply(EventEnvelope event, JdbcTemplate jdbc) {
        DistrictJournal.append(jdbc, row(event));
        destroyKeyOfErased(event, jdbc);
    }

    /** The batch as one multi-row insert; one refused event fails it (the runner then parks that one alone). */
    @Override
    public void applyAll(List<EventEnvelope> events, JdbcTemplate jdbc) {
        List<DistrictJournal.Row> rows = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            rows.add(row(event));
        }
        DistrictJournal.appendAll(jdbc, rows);
        for (EventEnvelope event : events) {
            destroyKeyOfErased(event, jdbc);
        }
    }

    private void destroyKeyOfErased(EventEnvelope event, JdbcTemplate jdbc) {
        if (PersonalDataErased.class.getSimpleName().equals(event.type())) {
            PersonalDataErased erased = (PersonalDataErased) codec.decode(event.type(), event.payload()).orElseThrow();
            new JdbcPersonalKeyStore(jdbc).delete(erased.districtCode(), erased.personId());
        }
    }

    private DistrictJournal.Row row(EventEnvelope event) {
        JsonNode payload = event.payload();
        codec.decode(event.type(), payload);  // a malformed payload throws here: parked, nothing written
        if (payload == null || !payload.isObject()) {
            throw new EventCodec.MalformedEvent(event.type() + " " + event.eventId() + " has no payload object");
        }
        String district = event.metadata() != null && event.metadata().districtCode() != null
                ? event.metadata().districtCode() : payload.path("districtCode").asText(null);
        if (district == null || !DISTRICT.matcher(district).matches()) {
            throw new EventCodec.MalformedEvent(event.type() + " " + event.eventId()
                    + " names no 6-digit district (metadata.districtCode or payload.districtCode)");
        }
        if (event.aggregateId() == null || event.aggregateId().isBlank()) {
            // the journal's unique key holds the aggregate: without one a repeat could not be told apart
            throw new EventCodec.MalformedEvent(event.type() + " " + event.eventId() + " has no aggregateId");
        }
        if (event.occurredAt() == null) {
            throw new EventCodec.MalformedEvent(event.type() + " " + event.eventId() + " has no occurredAt");
        }
        return new DistrictJournal.Row(event.eventId(), DistrictJournal.TOPICS, district,
                topicOf(event.type()), event.type(), event.aggregateType(), event.aggregateId(), event.sequence(),
                event.occurredAt(), payload.toString(),
                event.metadata() == null ? null : codec.encode(event.metadata()));
    }

    /**
     * The topic an event type is published on ({@link Projection#apply} is not told the record's topic; the
     * published language assigns each type to one topic).
     */
    static String topicOf(String type) {
        if (EventTypes.BUDGET.stream().anyMatch(t -> t.getSimpleName().equals(type))) {
            return Topics.BUDGET_EVENTS;
        }
        if (EventTypes.EVALUATION.stream().anyMatch(t -> t.getSimpleName().equals(type))) {
            return Topics.EVALUATION_EVENTS;
        }
        return "unknown";
    }
}
