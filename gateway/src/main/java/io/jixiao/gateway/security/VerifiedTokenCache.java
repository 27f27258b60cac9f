package io.jixiao.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose RS256 signature was verified, so that a client sending the same token with
 * every request pays for one RSA verification, not one per request (the signature check was 31% of the
 * gateway's CPU under load, docs/benchmarks.md). Keyed by the whole compact token, signature included:
 * a token differing in any byte is verified afresh. The claim validators (expiry, audience, subject)
 * still run on every request, so a remembered token stops working the second it expires. Only
 * successful verifications are remembered; at most {@code maxEntries}, least recently used evicted.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {
    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Map<String, Jwt> verified;

    VerifiedTokenCache(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int maxEntries, Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = remembered(token);
        if (known != null) {
            OAuth2TokenValidatorResult result = validator.validate(known);
            if (result.hasErrors()) {
                forget(token);
                return Mono.error(new JwtValidationException("token no longer valid", result.getErrors()));
            }
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    int size() {
        synchronized (verified) {
            return verified.size();
        }
    }

    private Jwt remembered(String token) {
        synchronized (verified) {
            return verified.get(token);
        }
    }

    private void remember(String token, Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null || !expiresAt.isAfter(clock.instant())) {
            return;
        }
        synchronized (verified) {
            verified.put(token, jwt);
        }
    }

    private void forget(String token) {
        synchronized (verified) {
            verified.remove(token);
        }
    }
}
