package io.jixiao.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run: printed as a table and written as JSON. */
public final class Results {
    /** One measured figure, with its target and its raw baseline where they apply. */
    public record Figure(String group, String name, double value, String unit, String target, Double baseline,
                         String note) {
        public String ratio() {
            return baseline == null || baseline == 0 ? "" : String.format("%.2f", value / baseline);
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();

    public synchronized void add(Figure figure) {
        figures.add(figure);
        System.out.printf("  %-12s %-58s %12.2f %-10s%n", figure.group(), figure.name(), figure.value(), figure.unit());
    }

    public void add(String group, String name, double value, String unit, String target, Double baseline,
                    String note) {
        add(new Figure(group, name, value, unit, target, baseline, note));
    }

    public void context(String key, Object value) {
        context.put(key, value);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("| %-12s | %-58s | %12s | %-8s | %-16s | %-8s |%n", "group", "figure", "value", "unit",
                "target", "÷ raw"));
        out.append("|--------------|------------------------------------------------------------|--------------"
                + "|----------|------------------|----------|\n");
        for (Figure f : figures) {
            out.append(String.format("| %-12s | %-58s | %12.2f | %-8s | %-16s | %-8s |%n", f.group(), f.name(), f.value(),
                    f.unit(), f.target() == null ? "" : f.target(), f.ratio()));
        }
        return out.toString();
    }

    public void writeJson(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("context", context);
        doc.put("figures", figures);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
    }
}
