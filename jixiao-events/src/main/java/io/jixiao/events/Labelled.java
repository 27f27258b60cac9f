package io.jixiao.events;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * A domain enum whose constants have an English name in code and their Chinese term ({@link Label}) in
 * reports. On the wire a constant travels by its Chinese term, or by its code (the constant's name) when the
 * enum is marked {@link TravelsByCode}; JSON input accepts either form. The forms are pinned by a test:
 * stored events and API clients depend on them.
 */
@JsonDeserialize(using = LabelledReader.class, keyUsing = LabelledReader.Keys.class)
public interface Labelled {
    /** The constant's Chinese term, from its {@link Label}. */
    default String label() {
        return LabelledReader.labelOf((Enum<?>) this);
    }

    /** The form the constant travels in (JSON values and map keys). */
    @JsonValue
    default String wire() {
        Enum<?> constant = (Enum<?>) this;
        return constant.getDeclaringClass().isAnnotationPresent(TravelsByCode.class) ? constant.name() : label();
    }

    /** Marks an enum that travels on the wire by its code rather than its Chinese term. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface TravelsByCode {
    }

    /** {@link #parse} as a function, for readers that take one: {@code Labelled.parser(Grade.class)}. */
    static <E extends Enum<E> & Labelled> Function<String, E> parser(Class<E> type) {
        return text -> parse(type, text);
    }

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
