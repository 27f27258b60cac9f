package io.jixiao.events;

import java.util.Arrays;
import java.util.Locale;

/**
 * A domain enum whose constants have an English name in code and their Chinese term on the wire
 * (and in reports). JSON accepts either; it writes the Chinese term.
 */
public interface Labelled {
    String label();

    /** Finds the constant whose label or name is {@code text}; {@link IllegalArgumentException} names the choices. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(trimmed) || e.name().equals(trimmed.toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList());
    }
}
