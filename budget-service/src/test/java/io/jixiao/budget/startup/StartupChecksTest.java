package io.jixiao.budget.startup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.budget.BudgetServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * The real service, started outside local mode with a default secret or database password, stops before it
 * touches its database or Kafka and names the setting (no database runs at the URL given: the check comes first).
 */
class StartupChecksTest {
    private static final String RANDOM_KEY = "Yq3v9XcT1bLm8RzQk2WnJp5sHd7fGa0e";

    private static void start(String... arguments) {
        String[] common = {"--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                "--jixiao.kafka.bootstrap-servers=127.0.0.1:1", "--spring.main.banner-mode=off"};
        String[] all = new String[common.length + arguments.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(arguments, 0, all, common.length, arguments.length);
        SpringApplication.run(BudgetServiceApplication.class, all).close();
    }

    @Test
    void aWellKnownDatabasePasswordIsNamed() {
        assertThatThrownBy(() -> start("--jixiao.caller-key=" + RANDOM_KEY, "--spring.datasource.password=postgres"))
                .hasStackTraceContaining("spring.datasource.password (SPRING_DATASOURCE_PASSWORD) is a well-known "
                        + "default value");
    }

    @Test
    void aMissingOrOldDefaultCallerKeyIsNamed() {
        assertThatThrownBy(() -> start("--spring.datasource.password=S3cure-db-password"))
                .hasStackTraceContaining("jixiao.caller-key (JIXIAO_CALLER_KEY) is not set");
        assertThatThrownBy(() -> start("--jixiao.caller-key=local-dev-secret",
                "--spring.datasource.password=S3cure-db-password"))
                .hasStackTraceContaining("jixiao.caller-key (JIXIAO_CALLER_KEY) is too short");
    }
}
