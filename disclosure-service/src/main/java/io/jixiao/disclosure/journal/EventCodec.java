package io.jixiao.disclosure.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.events.EventTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns journal payloads into event records and back: the published types of {@link EventTypes} plus
 * disclosure-service's own. One shared, thread-safe mapper; no Spring (the fold and its tests use it directly).
 */
public final class EventCodec {
    /** Where disclosure-service's own events come from (the {@code topic} column of their journal rows). */
    public static final String OWN_SOURCE = "disclosure";
    private static final EventCodec SHARED = new EventCodec();

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private final Map<String, Class<?>> types;

    private EventCodec() {
        Map<String, Class<?>> all = new LinkedHashMap<>(EventTypes.all());
        all.put(DisclosurePublished.class.getSimpleName(), DisclosurePublished.class);
        all.put(DisclosureRetracted.class.getSimpleName(), DisclosureRetracted.class);
        this.types = Map.copyOf(all);
    }

    public static EventCodec shared() {
        return SHARED;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Optional<Class<?>> typeOf(String type) {
        return Optional.ofNullable(types.get(type));
    }

    public boolean isOwn(String type) {
        return DisclosurePublished.class.getSimpleName().equals(type)
                || DisclosureRetracted.class.getSimpleName().equals(type);
    }

    /** The payload as its record; empty for a type this service does not know. Malformed: {@link MalformedEvent}. */
    public Optional<Object> decode(String type, String json) {
        Class<?> target = types.get(type);
        if (target == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, target));
        } catch (JsonProcessingException e) {
            throw new MalformedEvent(type + " payload is malformed: " + e.getOriginalMessage());
        }
    }

    public Optional<Object> decode(String type, JsonNode json) {
        Class<?> target = types.get(type);
        if (target == null) {
            return Optional.empty();
        }
        if (json == null || !json.isObject()) {
            throw new MalformedEvent(type + " payload is not a JSON object");
        }
        try {
            return Optional.of(mapper.treeToValue(json, target));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEvent(type + " payload is malformed: " + e.getMessage());
        }
    }

    public String encode(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A payload that does not read as its declared type: the projection parks it. */
    public static final class MalformedEvent extends IllegalArgumentException {
        public MalformedEvent(String message) {
            super(message);
        }
    }
}
