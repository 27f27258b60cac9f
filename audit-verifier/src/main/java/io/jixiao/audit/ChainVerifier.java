package io.jixiao.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Checks hash chains event by event, in the order of (aggregate, sequence), and keeps the first broken link.
 * Streaming: it holds only the previous event, so a district of millions of events needs no memory.
 *
 * <p>For each event, against the previous event of the same aggregate (none for an aggregate's first):
 * <ol>
 *   <li>{@code sequence}: 0 for the first event, otherwise the previous sequence + 1;</li>
 *   <li>{@code previousHash}: absent for the first event, otherwise the previous event's stored hash;</li>
 *   <li>{@code hash}: SHA-256 of the event's {@link CanonicalForm} equals its stored hash.</li>
 * </ol>
 * After a break the verifier stops looking: everything after it in that store is unproven.
 */
public final class ChainVerifier {
    private ChainedEvent previous;
    private BrokenLink broken;
    private long events;
    private long aggregates;

    /** Checks the next event; false once a link is broken (later events are ignored). */
    public boolean accept(ChainedEvent e) {
        if (broken != null) {
            return false;
        }
        events++;
        ChainedEvent before = previous != null && previous.aggregateId().equals(e.aggregateId()) ? previous : null;
        if (before == null) {
            aggregates++;  // an aggregate met again later starts at a sequence other than 0 and fails below
        }
        long expectedSequence = before == null ? 0 : before.sequence() + 1;
        if (e.sequence() != expectedSequence) {
            return fail(e, before, "sequence", Long.toString(expectedSequence), Long.toString(e.sequence()),
                    e.sequence() > expectedSequence
                            ? "event(s) " + expectedSequence + (e.sequence() - 1 > expectedSequence ? ".." + (e.sequence() - 1) : "")
                              + " of the aggregate are missing (removed)"
                            : "sequence repeated or out of order (reordered or inserted)");
        }
        byte[] expectedPrevious = before == null ? null : before.hash();
        if (!Arrays.equals(expectedPrevious, e.previousHash())) {
            return fail(e, before, "previousHash", CanonicalForm.hex(expectedPrevious), CanonicalForm.hex(e.previousHash()),
                    before == null ? "the first event of an aggregate links to nothing"
                            : "the event does not link to the event stored before it (an event was removed, "
                              + "swapped or inserted between them)");
        }
        byte[] recomputed = CanonicalForm.hash(e);
        if (!Arrays.equals(recomputed, e.hash())) {
            return fail(e, before, "hash", CanonicalForm.hex(recomputed), CanonicalForm.hex(e.hash()),
                    "the stored content (payload, metadata, type, id, timestamp or sequence) does not hash to the "
                    + "stored hash: the event was altered");
        }
        previous = e;
        return true;
    }

    private boolean fail(ChainedEvent e, ChainedEvent before, String field, String expected, String found,
                         String explanation) {
        broken = new BrokenLink(e.aggregateId(), e.sequence(), e.eventId(), e.globalIndex(),
                before == null ? null : before.eventId(), field, expected, found, explanation);
        return false;
    }

    public Optional<BrokenLink> firstBroken() {
        return Optional.ofNullable(broken);
    }

    /** Events checked (including the breaking one). */
    public long events() {
        return events;
    }

    /** Aggregates (chains) seen. */
    public long aggregates() {
        return aggregates;
    }

    /** The last intact event: the head of the last chain checked. */
    public Optional<ChainedEvent> last() {
        return Optional.ofNullable(previous);
    }
}
