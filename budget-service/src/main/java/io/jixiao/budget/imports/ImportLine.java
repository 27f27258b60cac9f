package io.jixiao.budget.imports;

import java.util.Map;

/**
 * One line of a bulk import as read from the file: its position, its fields as text (JSON numbers keep their
 * exact decimal text), or why it could not be read.
 *
 * @param line       1-based line number in the file (for CSV: the physical line the record starts on)
 * @param fields     field name → text; absent fields are missing, not empty
 * @param parseError non-null if the line is not a readable record
 */
public record ImportLine(int line, Map<String, String> fields, String parseError) {
    public String get(String field) {
        return fields == null ? null : fields.get(field);
    }
}
