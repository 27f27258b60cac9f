package io.jixiao.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void defaultsFollowTheInternalContract() {
        LocalStackSettings settings = LocalStackSettings.from(Map.of(), List.of());

        assertThat(settings.home()).isEqualTo(Path.of(".jixiao").toAbsolutePath().normalize());
        assertThat(settings.postgresData()).isEqualTo(settings.home().resolve("postgres"));
        assertThat(settings.kafkaData()).isEqualTo(settings.home().resolve("kafka"));
        assertThat(settings.logs()).isEqualTo(settings.home().resolve("logs"));
        assertThat(settings.postgresPort()).isEqualTo(54329);
        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(29093);
        assertThat(settings.externalPostgresUrl()).isEmpty();
        assertThat(settings.externalKafka()).isEmpty();
        assertThat(settings.ports()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "gateway", 8080, "budget-service", 8081, "evaluation-service", 8082, "disclosure-service", 8083));
        assertThat(settings.gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(settings.healthTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.loadFixtures()).isTrue();
        assertThat(settings.infraOnly()).isFalse();
    }

    @Test
    void clusterRunsThreeKafkaNodesAndTwoInstancesOnItsOwnData() {
        LocalStackSettings settings = LocalStackSettings.from(Map.of(), List.of("--cluster", "--no-fixtures"));

        assertThat(settings.cluster()).isTrue();
        assertThat(settings.home()).isEqualTo(Path.of(".jixiao-cluster").toAbsolutePath().normalize());
        assertThat(settings.kafkaPorts()).containsExactly(29092, 29094, 29096);
        assertThat(settings.kafkaControllerPorts()).containsExactly(29093, 29095, 29097);
        assertThat(LocalStackSettings.from(Map.of(), List.of()).kafkaPorts()).containsExactly(29092);
        assertThat(LocalStackSettings.from(Map.of(), List.of()).cluster()).isFalse();
    }

    @Test
    void readsOverridesFromTheEnvironmentAndArguments() {
        LocalStackSettings settings = LocalStackSettings.from(Map.of(
                "JIXIAO_DATA", "/srv/jixiao",
                "JIXIAO_PG_URL", "jdbc:postgresql://db:5432",
                "JIXIAO_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "JIXIAO_GATEWAY_PORT", "9090",
                "JIXIAO_START_TIMEOUT_SECONDS", "30"), List.of("--no-fixtures"));

        assertThat(settings.home()).isEqualTo(Path.of("/srv/jixiao"));
        assertThat(settings.externalPostgresUrl()).contains("jdbc:postgresql://db:5432");
        assertThat(settings.externalKafka()).contains("kafka:9092");
        assertThat(settings.gatewayUrl()).isEqualTo("http://localhost:9090");
        assertThat(settings.healthTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.loadFixtures()).isFalse();
    }

    @Test
    void theKafkaControllerPortFollowsKafkasPortUnlessSetItself() {
        assertThat(LocalStackSettings.from(Map.of("JIXIAO_KAFKA_PORT", "39092"), List.of()).kafkaControllerPort())
                .isEqualTo(39093);
        assertThat(LocalStackSettings.from(Map.of("JIXIAO_KAFKA_PORT", "39092",
                "JIXIAO_KAFKA_CONTROLLER_PORT", "21000"), List.of()).kafkaControllerPort()).isEqualTo(21000);
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> LocalStackSettings.from(Map.of(), List.of("--fixtures=no")))
                .hasMessageContaining("unknown argument --fixtures=no");
        assertThatThrownBy(() -> LocalStackSettings.from(Map.of("JIXIAO_PG_PORT", "abc"), List.of()))
                .hasMessageContaining("JIXIAO_PG_PORT must be a number");
    }

    @Test
    void databaseUrlsKeepServerParameters() {
        assertThat(LocalStackProcessesBuilder.databaseUrl("jdbc:postgresql://db:5432/", "budget"))
                .isEqualTo("jdbc:postgresql://db:5432/budget");
        assertThat(LocalStackProcessesBuilder.databaseUrl("jdbc:postgresql://db:5432?sslmode=require", "evaluation"))
                .isEqualTo("jdbc:postgresql://db:5432/evaluation?sslmode=require");
    }
}
