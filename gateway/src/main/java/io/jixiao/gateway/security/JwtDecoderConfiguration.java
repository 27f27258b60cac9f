package io.jixiao.gateway.security;

import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies RS256 tokens: against the issuer's JWKS ({@code JIXIAO_JWT_JWK_SET_URI}) in production,
 * otherwise against the local key in {@code jixiao.jwt.keys-dir}, generated at first start.
 * Accepted tokens name the required issuer, are for the {@code jixiao} audience, were issued ({@code iat}) not in
 * the future and for no longer than {@code jixiao.jwt.max-lifetime}, are unexpired, and name a usable subject.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    /** Subjects are forwarded in a header: printable ASCII without spaces. */
    private static final Pattern FORWARDABLE_SUBJECT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** Distinct tokens whose signature check is remembered (see {@link VerifiedTokenCache}). */
    private static final int VERIFIED_TOKENS_REMEMBERED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(JwtDecoderConfiguration.class);

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties, GatewayStartupChecks checked) throws JOSEException {
        NimbusReactiveJwtDecoder decoder;
        if (properties.usesJwkSetUri()) {
            log.info("Verifying tokens with the keys at {}", properties.jwkSetUri());
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            log.info("Verifying tokens with the local key in {}", properties.keysDir().toAbsolutePath());
            RSAPublicKey publicKey = LocalSigningKey.loadOrCreate(properties.keysDir()).toRSAPublicKey();
            decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey)
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        }
        OAuth2TokenValidator<Jwt> validator = validator(properties);
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, VERIFIED_TOKENS_REMEMBERED, java.time.Clock.systemUTC());
    }

    private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(properties.requiredIssuer()));
        validators.add(new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new TokenLifetimeValidator(properties.maxLifetime(), java.time.Clock.systemUTC()));
        validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                audience -> audience != null && audience.contains(properties.audience())));
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB,
                subject -> subject != null && FORWARDABLE_SUBJECT.matcher(subject).matches()));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
