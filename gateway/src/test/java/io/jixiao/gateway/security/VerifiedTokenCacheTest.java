package io.jixiao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokenCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private Instant validUntil = NOW.plusSeconds(3600);

    /** Verifies "good-*" tokens (counting each verification) and refuses everything else. */
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token.substring(5))
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(3600)).build());
    };

    /** Like the expiry validator, against a clock the test moves. */
    private final OAuth2TokenValidator<Jwt> unexpired = jwt -> validUntil.isAfter(NOW)
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null));

    private VerifiedTokenCache cache(int max) {
        return new VerifiedTokenCache(verifier, unexpired, max, Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    @Test
    void aTokenIsVerifiedOnceThenRemembered() {
        VerifiedTokenCache cache = cache(10);
        for (int i = 0; i < 5; i++) {
            assertThat(cache.decode("good-alice").block().getSubject()).isEqualTo("alice");
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRefusedTokenIsNeverRememberedAndIsVerifiedEveryTime() {
        VerifiedTokenCache cache = cache(10);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsClaimsNoLongerValidate() {
        VerifiedTokenCache cache = cache(10);
        cache.decode("good-alice").block();
        validUntil = NOW.minusSeconds(1);   // the validators now fail, as at expiry

        assertThatThrownBy(() -> cache.decode("good-alice").block()).isInstanceOf(JwtValidationException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void holdsAtMostItsBound() {
        VerifiedTokenCache cache = cache(2);
        for (String token : List.of("good-a", "good-b", "good-c", "good-a")) {
            cache.decode(token).block();
        }
        assertThat(cache.size()).isEqualTo(2);
        assertThat(verifications).hasValue(4);   // good-a was evicted by good-c and verified again
    }
}
