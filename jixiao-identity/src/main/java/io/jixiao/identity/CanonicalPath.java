package io.jixiao.identity;

import java.util.Optional;

/**
 * The one spelling of a path that the gateway forwards and the services act on. A raw path is canonical when
 * decoding and normalising it cannot change what it names: no {@code ;} parameters, no backslash, no empty,
 * {@code .} or {@code ..} segment, and no percent-encoding of a character that means the same unencoded
 * (letters, digits, {@code -._~}) or that changes the structure ({@code / \ ; %}). Anything else (a path a
 * router and a controller might read differently) is refused, before any access decision.
 */
public final class CanonicalPath {

    private CanonicalPath() {
    }

    /** Why {@code rawPath} is not canonical, or empty when it is. */
    public static Optional<String> problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of("the path must start with /");
        }
        if (rawPath.equals("/")) {
            return Optional.empty();
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == ';') {
                return Optional.of("path parameters (;) are not accepted");
            }
            if (c == '\\') {
                return Optional.of("a backslash is not accepted in a path");
            }
            if (c < 0x21 || c > 0x7E) {
                return Optional.of("the path has a character that must be percent-encoded");
            }
            if (c == '%') {
                if (i + 2 >= rawPath.length() || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                    return Optional.of("the path has a malformed percent-encoding");
                }
                char decoded = (char) (hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2)));
                if (unreserved(decoded) || decoded == '/' || decoded == '\\' || decoded == ';' || decoded == '%'
                        || decoded < 0x20) {
                    return Optional.of("the path percent-encodes '" + printable(decoded)
                            + "', which must be written as itself or not at all");
                }
                i += 2;
            }
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i < segments.length - 1) {
                return Optional.of("the path has an empty segment (//)");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("the path has a dot segment");
            }
        }
        return Optional.empty();
    }

    public static boolean isCanonical(String rawPath) {
        return problem(rawPath).isEmpty();
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }
}
