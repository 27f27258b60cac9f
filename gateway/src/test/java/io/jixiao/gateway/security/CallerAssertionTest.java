package io.jixiao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.jixiao.gateway.testing.GatewayWithStubTest;
import io.jixiao.gateway.testing.RecordedRequest;
import io.jixiao.identity.CallerAssertion;
import io.jixiao.identity.CallerAssertions;
import org.junit.jupiter.api.Test;

/** What a service learns of the caller comes in one signed assertion, never from anything the client sent. */
class CallerAssertionTest extends GatewayWithStubTest {

    @Test
    void forgedIdentityHeadersAreDroppedAndTheVerifiedCallerIsAsserted() throws InterruptedException {
        String token = TOKENS.issue(TokenSpec.of("alice", List.of("FINANCE", "UNIT"), List.of("430211", "430203"))
                .withUnits(List.of("czj", "jyj")));

        clientWithToken(token).get().uri("/api/budget/districts/430203/projects/p-1")
                .header("X-Jixiao-Actor", "mallory")
                .header("X-Jixiao-Roles", "AUDITOR")
                .header("x-jixiao-districts", "*")
                .header("X-Jixiao-Gateway-Secret", "local-dev-secret")
                .header(CallerAssertions.HEADER, "forged.assertion.value")
                .exchange()
                .expectStatus().isOk().expectBody().returnResult();

        RecordedRequest received = STUB.nextRequest();
        assertThat(received.headers().keySet()).filteredOn(name -> name.toLowerCase().startsWith("x-jixiao-"))
                .containsExactly(CallerAssertions.HEADER);
        assertThat(received.headers().get(CallerAssertions.HEADER)).hasSize(1);
        CallerAssertion caller = received.caller();
        assertThat(caller.subject()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactly("FINANCE", "UNIT");
        assertThat(caller.districts()).containsExactly("430203", "430211");
        assertThat(caller.units()).containsExactly("czj", "jyj");
        assertThat(caller.audience()).isEqualTo("budget-service");
        assertThat(received.header("Authorization")).isNull();
    }

    @Test
    void eachServiceGetsAnAssertionForItselfAndTheAgencyOfAnEvaluator() throws InterruptedException {
        String token = TOKENS.issue(TokenSpec.of("eva", List.of("EVALUATOR"), List.of("430203"))
                .withAgency("湖南某会计师事务所"));
        clientWithToken(token).get().uri("/api/evaluation/districts/430203/evaluations/e-1").exchange()
                .expectStatus().isOk().expectBody().returnResult();

        CallerAssertion caller = STUB.nextRequest().caller();
        assertThat(caller.audience()).isEqualTo("evaluation-service");
        assertThat(caller.agency()).isEqualTo("湖南某会计师事务所");
        assertThat(caller.path()).isEqualTo("/api/evaluation/districts/430203/evaluations/e-1");
    }

    @Test
    void theTokensDisplayNameIsAssertedAndATokenWithoutOneAssertsNone() throws InterruptedException {
        String named = TOKENS.issue(TokenSpec.of("zhangsan", List.of("FINANCE"), List.of("430203")).withName("张三"));
        clientWithToken(named).get().uri("/api/budget/districts/430203/projects/p-1").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        CallerAssertion caller = STUB.nextRequest().caller();
        assertThat(caller.subject()).isEqualTo("zhangsan");
        assertThat(caller.name()).isEqualTo("张三");

        String unnamed = TOKENS.issue("lisi", List.of(Role.FINANCE), "430203");
        clientWithToken(unnamed).get().uri("/api/budget/districts/430203/projects/p-1").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        CallerAssertion withoutName = STUB.nextRequest().caller();
        assertThat(withoutName.subject()).isEqualTo("lisi");
        assertThat(withoutName.name()).isNull();
    }

    @Test
    void aDisplayNameOfSeveralLinesOrTooLongIsNotPassedOn() {
        assertThat(Caller.displayName("  张三 ")).isEqualTo("张三");
        assertThat(Caller.displayName("张三\n李四")).isNull();
        assertThat(Caller.displayName("名".repeat(Caller.NAME_LENGTH))).hasSize(Caller.NAME_LENGTH);
        assertThat(Caller.displayName("名".repeat(Caller.NAME_LENGTH + 1))).isNull();
        assertThat(Caller.displayName(List.of("张三"))).isNull();
        assertThat(Caller.displayName(" ")).isNull();
    }

    @Test
    void aConnectionHeaderCannotStripTheAssertion() throws Exception {
        String token = TOKENS.issue("alice", List.of(Role.FINANCE), "430203");
        // java.net.http refuses to send Connection itself; a raw socket sends what an attacker would
        String request = "GET /api/budget/districts/430203/projects/p-1 HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                + "Connection: X-Jixiao-Caller, X-Jixiao-Actor, keep-alive\r\n\r\n";
        URI gateway = URI.create(gatewayUrl());
        try (java.net.Socket socket = new java.net.Socket(gateway.getHost(), gateway.getPort())) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).contains(" 200 ");
        }
        assertThat(STUB.nextRequest().caller().subject()).isEqualTo("alice");
    }

    @Test
    void anEncodedPrefixOrPathParameterIsRefusedBeforeAnyService() throws Exception {
        String token = TOKENS.issue("alice", List.of(Role.FINANCE), "430203");
        for (String path : List.of("/%61pi/budget/districts/430203/projects/p-1",
                "/api;x=1/budget/districts/430203/projects/p-1", "/api/budget/districts/4302%30%33/projects/p-1")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl() + path)).header("Authorization", "Bearer " + token)
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
        }
        assertThat(STUB.receivedNothing()).isTrue();
    }
}
