package io.jixiao.support.consume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventTypes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one typed way to consume events: a table from an event's class to its handler, each handler receiving the
 * event as its record (decoded through the published language, {@link EventTypes}), the state it changes, and a
 * context of the consumer's choosing (the envelope, a journal row). No {@code switch} on type names, no untyped rows.
 *
 * @param <S> what a handler changes (a ledger, a batch of rows)
 * @param <C> what a handler knows besides the event (its envelope, its journal row)
 */
public final class EventHandlers<S, C> {
    private final Map<Class<?>, Handler<S, Object, C>> table;

    private EventHandlers(Map<Class<?>, Handler<S, Object, C>> table) {
        this.table = Map.copyOf(table);
    }

    /** What to do with one event of type {@code T}. */
    @FunctionalInterface
    public interface Handler<S, T, C> {
        void apply(S state, T event, C context);
    }

    public static <S, C> Builder<S, C> builder() {
        return new Builder<>();
    }

    /** The event classes this table handles. */
    public Set<Class<?>> types() {
        return table.keySet();
    }

    /** Applies the handler of {@code event}'s class; false if the table has none (the event is not used). */
    public boolean apply(S state, Object event, C context) {
        Handler<S, Object, C> handler = table.get(event.getClass());
        if (handler == null) {
            return false;
        }
        handler.apply(state, event, context);
        return true;
    }

    /**
     * Decodes a published envelope's payload to its record and applies its handler; false, without decoding, for a
     * type the table does not handle. A payload that does not read as its type: {@link IllegalArgumentException}.
     */
    public boolean apply(S state, EventEnvelope envelope, ObjectMapper mapper, C context) {
        Optional<Class<? extends Record>> type = EventTypes.byName(envelope.type()).filter(table::containsKey);
        if (type.isEmpty()) {
            return false;
        }
        Object event;
        try {
            event = mapper.treeToValue(envelope.payload(), type.get());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + envelope.type() + " " + envelope.eventId()
                    + " is malformed: " + e.getOriginalMessage(), e);
        }
        return apply(state, event, context);
    }

    public static final class Builder<S, C> {
        private final Map<Class<?>, Handler<S, Object, C>> table = new HashMap<>();

        private Builder() {
        }

        /** The handler of {@code type}; a second handler for the same type is a mistake and throws. */
        public <T> Builder<S, C> on(Class<T> type, Handler<S, ? super T, C> handler) {
            if (table.putIfAbsent(type, (state, event, context) -> handler.apply(state, type.cast(event), context))
                    != null) {
                throw new IllegalArgumentException("two handlers for " + type.getName());
            }
            return this;
        }

        public EventHandlers<S, C> build() {
            return new EventHandlers<>(table);
        }
    }
}
