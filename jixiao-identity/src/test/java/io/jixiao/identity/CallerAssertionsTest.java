package io.jixiao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerAssertionsTest {
    private static final CallerKey KEY = CallerKey.of("k".repeat(40), "test key");
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    private static CallerAssertion alice() {
        return CallerAssertion.issue("alice", Set.of("UNIT"), Set.of("430203"), Set.of("czj"), null,
                "budget-service", "PUT", "/api/budget/districts/430203/projects/P", "c-1", "k-1", NOW);
    }

    @Test
    void aSignedAssertionVerifiesForItsOwnRequestAndKeepsEveryField() {
        String compact = CallerAssertions.sign(alice(), KEY);
        CallerAssertion verified = CallerAssertions.verify(compact, KEY, "budget-service", "PUT",
                "/api/budget/districts/430203/projects/P", NOW.plusSeconds(3));
        assertThat(verified).isEqualTo(alice());
        assertThat(verified.units()).containsExactly("czj");
    }

    @Test
    void theDisplayNameTravelsSignedAndAnAssertionWithoutItStaysValid() {
        String path = "/api/budget/districts/430203/projects/P";
        String named = CallerAssertions.sign(alice().withName("张三"), KEY);
        CallerAssertion verified = CallerAssertions.verify(named, KEY, "budget-service", "PUT", path, NOW);
        assertThat(verified.name()).isEqualTo("张三");
        assertThat(verified).isEqualTo(alice().withName("张三"));

        String unnamed = CallerAssertions.sign(alice(), KEY);
        String payload = new String(Base64.getUrlDecoder().decode(unnamed.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain("\"name\"");
        assertThat(CallerAssertions.verify(unnamed, KEY, "budget-service", "PUT", path, NOW).name()).isNull();

        String[] parts = named.split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("张三", "李四");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRejected(() -> CallerAssertions.verify(tampered, KEY, "budget-service", "PUT", path, NOW), "signature");
    }

    @Test
    void refusesEveryOtherServiceRequestKeyAndTime() {
        String compact = CallerAssertions.sign(alice(), KEY);
        String path = "/api/budget/districts/430203/projects/P";
        assertRejected(() -> CallerAssertions.verify(compact, KEY, "evaluation-service", "PUT", path, NOW),
                "another service");
        assertRejected(() -> CallerAssertions.verify(compact, KEY, "budget-service", "POST", path, NOW),
                "another request");
        assertRejected(() -> CallerAssertions.verify(compact, KEY, "budget-service", "PUT", path + "/history", NOW),
                "another request");
        assertRejected(() -> CallerAssertions.verify(compact, CallerKey.of("x".repeat(40), "other"),
                "budget-service", "PUT", path, NOW), "signature");
        assertRejected(() -> CallerAssertions.verify(compact, KEY, "budget-service", "PUT", path,
                NOW.plus(CallerAssertion.LIFETIME).plusSeconds(CallerAssertions.CLOCK_SKEW_SECONDS + 1)), "expired");
        assertRejected(() -> CallerAssertions.verify(compact, KEY, "budget-service", "PUT", path,
                NOW.minusSeconds(CallerAssertions.CLOCK_SKEW_SECONDS + 1)), "future");
        assertRejected(() -> CallerAssertions.verify(null, KEY, "budget-service", "PUT", path, NOW), "no caller");
        assertRejected(() -> CallerAssertions.verify("a.b", KEY, "budget-service", "PUT", path, NOW), "malformed");
    }

    @Test
    void aPayloadChangedPieceByPieceDoesNotVerify() {
        String compact = CallerAssertions.sign(alice(), KEY);
        String[] parts = compact.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        for (String[] change : new String[][] {{"\"alice\"", "\"mallory\""}, {"\"UNIT\"", "\"FINANCE\""},
                {"\"430203\"", "\"*\""}, {"\"czj\"", "\"*\""}}) {
            String forged = payload.replace(change[0], change[1]);
            assertThat(forged).isNotEqualTo(payload);
            String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            assertRejected(() -> CallerAssertions.verify(tampered, KEY, "budget-service", "PUT",
                    "/api/budget/districts/430203/projects/P", NOW), "signature");
        }
    }

    @Test
    void anotherAlgorithmInTheHeaderIsNeverAccepted() {
        String[] parts = CallerAssertions.sign(alice(), KEY).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(() -> CallerAssertions.verify(none + "." + parts[1] + ".", KEY, "budget-service", "PUT",
                "/api/budget/districts/430203/projects/P", NOW), "malformed");
    }

    @Test
    void keysMustBeLongAndOutsideLocalModeNotWellKnown() {
        assertThatThrownBy(() -> CallerKey.of("", "jixiao.caller-key (JIXIAO_CALLER_KEY)"))
                .hasMessageContaining("jixiao.caller-key (JIXIAO_CALLER_KEY) is not set");
        assertThatThrownBy(() -> CallerKey.of("short", "k")).hasMessageContaining("too short");
        assertThat(CallerKey.problem("local-dev-secret-local-dev-secret-0000", false)).get().asString()
                .contains("well-known");
        assertThat(CallerKey.problem("local-dev-secret-local-dev-secret-0000", true)).isEmpty();
        assertThat(CallerKey.problem(CallerKey.random(), false)).isEmpty();
        assertThat(CallerKey.isWellKnown("postgres")).isTrue();
        assertThat(CallerKey.isWellKnown("Change-Me")).isTrue();
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOf(AssertionRejected.class).hasMessageContaining(reason);
    }
}
