package io.jixiao.events;

import java.util.regex.Pattern;

/** A district: its 6-digit administrative division code (芦淞区 430203). The one definition of its shape. */
public final class DistrictCode {
    /** The shape, as a regular expression. */
    public static final String PATTERN = "\\d{6}";
    /** What a refusal says of a value of another shape. */
    public static final String MESSAGE = "must be a 6-digit district code";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private DistrictCode() {
    }

    public static boolean isValid(String code) {
        return code != null && COMPILED.matcher(code).matches();
    }
}
