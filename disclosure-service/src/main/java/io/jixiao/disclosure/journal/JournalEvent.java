package io.jixiao.disclosure.journal;

import java.time.Instant;
import java.util.Comparator;

/**
 * One event of a district's journal, its payload already decoded to the published record
 * (or to one of disclosure-service's own events). The fold reads nothing else. {@code actor}: the subject id of the
 * envelope's metadata, read only for the events whose report lines name their actors (整改, 红字冲销), else null.
 */
public record JournalEvent(String eventId, String type, String aggregateId, long sequence, Instant occurredAt,
                           Object payload, String actor) {

    /** An event whose actor the fold does not use. */
    public JournalEvent(String eventId, String type, String aggregateId, long sequence, Instant occurredAt,
                        Object payload) {
        this(eventId, type, aggregateId, sequence, occurredAt, payload, null);
    }

    /** The journal's order: by time, then each aggregate's own sequence, then id (what the SQL reader uses too). */
    public static final Comparator<JournalEvent> ORDER = Comparator.comparing(JournalEvent::occurredAt)
            .thenComparing(JournalEvent::aggregateId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(JournalEvent::sequence)
            .thenComparing(JournalEvent::eventId);
}
