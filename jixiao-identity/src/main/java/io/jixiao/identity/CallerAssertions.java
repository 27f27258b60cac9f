package io.jixiao.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks {@link CallerAssertion}s as compact JWS (HS256): {@code header.payload.signature}, each part
 * base64url. The header is fixed, so no other algorithm is ever accepted; the signature covers the header and
 * the whole payload. Checking refuses an assertion that is forged, expired, for another service, or for another
 * method or path than the request it arrived with.
 */
public final class CallerAssertions {

    /** The header a forwarded request carries the assertion in. */
    public static final String HEADER = "X-Jixiao-Caller";

    /** Allowed difference between the gateway's and a service's clocks. */
    public static final long CLOCK_SKEW_SECONDS = 5;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER_PART = ENCODER.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"jixiao-caller+jwt\"}".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private CallerAssertions() {
    }

    /** The compact form of {@code assertion}, signed with {@code key}. */
    public static String sign(CallerAssertion assertion, CallerKey key) {
        try {
            String signed = HEADER_PART + "." + ENCODER.encodeToString(JSON.writeValueAsBytes(assertion));
            return signed + "." + ENCODER.encodeToString(mac(key, signed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a caller assertion", e);
        }
    }

    /**
     * The assertion in {@code compact}, checked against {@code key}, this service's name, the request's method
     * and raw path, and the time.
     *
     * @throws AssertionRejected with the reason when anything does not hold
     */
    public static CallerAssertion verify(String compact, CallerKey key, String audience, String method, String rawPath,
                                         Instant now) {
        if (compact == null || compact.isBlank()) {
            throw new AssertionRejected("no caller assertion");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(HEADER_PART)) {
            throw new AssertionRejected("malformed caller assertion");
        }
        byte[] presented;
        try {
            presented = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new AssertionRejected("malformed caller assertion");
        }
        if (!MessageDigest.isEqual(presented, mac(key, parts[0] + "." + parts[1]))) {
            throw new AssertionRejected("caller assertion signature does not verify");
        }
        CallerAssertion assertion;
        try {
            assertion = JSON.readValue(DECODER.decode(parts[1]), CallerAssertion.class);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new AssertionRejected("malformed caller assertion");
        }
        long seconds = now.getEpochSecond();
        if (assertion.expiresAt() + CLOCK_SKEW_SECONDS < seconds) {
            throw new AssertionRejected("caller assertion expired");
        }
        if (assertion.issuedAt() - CLOCK_SKEW_SECONDS > seconds) {
            throw new AssertionRejected("caller assertion issued in the future");
        }
        if (!audience.equals(assertion.audience())) {
            throw new AssertionRejected("caller assertion is for another service");
        }
        if (!method.equalsIgnoreCase(assertion.method()) || !rawPath.equals(assertion.path())) {
            throw new AssertionRejected("caller assertion is for another request");
        }
        if (assertion.subject() == null || assertion.subject().isBlank()) {
            throw new AssertionRejected("caller assertion names no subject");
        }
        return assertion;
    }

    private static byte[] mac(CallerKey key, String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.bytes(), ALGORITHM));
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
