package io.jixiao.support.web;

/** Reads an {@code If-Match} header holding a version ETag ({@code "3"}, {@code W/"3"} or {@code 3}). */
public final class IfMatch {
    private IfMatch() {
    }

    public static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match: '" + header + "' is not a version ETag such as \"3\"");
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
