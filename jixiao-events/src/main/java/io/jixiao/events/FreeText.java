package io.jixiao.events;

/** The shapes of free text every service accepts. The one definition of each. */
public final class FreeText {
    /** Single-line text (names, indicator cells, short reasons): anything but control characters. */
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    public static final String SINGLE_LINE_MESSAGE = "must not contain control characters";
    /** Multi-line text (analyses, findings, conclusions): as single-line, but line feeds separate its lines. */
    public static final String MULTI_LINE = "[^\\x00-\\x09\\x0B-\\x1F\\x7F]*";
    public static final String MULTI_LINE_MESSAGE = "must not contain control characters other than line feeds";

    private FreeText() {
    }
}
