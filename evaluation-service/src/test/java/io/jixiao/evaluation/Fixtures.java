package io.jixiao.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.evaluation.goal.IndicatorTreeRules;
import io.jixiao.events.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The district-year fixtures copied into this module's test resources ({@code fixtures/*.json}). */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static JsonNode read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long fen(JsonNode wan) {
        return Money.wanToFen(new BigDecimal(wan.asText()));
    }

    /** A goal's indicator rows as a client sends them. */
    public static List<IndicatorTreeRules.Row> rows(JsonNode goal) {
        List<IndicatorTreeRules.Row> rows = new ArrayList<>();
        for (JsonNode i : goal.path("indicators")) {
            rows.add(new IndicatorTreeRules.Row(i.path("l1").asText(), i.path("l2").asText(), i.path("l3").asText(),
                    i.path("cmp").asText(), i.path("target").asText(), i.path("unit").asText(null),
                    new BigDecimal(i.path("weight").asText())));
        }
        return rows;
    }

    public static JsonNode byId(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new IllegalArgumentException("no record with " + field + " = " + value);
    }
}
