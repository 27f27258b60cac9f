package io.jixiao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.jixiao.gateway.testing.GatewayWithStubTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCliTest extends GatewayWithStubTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aPrintedTokenIsAcceptedByTheGatewayUsingTheSameKeys() throws InterruptedException {
        int status = run("--sub", "alice", "--roles", "FINANCE", "--districts", "430203",
                "--keys-dir", TOKENS.keysDir().toString());

        assertThat(status).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(token.split("\\.")).hasSize(3);
        clientWithToken(token).get().uri("/api/budget/districts/430203/projects/p-1").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(STUB.nextRequest().caller().subject()).isEqualTo("alice");
    }

    @Test
    void theKeyIsCreatedUnderJixiaoDataWhenThereIsNoneYet(@TempDir Path data) {
        int status = runWithData(data.toString(), "--sub", "bob", "--roles", "AUDITOR,DASHBOARD", "--districts", "*");

        assertThat(status).isZero();
        assertThat(Files.exists(data.resolve("keys").resolve(LocalSigningKey.FILE_NAME))).isTrue();
    }

    @Test
    void badArgumentsPrintUsage() {
        assertThat(run("--sub", "alice", "--roles", "MAYOR", "--districts", "430203")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown role: MAYOR").contains("usage:");
        assertThat(run("--sub", "alice", "--roles", "UNIT", "--districts", "4302")).isEqualTo(2);
        assertThat(run("--sub", "alice")).isEqualTo(2);
        assertThat(out.size()).isZero();
    }

    private int run(String... args) {
        return runWithData(null, args);
    }

    private int runWithData(String dataDir, String... args) {
        return TokenCli.run(args, dataDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
