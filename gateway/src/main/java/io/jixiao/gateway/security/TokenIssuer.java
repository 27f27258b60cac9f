package io.jixiao.gateway.security;

import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs RS256 tokens with the local key: for the local stack and for tests, never in production. */
public final class TokenIssuer {

    public static final String AUDIENCE = "jixiao";
    public static final String LOCAL_ISSUER = "jixiao-local";

    private final RSAKey signingKey;

    public TokenIssuer(RSAKey signingKey) {
        this.signingKey = signingKey;
    }

    public String issue(TokenSpec spec) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        if (!spec.units().isEmpty()) {
            builder.claim(Caller.UNITS_CLAIM, spec.units());
        }
        if (spec.agency() != null) {
            builder.claim(Caller.AGENCY_CLAIM, spec.agency());
        }
        if (spec.name() != null) {
            builder.claim(Caller.NAME_CLAIM, spec.name());
        }
        JWTClaimsSet claims = builder
                .issuer(LOCAL_ISSUER)
                .subject(spec.subject())
                .audience(spec.audience())
                .claim(Caller.ROLES_CLAIM, spec.roles())
                .claim(Caller.DISTRICTS_CLAIM, spec.districts())
                .issueTime(Date.from(spec.issuedAt()))
                .notBeforeTime(Date.from(spec.issuedAt()))
                .expirationTime(Date.from(spec.expiresAt()))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }
}
