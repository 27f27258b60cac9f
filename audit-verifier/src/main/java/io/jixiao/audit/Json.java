package io.jixiao.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON this module needs (RFC 8259): parse to {@link Map}, {@link List}, {@link String}, {@link Long} or
 * {@link Double}, {@link Boolean} and null; quote a string. Kept here so the verifier has no dependency at all.
 *
 * <p>It reads UTF-8 bytes as they are in the file, and also member by member ({@link #members}, {@link #elements}),
 * so a reader that knows what a member holds takes a base64 or hex value straight from the bytes
 * ({@link #base64}, {@link #hex}) instead of building a string and a tree of maps first: an export of 10,000
 * events is about 9 MB of such values.
 */
final class Json {
    private final byte[] s;
    private int i;

    Json(byte[] utf8) {
        this.s = utf8;
    }

    static Object parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static Object parse(byte[] utf8) {
        Json p = new Json(utf8);
        Object value = p.value();
        p.end();
        return value;
    }

    /** After the top-level value: nothing but white space. */
    void end() {
        space();
        if (i != s.length) {
            throw error("text after the JSON value");
        }
    }

    /** Reads an object member by member: {@code member} is called with each name, positioned at its value. */
    void members(java.util.function.Consumer<String> member) {
        sequence('{', '}', () -> {
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String key = string();
            space();
            expect(':');
            space();
            member.accept(key);
        });
    }

    /** Reads an array element by element: {@code element} is called positioned at each element. */
    void elements(Runnable element) {
        sequence('[', ']', element);
    }

    /** {@code open} item {@code ,} item … {@code close}, possibly empty. */
    private void sequence(char open, char close, Runnable item) {
        space();
        expect(open);
        space();
        if (peek() == close) {
            i++;
            return;
        }
        while (true) {
            space();
            item.run();
            space();
            byte c = next();
            if (c == close) {
                return;
            }
            if (c != ',') {
                throw error("expected , or " + close);
            }
        }
    }

    /** Whether the value here is null (and skips it if so). */
    boolean nullHere() {
        space();
        if (peek() == 'n') {
            literal("null", null);
            return true;
        }
        return false;
    }

    /** A string of base64 (RFC 4648, with padding) decoded from the file's bytes; null for null. */
    byte[] base64() {
        if (nullHere()) {
            return null;
        }
        int start = rawString();
        return java.util.Base64.getDecoder().decode(java.util.Arrays.copyOfRange(s, start, i - 1));
    }

    /** A string of hex digits decoded from the file's bytes; null for null. */
    byte[] hex() {
        if (nullHere()) {
            return null;
        }
        int start = rawString();
        int n = i - 1 - start;
        if (n % 2 != 0) {
            throw new IllegalArgumentException("not a hex string: " + new String(s, start, n, StandardCharsets.UTF_8));
        }
        byte[] bytes = new byte[n / 2];
        for (int k = 0; k < bytes.length; k++) {
            int high = Character.digit(s[start + 2 * k], 16);
            int low = Character.digit(s[start + 2 * k + 1], 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("not a hex string: " + new String(s, start, n, StandardCharsets.UTF_8));
            }
            bytes[k] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /** A string without escapes: returns where its content starts; {@link #i} is after its closing quote. */
    private int rawString() {
        expect('"');
        int start = i;
        while (i < s.length && s[i] != '"') {
            if (s[i] == '\\') {
                throw error("an escape where base64 or hex is expected");
            }
            i++;
        }
        if (i >= s.length) {
            throw error("unterminated string");
        }
        i++;
        return start;
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    Object value() {
        space();
        if (i >= s.length) {
            throw error("unexpected end");
        }
        switch (s[i]) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        members(key -> map.put(key, value()));
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        elements(() -> list.add(value()));
        return list;
    }

    /** A string; null for null. */
    String text() {
        return nullHere() ? null : string();
    }

    private String string() {
        expect('"');
        StringBuilder b = null;
        int start = i;
        while (true) {
            if (i >= s.length) {
                throw error("unterminated string");
            }
            byte c = s[i];
            if (c == '"') {
                String plain = new String(s, start, i - start, StandardCharsets.UTF_8);
                i++;
                return b == null ? plain : b.append(plain).toString();
            }
            if (c == '\\') {
                if (b == null) {
                    b = new StringBuilder();
                }
                b.append(new String(s, start, i - start, StandardCharsets.UTF_8));
                if (i + 1 >= s.length) {
                    throw error("unterminated string");
                }
                byte e = s[i + 1];
                i += 2;
                switch (e) {
                    case '"', '\\', '/' -> b.append((char) e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length) {
                            throw error("unterminated string");
                        }
                        b.append((char) Integer.parseInt(new String(s, i, 4, StandardCharsets.US_ASCII), 16));
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + (char) e);
                }
                start = i;
            } else {
                i++;
            }
        }
    }

    /** An integer member; anything else is refused. */
    long integer(String name) {
        space();
        int start = i;
        if (i < s.length && s[i] == '-') {
            i++;
        }
        while (i < s.length && s[i] >= '0' && s[i] <= '9') {
            i++;
        }
        if (i == start || (i < s.length && (s[i] == '.' || s[i] == 'e' || s[i] == 'E'))) {
            i = start;
            throw new IllegalArgumentException("event member " + name + " is not an integer: " + value());
        }
        return Long.parseLong(new String(s, start, i - start, StandardCharsets.US_ASCII));
    }

    private Object number() {
        int start = i;
        boolean integer = true;
        while (i < s.length && "+-0123456789.eE".indexOf(s[i]) >= 0) {
            integer &= (s[i] >= '0' && s[i] <= '9') || (i == start && s[i] == '-');
            i++;
        }
        if (i == start) {
            throw error("unexpected character '" + (i < s.length ? (char) s[i] : ' ') + "'");
        }
        String n = new String(s, start, i - start, StandardCharsets.US_ASCII);
        return integer ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
    }

    private Object literal(String word, Object value) {
        for (int k = 0; k < word.length(); k++) {
            if (i + k >= s.length || s[i + k] != word.charAt(k)) {
                throw error("expected " + word);
            }
        }
        i += word.length();
        return value;
    }

    private void space() {
        while (i < s.length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
            i++;
        }
    }

    private byte peek() {
        return i < s.length ? s[i] : 0;
    }

    private byte next() {
        if (i >= s.length) {
            throw error("unexpected end");
        }
        return s[i++];
    }

    private void expect(char c) {
        if (next() != c) {
            i--;
            throw error("expected " + c);
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not valid JSON at byte " + i + ": " + what);
    }
}
