package io.jixiao.events;

import java.util.regex.Pattern;

/**
 * An id a client chooses (a unit, project, goal, evaluation, bond, package): unique within a district, and never
 * holding ':' (aggregate identifiers join type, district and ids with it). The one definition of its shape.
 */
public final class ClientId {
    /** The shape, as a regular expression. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    /** What a refusal says of a value of another shape. */
    public static final String MESSAGE = "must match " + PATTERN;

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private ClientId() {
    }

    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }
}
