package io.jixiao.budget.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a bulk import: JSON lines (one object per line) or CSV (RFC 4180: a header row of field names, quoted
 * fields may hold commas, quotes as "" and line breaks). Blank lines are skipped. Numbers are kept as their exact
 * decimal text, never through floating point. List fields (termYears) are written {@code 3;10} in CSV, or as a
 * JSON array. CSV values lose their leading and trailing spaces, never a control character (NUL, tab …): those
 * reach validation, which refuses the line.
 */
final class ImportParser {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ImportParser() {
    }

    static List<ImportLine> jsonLines(Reader body, int maxLines) throws IOException {
        List<ImportLine> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(body);
        String text;
        int number = 0;
        while ((text = reader.readLine()) != null) {
            number++;
            if (number == 1) {
                text = stripBom(text);
            }
            if (text.isBlank()) {
                continue;
            }
            if (lines.size() >= maxLines) {
                throw new TooManyLines(maxLines);
            }
            lines.add(jsonLine(number, text));
        }
        return lines;
    }

    private static ImportLine jsonLine(int number, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new ImportLine(number, null, "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new ImportLine(number, null, "not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.isNumber() ? numberText(v) : v.asText()));
                fields.put(field.getKey(), String.join(";", items));
            } else if (value.isNumber()) {
                fields.put(field.getKey(), numberText(value));
            } else if (value.isValueNode()) {
                fields.put(field.getKey(), value.asText());
            } else {
                return new ImportLine(number, null, "field '" + field.getKey() + "' must be a value, not an object");
            }
        }
        return new ImportLine(number, fields, null);
    }

    /**
     * A JSON number's exact decimal text: plain ({@code 1e2} → {@code 100}), unless its exponent is beyond what any
     * field takes; then as written in scientific notation, so that validation refuses the line ({@code 1E+2147483647}
     * written plain would be two billion digits).
     */
    private static String numberText(JsonNode number) {
        BigDecimal value = number.decimalValue();
        return Math.abs((long) value.scale()) > LineFields.MAX_EXPONENT ? value.toString() : value.toPlainString();
    }

    static List<ImportLine> csv(Reader body, int maxLines) throws IOException {
        List<ImportLine> lines = new ArrayList<>();
        CsvReader reader = new CsvReader(body);
        List<String> header = null;
        List<String> record;
        while ((record = reader.next()) != null) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (header == null) {
                header = new ArrayList<>();
                for (String h : record) {
                    header.add(LineFields.trimSpaces(stripBom(h)));
                }
                continue;
            }
            if (lines.size() >= maxLines) {
                throw new TooManyLines(maxLines);
            }
            if (record.size() > header.size()) {
                lines.add(new ImportLine(reader.recordStart, null, "has " + record.size() + " fields, the header "
                        + header.size()));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < record.size(); i++) {
                String value = LineFields.trimSpaces(record.get(i));
                if (!value.isEmpty()) {
                    fields.put(header.get(i), value);
                }
            }
            lines.add(new ImportLine(reader.recordStart, fields, null));
        }
        return lines;
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** The file has more lines than one import may carry. */
    static final class TooManyLines extends RuntimeException {
        TooManyLines(int max) {
            super("an import carries at most " + max + " lines; split the file");
        }
    }

    /** RFC 4180 records from a character stream. */
    private static final class CsvReader {
        private final Reader in;
        private int line = 1;
        int recordStart;
        private int pushedBack = -2;

        CsvReader(Reader in) {
            this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            return in.read();
        }

        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            recordStart = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (c == -1) {
                    fields.add(field.toString());
                    return fields;
                }
                if (quoted) {
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pushedBack = n;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.length() == 0) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    }
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else if (c == '\n') {
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }
    }
}
