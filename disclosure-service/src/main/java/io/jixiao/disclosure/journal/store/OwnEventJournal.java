package io.jixiao.disclosure.journal.store;

import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.disclosure.journal.EventCodec;
import io.jixiao.events.EventMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The district journal's own side: disclosure-service's package events go into {@code district_event}
 * (source {@code disclosure}) from a subscribing processor, i.e. in the very transaction that appends them to
 * the event store. An error here rolls the command back (see PublicationConfig), so the journal and the
 * event store never disagree.
 */
@Component
@ProcessingGroup(OwnEventJournal.PROCESSING_GROUP)
public class OwnEventJournal {
    public static final String PROCESSING_GROUP = "disclosure-journal";
    private final DistrictJournal journal;
    private final EventCodec codec = EventCodec.shared();

    public OwnEventJournal(DistrictJournal journal) {
        this.journal = journal;
    }

    @EventHandler
    void on(DisclosurePublished event, DomainEventMessage<?> message) {
        append(event.districtCode(), event, message);
    }

    @EventHandler
    void on(DisclosureRetracted event, DomainEventMessage<?> message) {
        append(event.districtCode(), event, message);
    }

    private void append(String districtCode, Object event, DomainEventMessage<?> message) {
        journal.append(new DistrictJournal.Row(message.getIdentifier(), EventCodec.OWN_SOURCE, districtCode,
                EventCodec.OWN_SOURCE, event.getClass().getSimpleName(), message.getType(),
                message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(),
                codec.encode(event), codec.encode(EventMetadata.from(message.getMetaData()))));
    }
}
