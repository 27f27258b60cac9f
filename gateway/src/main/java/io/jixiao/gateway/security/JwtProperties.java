package io.jixiao.gateway.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are verified ({@code jixiao.jwt.*}).
 *
 * @param jwkSetUri the issuer's JWKS URL (production); when empty the gateway uses its local key
 * @param keysDir   where the local signing key lives (created at first start when {@code jwkSetUri} is empty)
 * @param issuer    the required {@code iss} claim; empty means not checked
 * @param audience  the required {@code aud} claim
 */
@ConfigurationProperties("jixiao.jwt")
public record JwtProperties(
        String jwkSetUri,
        @DefaultValue(".jixiao/keys") Path keysDir,
        String issuer,
        @DefaultValue(TokenIssuer.AUDIENCE) String audience) {

    public boolean usesJwkSetUri() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }

    public boolean checksIssuer() {
        return issuer != null && !issuer.isBlank();
    }
}
