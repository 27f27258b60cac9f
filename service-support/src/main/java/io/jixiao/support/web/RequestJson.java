package io.jixiao.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * How the services read JSON request bodies: the application's {@link ObjectMapper}, stricter. Found by the fault
 * suite's bad-input run; each of these was accepted (and recorded) or answered 500 before:
 * <ul>
 *   <li>trailing content after the JSON value ({@code {...}{...}}) is refused, not silently ignored;</li>
 *   <li>text must be valid Unicode without NUL or other control characters (tab and line breaks are text):
 *       a lone surrogate ({@code \ud800}) cannot be stored as UTF-8 and was recorded as {@code ?};</li>
 *   <li>a number's exponent is kept within ±1000, so that no check overflows on it: {@code 1E+2147483647}
 *       passed {@code @Digits} (its digit count overflows an int) and then broke the conversion to fen (500).</li>
 * </ul>
 * Only request bodies are read this way; events, envelopes and everything else keep the application's mapper.
 */
public final class RequestJson {
    static final int MAX_EXPONENT = 1000;

    private RequestJson() {
    }

    /** The application's mapper with the request guards. */
    public static ObjectMapper forRequests(ObjectMapper applicationMapper) {
        SimpleModule guards = new SimpleModule("jixiao-request-guards");
        guards.addDeserializer(String.class, new GuardedText());
        guards.addDeserializer(BigDecimal.class, new GuardedDecimal());
        return applicationMapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).registerModule(guards);
    }

    /** Why {@code text} is not acceptable, or null: NUL, control characters (but tab, CR, LF), lone surrogates. */
    static String problemOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < 0x20 || c == 0x7f) {
                return "text must not contain NUL or control characters (found U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "text must be valid Unicode (found a lone surrogate U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "text must be valid Unicode (found a lone surrogate U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }

    static final class GuardedText extends StdScalarDeserializer<String> {
        GuardedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = text == null ? null : problemOf(text);
            if (problem != null) {
                return ctxt.reportInputMismatch(String.class, "%s", problem);
            }
            return text;
        }
    }

    static final class GuardedDecimal extends StdScalarDeserializer<BigDecimal> {
        GuardedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (value != null && (Math.abs((long) value.scale()) > MAX_EXPONENT || value.precision() > MAX_EXPONENT)) {
                return ctxt.reportInputMismatch(BigDecimal.class, "number out of range (more than %d digits or an "
                        + "exponent beyond ±%d)", MAX_EXPONENT, MAX_EXPONENT);
            }
            return value;
        }
    }
}
