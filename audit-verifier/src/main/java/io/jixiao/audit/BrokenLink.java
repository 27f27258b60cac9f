package io.jixiao.audit;

/**
 * The first place where a chain does not hold: which event (and the one before it in its aggregate), which field,
 * what was expected and what was found.
 *
 * @param aggregateId     the aggregate whose chain breaks
 * @param sequence        the sequence number found on the breaking event
 * @param eventId         the breaking event's id
 * @param globalIndex     its row in the store (or in the export)
 * @param previousEventId the event before it in the aggregate (null for the first)
 * @param field           {@code sequence} (a gap or reordering: an event removed or moved), {@code previousHash}
 *                        (the event does not link to the one before it: removed, swapped or inserted), or
 *                        {@code hash} (the event's content does not hash to its stored hash: altered)
 * @param expected        what an intact chain holds there
 * @param found           what is stored
 * @param explanation     the same in words
 */
public record BrokenLink(String aggregateId, long sequence, String eventId, long globalIndex, String previousEventId,
                         String field, String expected, String found, String explanation) {

    @Override
    public String toString() {
        return "BROKEN at aggregate " + aggregateId + " sequence " + sequence + " event " + eventId
                + " (row " + globalIndex + ", previous event " + previousEventId + "): field " + field
                + " expected " + expected + " found " + found + " — " + explanation;
    }
}
