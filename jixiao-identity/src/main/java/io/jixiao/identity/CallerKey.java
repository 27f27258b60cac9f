package io.jixiao.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The key one service shares with the gateway to sign and check {@link CallerAssertion}s (HMAC-SHA256). Each
 * service has its own: a service's key lets nobody act on another service.
 */
public final class CallerKey {

    /** At least 256 bits of text. */
    public static final int MIN_LENGTH = 32;

    /**
     * Values that are published somewhere (this repository's history, tutorials) and so protect nothing:
     * refused outside local mode, whatever their length.
     */
    private static final Set<String> WELL_KNOWN = Set.of("local-dev-secret", "change-me", "changeme", "secret",
            "test-secret", "password", "postgres", "jixiao", "local-dev-secret-local-dev-secret-0000",
            "0000000000000000000000000000000000000000000000000000000000000000");

    private final byte[] bytes;

    private CallerKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The key in {@code value}, or why it cannot be used; {@code setting} names the configuration property
     * (and its environment variable) in the message.
     */
    public static CallerKey of(String value, String setting) {
        String problem = problem(value, true).orElse(null);
        if (problem != null) {
            throw new IllegalStateException(setting + " " + problem);
        }
        return new CallerKey(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Why {@code value} cannot serve as a key (empty, short or, unless {@code localMode}, well known). */
    public static Optional<String> problem(String value, boolean localMode) {
        if (value == null || value.isBlank()) {
            return Optional.of("is not set: every service needs its own key of at least " + MIN_LENGTH
                    + " characters, shared only with the gateway");
        }
        if (value.length() < MIN_LENGTH) {
            return Optional.of("is too short (" + value.length() + " characters; at least " + MIN_LENGTH + ")");
        }
        if (!localMode && isWellKnown(value)) {
            return Optional.of("is a well-known default value; set a random one outside local mode");
        }
        return Optional.empty();
    }

    /** Whether {@code value} is a published default (keys, secrets and database passwords alike). */
    public static boolean isWellKnown(String value) {
        return value != null && WELL_KNOWN.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /** A fresh random key (the local stack makes one per service at every start). */
    public static String random() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    byte[] bytes() {
        return bytes;
    }
}
