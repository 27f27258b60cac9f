package io.jixiao.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualKeyDeserializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a {@link Labelled} constant from its Chinese term or its code; holds the labels read from {@link Label}.
 * Jackson hands the reader its target type through {@link #createContextual}; map keys get theirs from the map's
 * declared type ({@link Keys}), so a map keyed by a labelled enum reads back when it is a field of a record.
 */
final class LabelledReader extends JsonDeserializer<Object> implements ContextualDeserializer {
    private static final ClassValue<Map<String, String>> LABELS = new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
            Map<String, String> labels = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                try {
                    Label label = type.getField(name).getAnnotation(Label.class);
                    if (label == null) {
                        throw new IllegalStateException(type.getName() + "." + name + " has no @Label");
                    }
                    labels.put(name, label.value());
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Map.copyOf(labels);
        }
    };

    private final Class<?> type;

    LabelledReader() {
        this(null);
    }

    private LabelledReader(Class<?> type) {
        this.type = type;
    }

    static String labelOf(Enum<?> constant) {
        return LABELS.get(constant.getDeclaringClass()).get(constant.name());
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return new LabelledReader(ctxt.getContextualType().getRawClass());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return Labelled.parse((Class) type, p.getValueAsString());
    }

    /** The map-key counterpart. */
    static final class Keys extends KeyDeserializer implements ContextualKeyDeserializer {
        private final Class<?> type;

        Keys() {
            this(null);
        }

        private Keys(Class<?> type) {
            this.type = type;
        }

        @Override
        public KeyDeserializer createContextual(DeserializationContext ctxt, BeanProperty property) {
            return property == null ? this : new Keys(property.getType().getKeyType().getRawClass());
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (type == null) {
                return ctxt.handleWeirdKey(Object.class, key, "a map keyed by a labelled enum reads back only as a field");
            }
            return Labelled.parse((Class) type, key);
        }
    }
}
