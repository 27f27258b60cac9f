package io.jixiao.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Outside local mode a service will not start open; each setting at fault is named with its variable. */
class ServiceStartupChecksTest {
    private static final String RANDOM_KEY = "Yq3v9XcT1bLm8RzQk2WnJp5sHd7fGa0e";

    @Test
    void productionRefusesMissingShortAndDefaultValues() {
        assertThat(ServiceStartupChecks.problems(false, RANDOM_KEY, "S3cure-db-password")).isEmpty();
        assertThat(ServiceStartupChecks.problems(false, "", "postgres")).containsExactly(
                "jixiao.caller-key (JIXIAO_CALLER_KEY) is not set: every service needs its own key of at least 32 "
                        + "characters, shared only with the gateway",
                "spring.datasource.password (SPRING_DATASOURCE_PASSWORD) is a well-known default value; set the "
                        + "database user's real password outside local mode");
        assertThat(ServiceStartupChecks.problems(false, "local-dev-secret", "")).containsExactly(
                "jixiao.caller-key (JIXIAO_CALLER_KEY) is too short (16 characters; at least 32)",
                "spring.datasource.password (SPRING_DATASOURCE_PASSWORD) is empty");
        assertThatThrownBy(() -> ServiceStartupChecks.check(false, RANDOM_KEY, "change-me"))
                .hasMessageContaining("The service refuses to start")
                .hasMessageContaining("SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void localModeToleratesTheEmbeddedDatabasePasswordButNeverAMissingKey() {
        assertThat(ServiceStartupChecks.problems(true, RANDOM_KEY, "postgres")).isEmpty();
        assertThat(ServiceStartupChecks.problems(true, null, "postgres")).hasSize(1);
    }
}
