package io.jixiao.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a token issued by {@link TokenIssuer} says. */
public record TokenSpec(String subject, List<String> roles, List<String> districts, String audience,
        Instant issuedAt, Duration validity) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(8);

    /** A token for the {@code jixiao} audience, issued now, valid for eight hours. */
    public static TokenSpec of(String subject, List<String> roles, List<String> districts) {
        return new TokenSpec(subject, List.copyOf(roles), List.copyOf(districts), TokenIssuer.AUDIENCE, Instant.now(),
                DEFAULT_VALIDITY);
    }

    public TokenSpec withAudience(String otherAudience) {
        return new TokenSpec(subject, roles, districts, otherAudience, issuedAt, validity);
    }

    public TokenSpec withIssuedAt(Instant otherIssuedAt) {
        return new TokenSpec(subject, roles, districts, audience, otherIssuedAt, validity);
    }

    public TokenSpec withValidity(Duration otherValidity) {
        return new TokenSpec(subject, roles, districts, audience, issuedAt, otherValidity);
    }

    public Instant expiresAt() {
        return issuedAt.plus(validity);
    }
}
