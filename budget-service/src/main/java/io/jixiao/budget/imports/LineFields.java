package io.jixiao.budget.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Typed reads of an import line's text fields; a malformed value throws {@link LineProblem} naming the field. */
final class LineFields {
    /**
     * Numbers are kept within this many digits and this exponent (as request bodies are, by service-support's
     * RequestJson): {@code 1E+2147483647} passes {@code @Digits}, whose digit count overflows an int, and then
     * cannot be converted to fen.
     */
    static final int MAX_EXPONENT = 1000;

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

    /**
     * {@code text} without leading and trailing spaces. Unlike {@link String#trim()} (everything up to U+0020) and
     * {@link String#strip()} (tab and line breaks too) it removes no control character: a value such as
     * {@code "fs-p0\u0000"} reaches validation whole and is refused there, not applied to {@code fs-p0}.
     */
    static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) && !Character.isISOControl(c);
    }

    /**
     * Why a value cannot be taken whatever its field, or null: control characters (NUL, tab, line breaks …), which
     * no field allows, and lone surrogates, which are not Unicode and could not be stored.
     */
    static String problemOf(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters (found U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode (found a lone surrogate U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
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
        BigDecimal number;
        try {
            number = new BigDecimal(trimSpaces(value));
        } catch (NumberFormatException e) {
            throw new LineProblem(field, "'" + value + "' is not a number");
        }
        if (Math.abs((long) number.scale()) > MAX_EXPONENT || number.precision() > MAX_EXPONENT) {
            throw new LineProblem(field, "'" + value + "' is out of range (more than " + MAX_EXPONENT
                    + " digits or an exponent beyond ±" + MAX_EXPONENT + ")");
        }
        return number;
    }

    Integer integer(String field) {
        return integerOf(field, line.get(field));
    }

    Integer integerOf(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(trimSpaces(value));
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
        return switch (trimSpaces(value).toLowerCase(java.util.Locale.ROOT)) {
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
            return LocalDate.parse(trimSpaces(value));
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
