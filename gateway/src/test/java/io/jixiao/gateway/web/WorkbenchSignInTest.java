package io.jixiao.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.jixiao.gateway.security.Role;
import io.jixiao.gateway.testing.GatewayWithStubTest;
import io.jixiao.gateway.testing.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.BodyInserters;

/** Sign-in by one-time code and by a pasted token, the session cookie, the pages' headers, and refusals. */
class WorkbenchSignInTest extends GatewayWithStubTest {

    private SignInCodes codes() {
        return new SignInCodes(SignInCodes.directoryOf(TOKENS.keysDir().toAbsolutePath().getParent()));
    }

    private String code(String subject, List<String> roles, List<String> districts) {
        return codes().issue(new SignInCodes.Identity(subject, roles, districts), SignInCodes.DEFAULT_VALIDITY);
    }

    private String signInCookie(String code) {
        var result = anonymousClient().get().uri("/sign-in?code=" + code).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/")
                .returnResult(Void.class);
        ResponseCookie cookie = result.getResponseCookies().getFirst(SessionCookie.NAME);
        assertThat(cookie).isNotNull();
        return cookie.getValue();
    }

    @Test
    void aCodeSignsInOnceWithAnHttpOnlyStrictCookie() {
        String code = code("alice", List.of("AUDITOR"), List.of("430202"));
        var result = anonymousClient().get().uri("/sign-in?code=" + code).exchange()
                .expectStatus().isSeeOther().returnResult(Void.class);
        String setCookie = result.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(setCookie).startsWith(SessionCookie.NAME + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/");

        anonymousClient().get().uri("/sign-in?code=" + code).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/sign-in?failed=code")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    @Test
    void anExpiredCodeIsRefused() {
        Path dir = SignInCodes.directoryOf(TOKENS.keysDir().toAbsolutePath().getParent());
        String code = new SignInCodes(dir, Clock.fixed(Instant.now().minus(Duration.ofMinutes(6)), ZoneOffset.UTC))
                .issue(new SignInCodes.Identity("late", List.of("AUDITOR"), List.of("*")), Duration.ofMinutes(5));
        anonymousClient().get().uri("/sign-in?code=" + code).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/sign-in?failed=code")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        anonymousClient().get().uri("/sign-in?code=not-a-code").exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/sign-in?failed=code");
    }

    @Test
    void theCookieAuthenticatesReadsButNeverWrites() throws InterruptedException {
        String session = signInCookie(code("bob", List.of("FINANCE"), List.of("430202")));
        anonymousClient().get().uri("/api/session").cookie(SessionCookie.NAME, session).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEqualTo("bob")
                .jsonPath("$.roles[0]").isEqualTo("FINANCE")
                .jsonPath("$.districts[0]").isEqualTo("430202");
        anonymousClient().get().uri("/api/budget/districts/430202/projects/p").cookie(SessionCookie.NAME, session)
                .exchange().expectStatus().isOk();
        RecordedRequest received = STUB.nextRequest();
        assertThat(received.caller().subject()).isEqualTo("bob");

        anonymousClient().post().uri("/api/budget/districts/430202/projects/p/appropriations")
                .cookie(SessionCookie.NAME, session).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
        anonymousClient().get().uri("/api/session").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void noTokenIsTakenFromTheUrl() {
        String dashboard = TOKENS.issue("wall", List.of(Role.DASHBOARD), "430202");
        anonymousClient().get().uri("/api/reports/districts/430202/years/2022?format=html&access_token=" + dashboard)
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aPastedTokenBecomesTheSessionFromThisOriginOnly() {
        String token = TOKENS.issue("carol", List.of(Role.AUDITOR), "430203");
        var result = anonymousClient().post().uri("/sign-in").header("Sec-Fetch-Site", "same-origin")
                .body(BodyInserters.fromFormData("token", token)).exchange()
                .expectStatus().isSeeOther().returnResult(Void.class);
        assertThat(result.getResponseCookies().getFirst(SessionCookie.NAME).getValue()).isEqualTo(token);

        anonymousClient().post().uri("/sign-in").header("Sec-Fetch-Site", "cross-site")
                .body(BodyInserters.fromFormData("token", token)).exchange()
                .expectStatus().isForbidden();
        anonymousClient().post().uri("/sign-in").header("Origin", "https://evil.example")
                .body(BodyInserters.fromFormData("token", token)).exchange()
                .expectStatus().isForbidden();
        anonymousClient().post().uri("/sign-in").header("Sec-Fetch-Site", "same-origin")
                .body(BodyInserters.fromFormData("token", "not.a.jwt")).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/sign-in?failed=token");
    }

    @Test
    void pagesComeWithAPolicyThatAllowsNoInlineScript() {
        for (String page : List.of("/", "/districts/430202/years/2022", "/districts/430202/years/2022/findings",
                "/districts/430202/projects/p-1", "/sign-in")) {
            anonymousClient().get().uri(page).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().value("Content-Security-Policy", policy -> {
                        assertThat(policy).contains("script-src 'self';").doesNotContain("unsafe-eval");
                        String scriptSrc = policy.substring(policy.indexOf("script-src"));
                        assertThat(scriptSrc.substring(0, scriptSrc.indexOf(';'))).doesNotContain("unsafe-inline");
                    })
                    .expectBody(String.class).value(html -> assertThat(html).doesNotContainPattern("<script(?![^>]*src=)"));
        }
        anonymousClient().get().uri("/assets/vendor/echarts.min.js").exchange().expectStatus().isOk();
        anonymousClient().get().uri("/assets/app.css").exchange().expectStatus().isOk();
    }

    @Test
    void rolesAndDistrictsShapeWhatTheSessionReads() {
        String dashboard = signInCookie(code("wall", List.of("DASHBOARD"), List.of("*")));
        anonymousClient().get().uri("/api/budget/districts/430202/projects/p-1/history").cookie(SessionCookie.NAME, dashboard)
                .exchange().expectStatus().isForbidden();
        anonymousClient().get().uri("/api/disclosure/overview").cookie(SessionCookie.NAME, dashboard)
                .exchange().expectStatus().isOk();
        String unit = signInCookie(code("unit-a", List.of("UNIT"), List.of("430202")));
        anonymousClient().get().uri("/api/reports/districts/430203/years/2023").cookie(SessionCookie.NAME, unit)
                .exchange().expectStatus().isForbidden();
        anonymousClient().get().uri("/api/reports/districts/430202/years/2022").cookie(SessionCookie.NAME, unit)
                .exchange().expectStatus().isOk();
    }

    @Test
    void theNewPathsRefuseWhoMayNotReadThem() {
        String evaluator = TOKENS.issue("ev", List.of(Role.EVALUATOR), "*");
        clientWithToken(evaluator).get().uri("/api/disclosure/overview").exchange().expectStatus().isForbidden();
        anonymousClient().get().uri("/api/disclosure/overview").exchange().expectStatus().isUnauthorized();
        String noRole = TOKENS.issue("nobody", List.of(), "*");
        clientWithToken(noRole).get().uri("/api/session").exchange().expectStatus().isForbidden();
        String unit = TOKENS.issue("u", List.of(Role.UNIT), "430202");
        clientWithToken(unit).get().uri("/api/disclosure/districts/430203/changes").exchange().expectStatus().isForbidden();
        clientWithToken(unit).get().uri("/api/disclosure/districts/430203/projects/p-1/evaluation-events").exchange()
                .expectStatus().isForbidden();
        clientWithToken(unit).post().uri("/api/disclosure/overview").exchange().expectStatus().isForbidden();
    }
}
