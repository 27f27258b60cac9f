package io.jixiao.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token must say when it was issued ({@code iat}), not later than now (with a minute of clock skew), and be
 * valid for no longer than the configured maximum: a stolen token is worth at most that long.
 */
final class TokenLifetimeValidator implements OAuth2TokenValidator<Jwt> {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Duration maxLifetime;
    private final Clock clock;

    TokenLifetimeValidator(Duration maxLifetime, Clock clock) {
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant issuedAt = token.getIssuedAt();
        Instant expiresAt = token.getExpiresAt();
        if (issuedAt == null) {
            return invalid("the token has no iat (issued-at) claim");
        }
        if (issuedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return invalid("the token's iat is in the future");
        }
        if (expiresAt != null && Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
            return invalid("the token is valid for longer than " + maxLifetime);
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
