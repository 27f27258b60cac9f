package io.jixiao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.jixiao.gateway.problem.GatewayProblem;
import io.jixiao.gateway.testing.GatewayWithStubTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class TokenValidationTest extends GatewayWithStubTest {

    private static final String PATH = "/api/budget/districts/430203/projects/p-1";

    private static TokenSpec financeIn430203() {
        return TokenSpec.of("alice", List.of("FINANCE"), List.of("430203"));
    }

    @Test
    void aValidTokenIsAccepted() {
        clientWithToken(TOKENS.issue(financeIn430203())).get().uri(PATH).exchange()
                .expectStatus().isOk().expectBody().returnResult();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        String forged = new TokenIssuer(LocalSigningKey.loadOrCreate(Files.createTempDirectory("other-key")))
                .issue(financeIn430203());
        assertRejected(forged);
    }

    @Test
    void anExpiredTokenIsRejected() {
        assertRejected(TOKENS.issue(financeIn430203()
                .withIssuedAt(Instant.now().minus(Duration.ofHours(2)))
                .withValidity(Duration.ofHours(1))));
    }

    @Test
    void aTokenValidForLongerThanTheMaximumLifetimeIsRejected() {
        assertRejected(TOKENS.issue(financeIn430203().withValidity(Duration.ofHours(12).plusMinutes(1))));
        clientWithToken(TOKENS.issue(financeIn430203().withValidity(Duration.ofHours(12)))).get().uri(PATH).exchange()
                .expectStatus().isOk().expectBody().returnResult();
    }

    @Test
    void aTokenIssuedInTheFutureIsRejected() {
        assertRejected(TOKENS.issue(financeIn430203().withIssuedAt(Instant.now().plus(Duration.ofMinutes(10)))));
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() throws Exception {
        com.nimbusds.jose.jwk.RSAKey key = LocalSigningKey.loadOrCreate(TOKENS.keysDir());
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("someone-else")
                .subject("alice").audience("jixiao").claim("roles", List.of("FINANCE"))
                .claim("districts", List.of("430203")).issueTime(new java.util.Date())
                .expirationTime(java.util.Date.from(Instant.now().plusSeconds(600))).build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        assertRejected(jwt.serialize());
        com.nimbusds.jwt.JWTClaimsSet noIat = new com.nimbusds.jwt.JWTClaimsSet.Builder(claims)
                .issuer(TokenIssuer.LOCAL_ISSUER).issueTime(null).build();
        com.nimbusds.jwt.SignedJWT withoutIat = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), noIat);
        withoutIat.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        assertRejected(withoutIat.serialize());
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        assertRejected(TOKENS.issue(financeIn430203().withAudience("someone-else")));
    }

    @Test
    void aTamperedTokenIsRejected() {
        String[] parts = TOKENS.issue(financeIn430203()).split("\\.");
        String widerClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"alice\",\"aud\":\"jixiao\",\"roles\":[\"FINANCE\"],\"districts\":[\"*\"],"
                        + "\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond() + "}").getBytes());
        assertRejected(parts[0] + "." + widerClaims + "." + parts[2]);
    }

    @Test
    void anUnsignedTokenIsRejected() {
        String[] parts = TOKENS.issue(financeIn430203()).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertRejected(none + "." + parts[1] + ".");
    }

    @Test
    void garbageIsRejected() {
        assertRejected("not-a-jwt");
    }

    private void assertRejected(String token) {
        WebTestClient caller = clientWithToken(token);
        caller.get().uri(PATH).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"jixiao\", error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.type").isEqualTo(GatewayProblem.UNAUTHENTICATED.type())
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.correlationId").exists();
        assertThat(STUB.receivedNothing()).isTrue();
    }
}
