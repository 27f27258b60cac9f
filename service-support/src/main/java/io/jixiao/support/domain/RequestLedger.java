package io.jixiao.support.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an aggregate remembers of the requests it has applied (request id → fingerprint of the event it
 * recorded, and that event's sequence), so that a retried request is answered without a second event and
 * a reused id with a different body is refused. It is rebuilt from the events' {@code requestId} metadata,
 * so the check and the append are one atomic step of the aggregate.
 */
@SnapshotState
public final class RequestLedger {
    /** One applied request. */
    public record Entry(String fingerprint, long sequence) {
    }

    private final Map<String, Entry> applied = new HashMap<>();

    /**
     * The sequence of the event this exact request recorded, if it was applied already;
     * {@link Conflict} if the id was used for a different request.
     */
    public Optional<Long> replayOf(String requestId, String fingerprint) {
        if (requestId == null) {
            return Optional.empty();
        }
        Entry known = applied.get(requestId);
        if (known == null) {
            return Optional.empty();
        }
        if (!known.fingerprint().equals(fingerprint)) {
            throw new Conflict("IDEMPOTENCY_KEY_REUSED",
                    "request id '" + requestId + "' was already used for a different request");
        }
        return Optional.of(known.sequence());
    }

    /** As {@link #replayOf(String, String)} for a resolved {@link RequestKey}. */
    public Optional<Long> replayOf(RequestKey request) {
        return replayOf(request.requestId(), request.fingerprint());
    }

    /** Remembers the request an applied event answered (nothing for {@link RequestKey#NONE}). */
    public void remember(RequestKey request, long sequence) {
        remember(request.requestId(), request.fingerprint(), sequence);
    }

    public void remember(String requestId, String fingerprint, long sequence) {
        if (requestId != null) {
            applied.put(requestId, new Entry(fingerprint, sequence));
        }
    }

    public int size() {
        return applied.size();
    }
}
