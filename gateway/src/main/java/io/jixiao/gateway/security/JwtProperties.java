package io.jixiao.gateway.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are verified ({@code jixiao.jwt.*}).
 *
 * @param jwkSetUri   the issuer's JWKS URL (required outside local mode); when empty the gateway uses its local key
 * @param keysDir     where the local signing key lives (created at first start when {@code jwkSetUri} is empty)
 * @param issuer      the required {@code iss} claim (required outside local mode; locally {@code jixiao-local})
 * @param audience    the required {@code aud} claim
 * @param maxLifetime the longest a token may be valid from its {@code iat} to its {@code exp}
 */
@ConfigurationProperties("jixiao.jwt")
public record JwtProperties(
        String jwkSetUri,
        @DefaultValue(".jixiao/keys") Path keysDir,
        String issuer,
        @DefaultValue(TokenIssuer.AUDIENCE) String audience,
        @DefaultValue("12h") Duration maxLifetime) {

    public boolean usesJwkSetUri() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }

    /** The issuer every token must name: the configured one, else the local stack's own. */
    public String requiredIssuer() {
        return issuer != null && !issuer.isBlank() ? issuer : TokenIssuer.LOCAL_ISSUER;
    }
}
