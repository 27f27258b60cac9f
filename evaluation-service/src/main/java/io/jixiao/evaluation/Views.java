package io.jixiao.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON columns of the read models: written and read with the service's ObjectMapper. */
public final class Views {
    /** The processing group of every read model: subscribing, in the command's own transaction. */
    public static final String PROCESSING_GROUP = "evaluation-views";

    private Views() {
    }

    public static String json(ObjectMapper mapper, Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getSimpleName(), e);
        }
    }

    public static <T> T read(ObjectMapper mapper, String json, TypeReference<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getType(), e);
        }
    }
}
