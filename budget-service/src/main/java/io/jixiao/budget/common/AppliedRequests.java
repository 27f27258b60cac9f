package io.jixiao.budget.common;

import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.RequestKey;
import io.jixiao.support.domain.RequestLedger;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * What a budget aggregate has applied: the requests it answered (so that a retry is answered without a second
 * event, and a reused key with another body is refused) and the sequence of its last event. Every budget aggregate
 * holds one: its command handlers go through {@link #unlessReplay} and end in {@link #record}; its event-sourcing
 * handlers call {@link #applied}. Part of the aggregate's state (and of its snapshots).
 */
@SnapshotState
public final class AppliedRequests {
    private RequestLedger requests = new RequestLedger();
    private long lastSequence = -1;

    /** The earlier answer to this very request, if it was applied already. */
    public Optional<Recorded> replayOf(RequestKey request) {
        return requests.replayOf(request).map(sequence -> new Recorded(sequence, true));
    }

    /** The earlier answer to this request, or what {@code work} records now. */
    public Recorded unlessReplay(RequestKey request, Supplier<Recorded> work) {
        return replayOf(request).orElseGet(work);
    }

    /** Applies {@code event} (inside a command handler) and answers the sequence it was recorded at. */
    public Recorded record(Object event) {
        AggregateLifecycle.apply(event);
        return new Recorded(lastSequence, false);
    }

    /**
     * As {@link #record(Object)}, with the request id and fingerprint of {@code request} on the event, for a
     * handler that answers several requests in one command (a bulk import's lines).
     */
    public Recorded record(Object event, RequestKey request) {
        AggregateLifecycle.apply(event, MetaData.from(request.metaData()));
        return new Recorded(lastSequence, false);
    }

    /** Remembers an applied event (from an event-sourcing handler). */
    public void applied(RequestKey request, long sequence) {
        requests.remember(request, sequence);
        lastSequence = sequence;
    }

    /** Remembers an applied event that answered no request of its own. */
    public void applied(long sequence) {
        lastSequence = sequence;
    }

    /** No event has been applied yet: the aggregate is being created. */
    public boolean isNew() {
        return lastSequence < 0;
    }

    public long lastSequence() {
        return lastSequence;
    }
}
