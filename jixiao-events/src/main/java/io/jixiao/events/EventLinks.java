package io.jixiao.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.audit.CanonicalForm;
import io.jixiao.audit.ChainedEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an envelope's hash link on its own (docs/audit.md, "Consumers check the links"): it has one, its hash is
 * the SHA-256 of the canonical form of the stored bytes it carries, and its payload and metadata are those stored
 * bytes. Whether it follows the event a consumer accepted before it is the consumer's check (it alone remembers).
 */
public final class EventLinks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventLinks() {
    }

    /** The hash of the canonical form of what the envelope carries (the link's stored bytes and previous hash). */
    public static byte[] hash(EventEnvelope e) {
        EventLink l = e.link();
        return CanonicalForm.hash(new ChainedEvent(-1, e.aggregateId(), e.sequence(), e.aggregateType(), e.eventId(),
                l.payloadType(), l.payloadRevision(), l.storedAt(), bytes(l.metadata()), bytes(l.payload()),
                CanonicalForm.unhex(l.previousHash()), null));
    }

    /** What is wrong with the envelope's link taken alone; empty when it holds. */
    public static Optional<String> problem(EventEnvelope e) {
        EventLink l = e.link();
        if (l == null || l.hash() == null || l.payload() == null || l.storedAt() == null || l.payloadType() == null) {
            return Optional.of("no hash link (link.hash, link.payload, link.storedAt, link.payloadType): the event "
                    + "cannot be traced to the owner's event store");
        }
        if ((e.sequence() == 0) != (l.previousHash() == null)) {
            return Optional.of("link.previousHash " + l.previousHash() + " for sequence " + e.sequence()
                    + ": an aggregate's first event links to nothing, every other to its predecessor");
        }
        if ((l.previousPublishedSequence() == null) != (l.previousPublishedHash() == null)
                || (l.previousPublishedSequence() != null && l.previousPublishedSequence() >= e.sequence())) {
            return Optional.of("link.previousPublishedSequence " + l.previousPublishedSequence()
                    + " does not come before sequence " + e.sequence() + " or has no hash");
        }
        if (l.previousPublishedSequence() != null && l.previousPublishedSequence() == e.sequence() - 1
                && !Objects.equals(l.previousPublishedHash(), l.previousHash())) {
            return Optional.of("link.previousPublishedHash " + l.previousPublishedHash() + " is not link.previousHash "
                    + l.previousHash() + " though both name sequence " + (e.sequence() - 1));
        }
        String computed;
        try {
            computed = CanonicalForm.hex(hash(e));
        } catch (IllegalArgumentException notHex) {
            return Optional.of("link.previousHash is not hex: " + notHex.getMessage());
        }
        if (!computed.equals(l.hash())) {
            return Optional.of("link.hash " + l.hash() + " is not the hash of the stored bytes the event carries ("
                    + computed + "): the event was altered after it was stored");
        }
        try {
            if (!JSON.readTree(l.payload()).equals(e.payload())) {
                return Optional.of("the payload is not the stored payload the hash covers: the event was altered");
            }
            Map<String, Object> stored = l.metadata() == null ? Map.of()
                    : JSON.readValue(l.metadata(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
            EventMetadata carried = e.metadata() == null ? EventMetadata.from(Map.of()) : e.metadata();
            if (!EventMetadata.from(stored).equals(carried)) {
                return Optional.of("the metadata is not the stored metadata the hash covers: the event was altered");
            }
        } catch (JsonProcessingException notJson) {
            return Optional.of("the stored payload or metadata is not JSON: " + notJson.getOriginalMessage());
        }
        return Optional.empty();
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Links envelopes as an event store would, for producers without one (tests, the fault suite, benchmarks): each
     * envelope of an aggregate links to the one linked before it. The payload and metadata are stored as Jackson
     * writes them, the time as {@link java.time.Instant#toString()}. It keeps one link per aggregate; a producer
     * that sends an event again (a redelivery) sends the envelope it was given the first time.
     */
    public static final class Chain {
        private final Map<String, EventLink> last = new HashMap<>();
        private final Map<String, Long> lastSequence = new HashMap<>();

        /** The envelope with its link, following the last envelope this chain linked for the aggregate. */
        public synchronized EventEnvelope link(EventEnvelope e) {
            EventLink before = last.get(e.aggregateId());
            return link(e, before == null ? null : lastSequence.get(e.aggregateId()),
                    before == null ? null : before.hash());
        }

        /** The envelope with a link to the given previous published event (null, null: the aggregate's first). */
        public synchronized EventEnvelope link(EventEnvelope e, Long previousSequence, String previousHash) {
            try {
                String payload = JSON.writeValueAsString(e.payload());
                String metadata = JSON.writeValueAsString(e.metadata() == null ? Map.of() : e.metadata().asMap());
                Class<?> type = EventTypes.byName(e.type()).orElse(null);
                String chainPrevious = e.sequence() == 0 ? null
                        : previousHash != null ? previousHash : CanonicalForm.hex(new byte[32]);
                EventLink unhashed = new EventLink(type == null ? e.type() : type.getName(), null,
                        e.occurredAt().toString(), metadata, payload, chainPrevious, "", previousSequence, previousHash);
                EventEnvelope parsed = new EventEnvelope(e.eventId(), e.type(), e.aggregateType(), e.aggregateId(),
                        e.sequence(), e.occurredAt(), e.metadata(), JSON.readTree(payload), unhashed);
                EventLink link = new EventLink(unhashed.payloadType(), null, unhashed.storedAt(), metadata, payload,
                        chainPrevious, CanonicalForm.hex(hash(parsed)), previousSequence, previousHash);
                last.put(e.aggregateId(), link);
                lastSequence.put(e.aggregateId(), e.sequence());
                return new EventEnvelope(e.eventId(), e.type(), e.aggregateType(), e.aggregateId(), e.sequence(),
                        e.occurredAt(), e.metadata(), parsed.payload(), link);
            } catch (JsonProcessingException impossible) {
                throw new IllegalArgumentException("a JSON tree always writes", impossible);
            }
        }
    }
}
