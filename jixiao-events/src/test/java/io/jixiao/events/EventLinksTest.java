package io.jixiao.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An envelope's link checked alone: what a consumer refuses before it looks at what it accepted before. */
class EventLinksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EventEnvelope event(String id, long sequence, long amountFen) {
        return new EventEnvelope(id, "ExpenditureRecorded", "Project", "project:430203:P1", sequence,
                Instant.parse("2026-12-05T08:00:00Z"), new EventMetadata("430203", "alice", "c-" + id, null, null),
                JSON.createObjectNode().put("amountFen", amountFen));
    }

    private static EventEnvelope withPayload(EventEnvelope e, ObjectNode payload) {
        return new EventEnvelope(e.eventId(), e.type(), e.aggregateType(), e.aggregateId(), e.sequence(),
                e.occurredAt(), e.metadata(), payload, e.link());
    }

    @Test
    void aLinkedChainHoldsAndEachAlterationIsNamed() {
        EventLinks.Chain chain = new EventLinks.Chain();
        EventEnvelope first = chain.link(event("e0", 0, 100));
        EventEnvelope second = chain.link(event("e1", 1, 200));
        assertThat(EventLinks.problem(first)).isEmpty();
        assertThat(EventLinks.problem(second)).isEmpty();
        assertThat(second.link().previousHash()).isEqualTo(first.link().hash());
        assertThat(second.link().previousPublishedSequence()).isZero();
        assertThat(second.link().previousPublishedHash()).isEqualTo(first.link().hash());
        assertThat(second.link().payloadType()).isEqualTo(io.jixiao.events.budget.ExpenditureRecorded.class.getName());

        // the payload a consumer would apply differs from the hashed one
        assertThat(EventLinks.problem(withPayload(second, JSON.createObjectNode().put("amountFen", 999))))
                .hasValueSatisfying(p -> assertThat(p).contains("payload is not the stored payload"));
        // the metadata differs
        EventEnvelope otherActor = new EventEnvelope(second.eventId(), second.type(), second.aggregateType(),
                second.aggregateId(), second.sequence(), second.occurredAt(),
                new EventMetadata("430203", "mallory", "c-e1", null, null), second.payload(), second.link());
        assertThat(EventLinks.problem(otherActor)).hasValueSatisfying(p -> assertThat(p).contains("metadata"));
        // another sequence than the hashed one
        EventEnvelope moved = new EventEnvelope(second.eventId(), second.type(), second.aggregateType(),
                second.aggregateId(), 2, second.occurredAt(), second.metadata(), second.payload(), second.link());
        assertThat(EventLinks.problem(moved)).hasValueSatisfying(p -> assertThat(p).contains("is not the hash"));
        // no link at all
        assertThat(EventLinks.problem(event("e2", 2, 300))).hasValueSatisfying(p -> assertThat(p).contains("no hash link"));
    }
}
