package io.jixiao.events;

/**
 * The hash link of an event on Kafka: what the owning service's event store holds about it, byte for byte, so a
 * consumer can recompute the event's hash (docs/audit.md, the canonical form) and check that it follows the event
 * the consumer accepted before it in the same aggregate.
 *
 * @param payloadType               the stored payload type (the Java class name)
 * @param payloadRevision           the stored payload revision, or null
 * @param storedAt                  the stored timestamp text
 * @param metadata                  the stored metadata (JSON text, UTF-8 on the wire as stored)
 * @param payload                   the stored payload (JSON text); the envelope's {@code payload} is this, parsed
 * @param previousHash              the hash of the aggregate's event at {@code sequence - 1} (hex), null for 0
 * @param hash                      this event's hash (hex)
 * @param previousPublishedSequence the sequence of the aggregate's last <em>published</em> event before this one,
 *                                  or null when this is the aggregate's first on the topic (events marked
 *                                  unpublished stay in the store's chain but never reach Kafka)
 * @param previousPublishedHash     that event's hash (hex), or null
 */
public record EventLink(
        String payloadType,
        String payloadRevision,
        String storedAt,
        String metadata,
        String payload,
        String previousHash,
        String hash,
        Long previousPublishedSequence,
        String previousPublishedHash) {
}
