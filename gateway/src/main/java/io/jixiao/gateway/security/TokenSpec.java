package io.jixiao.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a token issued by {@link TokenIssuer} says. */
public record TokenSpec(String subject, List<String> roles, List<String> districts, List<String> units,
        String agency, String audience, Instant issuedAt, Duration validity, String name) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(8);

    /** A token for the {@code jixiao} audience, issued now, valid for eight hours, naming no unit or agency. */
    public static TokenSpec of(String subject, List<String> roles, List<String> districts) {
        return new TokenSpec(subject, List.copyOf(roles), List.copyOf(districts), List.of(), null,
                TokenIssuer.AUDIENCE, Instant.now(), DEFAULT_VALIDITY, null);
    }

    /** The units a UNIT user acts for ({@code *} = every unit of its districts). */
    public TokenSpec withUnits(List<String> otherUnits) {
        return new TokenSpec(subject, roles, districts, List.copyOf(otherUnits), agency, audience, issuedAt, validity,
                name);
    }

    /** The agency an EVALUATOR belongs to. */
    public TokenSpec withAgency(String otherAgency) {
        return new TokenSpec(subject, roles, districts, units, otherAgency, audience, issuedAt, validity, name);
    }

    public TokenSpec withAudience(String otherAudience) {
        return new TokenSpec(subject, roles, districts, units, agency, otherAudience, issuedAt, validity, name);
    }

    public TokenSpec withIssuedAt(Instant otherIssuedAt) {
        return new TokenSpec(subject, roles, districts, units, agency, audience, otherIssuedAt, validity, name);
    }

    public TokenSpec withValidity(Duration otherValidity) {
        return new TokenSpec(subject, roles, districts, units, agency, audience, issuedAt, otherValidity, name);
    }

    /** The display name (claim {@code name}, e.g. 张三); null: none. */
    public TokenSpec withName(String otherName) {
        return new TokenSpec(subject, roles, districts, units, agency, audience, issuedAt, validity, otherName);
    }

    public Instant expiresAt() {
        return issuedAt.plus(validity);
    }
}
