package io.jixiao.disclosure.publication;

import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.events.DisclosureRetracted;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The package events moved from {@code publication} to the leaf package {@code events}; the event store keeps the
 * type names they were stored under (their hash chain covers them). Reading an event stored under an old name
 * renames its type to the class it now is; the payload stays as stored.
 */
public final class MovedEventTypes extends SingleEventUpcaster {
    private static final String OLD_PACKAGE = "io.jixiao.disclosure.publication.";
    static final Map<String, String> RENAMED = Map.of(
            OLD_PACKAGE + "DisclosurePublished", DisclosurePublished.class.getName(),
            OLD_PACKAGE + "DisclosureRetracted", DisclosureRetracted.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return RENAMED.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(RENAMED.get(representation.getType().getName()),
                representation.getType().getRevision()), byte[].class, Function.identity());
    }
}
