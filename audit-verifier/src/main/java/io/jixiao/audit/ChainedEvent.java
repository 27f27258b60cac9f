package io.jixiao.audit;

/**
 * One stored event as the hash chain sees it: the columns of the event store's row (Axon's
 * {@code domainevententry}), byte for byte, plus the two chain columns. Nullable: {@code type},
 * {@code payloadRevision}, {@code metadata}, {@code previousHash} (null only for an aggregate's first event).
 *
 * @param globalIndex     the row's position in the whole store (not hashed: it only orders the export)
 * @param aggregateId     the aggregate (stream) the event belongs to
 * @param sequence        its position in the aggregate, from 0 without gaps
 * @param type            the aggregate type, e.g. {@code Project}
 * @param eventId         the event's unique id
 * @param payloadType     the Java type of the payload
 * @param payloadRevision the payload's revision, if any
 * @param timestamp       the stored timestamp text (ISO-8601, as stored)
 * @param metadata        the stored metadata bytes (JSON)
 * @param payload         the stored payload bytes (JSON)
 * @param previousHash    the stored hash of the previous event of the aggregate (32 bytes)
 * @param hash            the stored hash of this event (32 bytes)
 */
public record ChainedEvent(long globalIndex, String aggregateId, long sequence, String type, String eventId,
                           String payloadType, String payloadRevision, String timestamp, byte[] metadata,
                           byte[] payload, byte[] previousHash, byte[] hash) {
}
