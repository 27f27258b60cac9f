package io.jixiao.budget.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Typed reads of an import line's text fields; a malformed value throws {@link LineProblem} naming the field. */
final class LineFields {
    private final ImportLine line;

    LineFields(ImportLine line) {
        this.line = line;
    }

    /** A field that could not be read. */
    static final class LineProblem extends RuntimeException {
        final String rule;
        final String field;

        LineProblem(String rule, String field, String message) {
            super(message);
            this.rule = rule;
            this.field = field;
        }

        LineProblem(String field, String message) {
            this("VALIDATION", field, message);
        }
    }

    String text(String field) {
        return line.get(field);
    }

    String required(String field) {
        String value = line.get(field);
        if (value == null || value.isBlank()) {
            throw new LineProblem(field, "is required");
        }
        return value;
    }

    /** {@code field}, or {@code alias} when the line uses that name. */
    String either(String field, String alias) {
        return line.get(field) != null ? line.get(field) : line.get(alias);
    }

    BigDecimal decimal(String field) {
        String value = line.get(field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new LineProblem(field, "'" + value + "' is not a number");
        }
    }

    Integer integer(String field) {
        return integerOf(field, line.get(field));
    }

    Integer integerOf(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value.trim());
            return d.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new LineProblem(field, "'" + value + "' is not a whole number");
        }
    }

    Boolean bool(String field) {
        String value = line.get(field);
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "是" -> true;
            case "false", "no", "0", "否" -> false;
            default -> throw new LineProblem(field, "'" + value + "' is not true or false");
        };
    }

    LocalDate date(String field) {
        String value = line.get(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new LineProblem(field, "'" + value + "' is not a date (2023-08-31)");
        }
    }

    <E> E choice(String field, Function<String, E> parse) {
        String value = line.get(field);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new LineProblem(field, e.getMessage());
        }
    }

    /** A list of whole numbers written {@code 3;10} (or {@code 3|10}). */
    List<Integer> integers(String field) {
        String value = line.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        List<Integer> list = new ArrayList<>();
        for (String part : value.split("[;|]")) {
            if (!part.isBlank()) {
                list.add(integerOf(field, part));
            }
        }
        return list;
    }
}
