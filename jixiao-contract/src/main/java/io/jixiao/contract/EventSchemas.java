package io.jixiao.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * JSON Schema (draft 2020-12) of each published event, generated from its record by reflection over the record
 * components, as Jackson writes them on Kafka: money {@code long} fen, dates ISO-8601 strings, domain enums their
 * wire form as Jackson writes it (a domain enum's Chinese term), nested records under {@code $defs}. A primitive component is required (it is
 * always there); any other may be null or absent (an event stored before the field existed has none), so adding one
 * is compatible.
 *
 * <p>Each schema carries the event's topic and its published version ({@code x-jixiao-version}, from
 * {@code contract/versions.properties}; 1 when not listed). A change the compatibility rule refuses needs the version
 * bumped there ({@link Compatibility}).
 */
public final class EventSchemas {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    /** Every published event type (by its name on Kafka) → its schema, budget events first. */
    public static Map<String, ObjectNode> all() {
        Properties versions = versions();
        Map<String, ObjectNode> schemas = new LinkedHashMap<>();
        EventTypes.BUDGET.forEach(t -> schemas.put(t.getSimpleName(), of(t, Topics.BUDGET_EVENTS, versions)));
        EventTypes.EVALUATION.forEach(t -> schemas.put(t.getSimpleName(), of(t, Topics.EVALUATION_EVENTS, versions)));
        return schemas;
    }

    /** The published version of an event type. */
    public static int version(String type) {
        return Integer.parseInt(versions().getProperty(type, "1").trim());
    }

    static ObjectNode of(Class<? extends Record> type, String topic, Properties versions) {
        String name = type.getSimpleName();
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DIALECT);
        int version = Integer.parseInt(versions.getProperty(name, "1").trim());
        schema.put("$id", "urn:jixiao:event:" + name + ":v" + version);
        schema.put("title", name);
        schema.put("x-jixiao-topic", topic);
        schema.put("x-jixiao-version", version);
        ObjectNode defs = NODES.objectNode();
        schema.setAll(record(type, defs));
        if (!defs.isEmpty()) {
            schema.set("$defs", defs);
        }
        return schema;
    }

    /** The schema of a record type (an event or the envelope); nested records go to {@code defs}. */
    public static ObjectNode record(Class<?> type, ObjectNode defs) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : type.getRecordComponents()) {
            boolean primitive = component.getType().isPrimitive();
            properties.set(component.getName(), value(component.getGenericType(), !primitive, defs));
            if (primitive) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static JsonNode value(Type generic, boolean nullable, ObjectNode defs) {
        if (generic instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = typed("array", nullable);
                array.set("items", value(arguments[0], false, defs));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = typed("object", nullable);
                map.set("additionalProperties", value(arguments[1], false, defs));
                return map;
            }
            throw new IllegalArgumentException("no JSON Schema mapping for " + generic);
        }
        Class<?> type = (Class<?>) generic;
        if (type == long.class || type == Long.class) {
            return typed("integer", nullable).put("format", "int64");
        }
        if (type == int.class || type == Integer.class) {
            return typed("integer", nullable).put("format", "int32");
        }
        if (type == boolean.class || type == Boolean.class) {
            return typed("boolean", nullable);
        }
        if (type == String.class) {
            return typed("string", nullable);
        }
        if (type == BigDecimal.class) {
            return typed("number", nullable);
        }
        if (type == LocalDate.class) {
            return typed("string", nullable).put("format", "date");
        }
        if (type == Instant.class) {
            return typed("string", nullable).put("format", "date-time");
        }
        if (JsonNode.class.isAssignableFrom(type) || type == Object.class) {
            return NODES.objectNode();
        }
        if (type.isEnum()) {
            ObjectNode e = typed("string", nullable);
            ArrayNode values = e.putArray("enum");
            for (Object constant : type.getEnumConstants()) {
                values.add(JSON.valueToTree(constant));   // the wire form, as Jackson writes it on Kafka
            }
            if (nullable) {
                values.addNull();
            }
            return e;
        }
        if (type.isRecord()) {
            if (!defs.has(type.getSimpleName())) {
                defs.putObject(type.getSimpleName());   // placeholder first: a record may refer to itself
                defs.set(type.getSimpleName(), record(type, defs));
            }
            ObjectNode ref = NODES.objectNode().put("$ref", "#/$defs/" + type.getSimpleName());
            if (!nullable) {
                return ref;
            }
            ObjectNode either = NODES.objectNode();
            either.putArray("anyOf").add(ref).addObject().put("type", "null");
            return either;
        }
        throw new IllegalArgumentException("no JSON Schema mapping for " + type.getName());
    }

    private static ObjectNode typed(String type, boolean nullable) {
        ObjectNode node = NODES.objectNode();
        if (nullable) {
            node.putArray("type").add(type).add("null");
        } else {
            node.put("type", type);
        }
        return node;
    }

    private static Properties versions() {
        Properties versions = new Properties();
        try (var in = EventSchemas.class.getResourceAsStream("/contract/versions.properties")) {
            if (in != null) {
                versions.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return versions;
    }
}
