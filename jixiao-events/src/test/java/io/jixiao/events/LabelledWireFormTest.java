package io.jixiao.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ResultMeasure;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every constant of every published {@link Labelled} enum keeps its Chinese term and its form on the wire:
 * stored events and API clients depend on them. The pinned table is {@code labelled-wire-forms.csv}.
 */
class LabelledWireFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(Class<?> type, String constant, String label, String wire) {
    }

    @Test
    void every_constant_keeps_its_label_and_wire_form_and_reads_back_from_either() throws Exception {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThan(40);
        for (Row row : rows) {
            Object constant = enumConstant(row.type(), row.constant());
            assertThat(((Labelled) constant).label()).as(row.toString()).isEqualTo(row.label());
            assertThat(JSON.writeValueAsString(constant)).as(row.toString()).isEqualTo('"' + row.wire() + '"');
            assertThat(JSON.readValue('"' + row.label() + '"', row.type())).as(row.toString()).isSameAs(constant);
            assertThat(JSON.readValue('"' + row.constant() + '"', row.type())).as(row.toString()).isSameAs(constant);
        }
    }

    @Test
    void every_published_labelled_enum_is_pinned() throws Exception {
        List<Class<?>> pinned = rows().stream().<Class<?>>map(Row::type).distinct().toList();
        for (Class<?> type : pinned) {
            assertThat(type.getEnumConstants()).as(type.getName())
                    .hasSize((int) rows().stream().filter(r -> r.type() == type).count());
        }
        assertThat(pinned).hasSize(17);
    }

    @Test
    void an_unknown_term_is_refused_naming_the_choices() {
        assertThatThrownBy(() -> JSON.readValue("\"甲\"", Grade.class))
                .hasStackTraceContaining("'甲' is not one of [优, 良, 中, 差]");
        assertThatThrownBy(() -> Labelled.parse(ResultMeasure.class, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record Measures(Map<Grade, ResultMeasure> byGrade) {
    }

    @Test
    void enum_keyed_maps_keep_their_form() throws Exception {
        for (Row row : rows()) {
            Object constant = enumConstant(row.type(), row.constant());
            String json = JSON.writeValueAsString(Map.of(constant, 1));
            assertThat(json).as(row.toString()).isEqualTo("{\"" + row.wire() + "\":1}");
        }
        Measures measures = new Measures(Map.of(Grade.GOOD, ResultMeasure.values()[0]));
        String json = JSON.writeValueAsString(measures);
        assertThat(json).isEqualTo("{\"byGrade\":{\"良\":\"" + ResultMeasure.values()[0].label() + "\"}}");
        assertThat(JSON.readValue(json, Measures.class)).isEqualTo(measures);
        assertThat(JSON.readValue("{\"byGrade\":{\"GOOD\":\"" + ResultMeasure.values()[0].name() + "\"}}",
                Measures.class)).isEqualTo(measures);
    }

    private static List<Row> rows() throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LabelledWireFormTest.class.getResourceAsStream("/labelled-wire-forms.csv"), StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split(",", -1))
                    .map(c -> new Row(load(c[0]), c[1], c[2], c[3])).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }
}
