package io.jixiao.disclosure.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.disclosure.journal.EventCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** A package event stored under its old class name reads as the record it is now, unchanged. */
class MovedEventTypesTest {
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventCodec.shared().mapper()).build();

    @Test
    void anEventStoredUnderTheOldPackageReadsAsTheMovedRecord() {
        DisclosureRetracted event = new DisclosureRetracted("430212", 2023, "wjj", "pkg-wjj", "表格有误",
                LocalDate.parse("2023-03-01"));
        List<IntermediateEventRepresentation> read = new MovedEventTypes().upcast(Stream.of(stored(
                "io.jixiao.disclosure.publication.DisclosureRetracted", event))).toList();

        assertThat(read).hasSize(1);
        assertThat(read.get(0).getType().getName()).isEqualTo(DisclosureRetracted.class.getName());
        assertThat((Object) serializer.deserialize(read.get(0).getData())).isEqualTo(event);
    }

    @Test
    void anEventStoredUnderItsCurrentNameIsLeftAlone() {
        DisclosureRetracted event = new DisclosureRetracted("430212", 2023, "wjj", "pkg-wjj", "r", null);
        IntermediateEventRepresentation current = stored(DisclosureRetracted.class.getName(), event);

        assertThat(new MovedEventTypes().upcast(Stream.of(current)).toList()).containsExactly(current);
    }

    private IntermediateEventRepresentation stored(String payloadType, Object payload) {
        byte[] bytes = serializer.serialize(payload, byte[].class).getData();
        byte[] metadata = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("DisclosurePackage", "430212:pkg-wjj", 0,
                "e-1", Instant.parse("2023-03-01T02:00:00Z"), payloadType, null, bytes, metadata), serializer);
    }
}
