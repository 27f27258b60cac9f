package io.jixiao.evaluation.rectification;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.rectification.RectificationApi.HistoryEntry;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.evaluation.RectificationCompleted;
import io.jixiao.events.evaluation.RectificationOpened;
import io.jixiao.events.evaluation.RectificationOverdue;
import io.jixiao.events.evaluation.RectificationProgressed;
import io.jixiao.events.evaluation.RectificationReturned;
import io.jixiao.events.evaluation.RectificationSignedOff;
import io.jixiao.events.evaluation.RectificationStatus;
import io.jixiao.support.personal.ActorNames;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An item's history: every stored event of its aggregate, in order, with actor (and the actor's name opened from its
 * sealed form, {@link ActorNames}), correlation, causation and cause.
 */
@Component
public class RectificationHistory {
    private final EventStore eventStore;
    private final ActorNames actorNames;

    public RectificationHistory(EventStore eventStore, ActorNames actorNames) {
        this.eventStore = eventStore;
        this.actorNames = actorNames;
    }

    public List<HistoryEntry> of(String districtCode, String rectificationId) {
        DomainEventStream stream = eventStore.readEvents(Keys.rectification(districtCode, rectificationId), 0);
        List<HistoryEntry> entries = new ArrayList<>();
        ActorNames names = actorNames.forOneRead();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Object payload = event.getPayload();
            EventMetadata meta = EventMetadata.from(event.getMetaData());
            entries.add(new HistoryEntry(event.getSequenceNumber(), payload.getClass().getSimpleName(),
                    event.getTimestamp(), status(payload), meta.actor(), names.show(event.getMetaData()),
                    meta.correlationId(), meta.causationId(),
                    meta.requestId(), cause(payload), payload));
        }
        return entries;
    }

    private static String status(Object payload) {
        RectificationStatus status = payload instanceof RectificationOpened o ? o.status()
                : payload instanceof RectificationProgressed p ? p.status()
                : payload instanceof RectificationCompleted c ? c.status()
                : payload instanceof RectificationSignedOff s ? s.status()
                : payload instanceof RectificationReturned r ? r.status()
                : payload instanceof RectificationOverdue v ? v.status() : null;
        return status == null ? null : status.label();
    }

    /** Why the act happened, in words: the source, the late completion, the return's reason, the deadline passed. */
    private static String cause(Object payload) {
        if (payload instanceof RectificationOpened e) {
            return e.source().kind().label() + " " + e.source().reference();
        }
        if (payload instanceof RectificationCompleted e && e.late()) {
            return "逾期完成: done on " + e.doneOn() + ", deadline " + e.deadline();
        }
        if (payload instanceof RectificationReturned e) {
            return e.reason();
        }
        if (payload instanceof RectificationOverdue e) {
            return "deadline " + e.deadline() + " passed at " + e.overdueAt() + " without the item done";
        }
        if (payload instanceof RectificationSignedOff e) {
            return e.note();
        }
        return null;
    }
}
