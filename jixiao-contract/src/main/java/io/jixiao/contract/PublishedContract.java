package io.jixiao.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published contract as files: {@code contract/events/<Type>.json} per event and {@code contract/asyncapi.yaml}
 * for the topics, generated from the records, committed in this module's resources and served from its jar.
 *
 * <p>{@code java -cp … io.jixiao.contract.PublishedContract DIR} writes them to {@code DIR}; the documented way is
 * {@code PublishedContractTest} with {@code -Dcontract.update=true} (docs/contributing.md), which refuses to write a
 * breaking change whose version was not raised.
 */
public final class PublishedContract {
    public static final String RESOURCES = "/contract/";
    public static final String ASYNCAPI = "asyncapi.yaml";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private PublishedContract() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "jixiao-contract/src/main/resources/contract"));
    }

    /** Writes every event schema and the AsyncAPI document below {@code dir}. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("events"));
        for (var schema : EventSchemas.all().entrySet()) {
            Files.writeString(dir.resolve("events/" + schema.getKey() + ".json"), json(schema.getValue()));
        }
        Files.writeString(dir.resolve(ASYNCAPI), asyncApi());
    }

    /** The committed schemas on the classpath (this module's resources), by event type. */
    public static Map<String, JsonNode> committed(Path eventsDir) throws IOException {
        Map<String, JsonNode> schemas = new TreeMap<>();
        if (Files.isDirectory(eventsDir)) {
            try (var files = Files.list(eventsDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    schemas.put(file.getFileName().toString().replaceFirst("\\.json$", ""),
                            JSON.readTree(Files.readString(file)));
                }
            }
        }
        return schemas;
    }

    /** A committed file of the contract from the classpath ({@code asyncapi.yaml}, {@code events/BondIssued.json}); null if none. */
    public static byte[] resource(String name) {
        if (!name.matches("asyncapi\\.yaml|events/[A-Za-z0-9]{1,80}\\.json")) {
            return null;
        }
        try (InputStream in = PublishedContract.class.getResourceAsStream(RESOURCES + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** AsyncAPI 3.0: a channel per topic, a message per event type (envelope + payload schema), key and header. */
    public static String asyncApi() {
        ObjectNode doc = NODES.objectNode().put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info").put("title", "Jixiao published events").put("version", "1")
                .put("description", "Every event Jixiao publishes, on the topic of the service that owns it. The record "
                        + "key is the aggregate id (one aggregate's events stay in order); the value is the envelope "
                        + "as JSON with the event in `payload`; the header jixiao-producer names the owning service. "
                        + "Topics keep events forever. Compatibility rule and versions: docs/integration.md.");
        info.putObject("license").put("name", "see the repository");
        doc.put("defaultContentType", "application/json");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode envelopeDefs = NODES.objectNode();
        ObjectNode envelope = EventSchemas.record(EventEnvelope.class, envelopeDefs);
        schemas.set("EventEnvelope", envelope);
        envelopeDefs.fields().forEachRemaining(def -> schemas.set(def.getKey(), def.getValue()));
        rewriteRefs(envelope);
        Map<String, ObjectNode> byTopic = new LinkedHashMap<>();
        for (var event : EventSchemas.all().entrySet()) {
            String type = event.getKey();
            String topic = event.getValue().path("x-jixiao-topic").asText();
            String channel = topic.replace(".events", "Events");
            ObjectNode channelNode = byTopic.computeIfAbsent(topic, t -> {
                ObjectNode c = channels.putObject(channel).put("address", t)
                        .put("description", "Written only by " + Topics.OWNERS.get(t) + " (broker ACLs).");
                c.putObject("messages");
                ObjectNode operation = operations.putObject("publish" + Character.toUpperCase(channel.charAt(0))
                        + channel.substring(1)).put("action", "send");
                operation.putObject("channel").put("$ref", "#/channels/" + channel);
                operation.putArray("messages");
                return c;
            });
            ((ObjectNode) channelNode.get("messages")).putObject(type).put("$ref", "#/components/messages/" + type);
            ((ArrayNode) operations.get("publish" + Character.toUpperCase(channel.charAt(0)) + channel.substring(1))
                    .get("messages")).addObject().put("$ref", "#/channels/" + channel + "/messages/" + type);
            ObjectNode message = messages.putObject(type).put("name", type)
                    .put("title", type + " v" + event.getValue().path("x-jixiao-version").asInt());
            ObjectNode headers = message.putObject("headers").put("type", "object");
            headers.putObject("properties").putObject(Topics.PRODUCER_HEADER).put("type", "string")
                    .put("const", Topics.OWNERS.get(topic));
            headers.putArray("required").add(Topics.PRODUCER_HEADER);
            ObjectNode payload = message.putObject("payload");
            ArrayNode all = payload.putArray("allOf");
            all.addObject().put("$ref", "#/components/schemas/EventEnvelope");
            ObjectNode specific = all.addObject().put("type", "object");
            ObjectNode properties = specific.putObject("properties");
            properties.putObject("type").put("const", type);
            properties.putObject("payload").put("$ref", "./events/" + type + ".json");
            message.putObject("bindings").putObject("kafka").putObject("key").put("type", "string")
                    .put("description", "the aggregate id, e.g. project:430203:czj-xxh");
        }
        try {
            return YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("$ref")) {
                object.put("$ref", object.get("$ref").asText().replace("#/$defs/", "#/components/schemas/"));
            }
            object.elements().forEachRemaining(PublishedContract::rewriteRefs);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(PublishedContract::rewriteRefs);
        }
    }
}
