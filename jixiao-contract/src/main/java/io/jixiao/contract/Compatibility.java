package io.jixiao.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compatibility rule of the published events, checked between the committed schemas and the ones the records
 * generate now. Compatible (the regenerated file is to be committed): a new event type, a new optional field, a new
 * enum value, a changed description. Breaking, refused unless the event's {@code x-jixiao-version} was raised: a field
 * removed or renamed (a rename is a removal), a field's type changed, a field that becomes required, an enum value
 * removed, an event type removed.
 */
public final class Compatibility {
    private Compatibility() {
    }

    /**
     * @param breaking   changes the rule refuses, e.g. {@code BondIssued.date: removed}
     * @param compatible changes it accepts, which the committed files do not have yet
     */
    public record Verdict(List<String> breaking, List<String> compatible) {
        public boolean ok() {
            return breaking.isEmpty();
        }
    }

    /** Committed schemas against generated ones, both keyed by event type name. */
    public static Verdict check(Map<String, ? extends JsonNode> committed, Map<String, ? extends JsonNode> generated) {
        List<String> breaking = new ArrayList<>();
        List<String> compatible = new ArrayList<>();
        for (var entry : committed.entrySet()) {
            JsonNode now = generated.get(entry.getKey());
            if (now == null) {
                breaking.add(entry.getKey() + ": event type removed (retire it by deleting its committed schema)");
                continue;
            }
            int before = entry.getValue().path("x-jixiao-version").asInt(1);
            int after = now.path("x-jixiao-version").asInt(1);
            if (after > before) {
                compatible.add(entry.getKey() + ": new version " + after + " (was " + before + ")");
                continue;
            }
            compare(entry.getKey(), entry.getValue(), now, breaking, compatible);
        }
        generated.keySet().stream().filter(type -> !committed.containsKey(type))
                .forEach(type -> compatible.add(type + ": new event type"));
        return new Verdict(List.copyOf(breaking), List.copyOf(compatible));
    }

    private static void compare(String at, JsonNode old, JsonNode now, List<String> breaking, List<String> compatible) {
        if (!old.isObject() || !now.isObject()) {
            if (!old.equals(now)) {
                breaking.add(at + ": " + old + " became " + now);
            }
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        old.fieldNames().forEachRemaining(keys::add);
        now.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode before = old.get(key);
            JsonNode after = now.get(key);
            switch (key) {
                case "description", "title", "$id", "$schema" -> { }
                case "properties", "$defs" -> members(at, key, before, after, now.path("required"), breaking, compatible);
                case "required" -> {
                    Set<String> was = texts(before);
                    texts(after).stream().filter(field -> !was.contains(field) && old.path("properties").has(field))
                            .forEach(field -> breaking.add(at + "." + field + ": now required"));
                }
                case "enum" -> {
                    Set<String> was = texts(before);
                    Set<String> is = texts(after);
                    was.stream().filter(v -> !is.contains(v)).forEach(v -> breaking.add(at + ": value " + v + " removed"));
                    is.stream().filter(v -> !was.contains(v)).forEach(v -> compatible.add(at + ": value " + v + " added"));
                }
                default -> {
                    if (before == null || after == null) {
                        breaking.add(at + ": '" + key + "' " + (before == null ? "added" : "removed"));
                    } else {
                        compare(at + (key.equals("items") ? "[]" : "/" + key), before, after, breaking, compatible);
                    }
                }
            }
        }
    }

    private static void members(String at, String kind, JsonNode before, JsonNode after, JsonNode required,
                                List<String> breaking, List<String> compatible) {
        JsonNode was = before == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : before;
        JsonNode is = after == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : after;
        String prefix = kind.equals("$defs") ? at + "#" : at + ".";
        for (Iterator<String> names = was.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!is.has(name)) {
                breaking.add(prefix + name + ": removed");
            } else {
                compare(prefix + name, was.get(name), is.get(name), breaking, compatible);
            }
        }
        for (Iterator<String> names = is.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!was.has(name)) {
                if (kind.equals("properties") && texts(required).contains(name)) {
                    breaking.add(prefix + name + ": added as a required field");
                } else {
                    compatible.add(prefix + name + ": added" + (kind.equals("properties") ? " (optional)" : ""));
                }
            }
        }
    }

    private static Set<String> texts(JsonNode list) {
        Set<String> values = new HashSet<>();
        if (list != null) {
            list.forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
        }
        return values;
    }
}
