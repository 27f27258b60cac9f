package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class SharedTestInfraTest {

    @Test
    void handsOutTheSameServersToEveryCaller() {
        assertThat(SharedTestInfra.postgres()).isSameAs(SharedTestInfra.postgres());
        assertThat(SharedTestInfra.kafka()).isSameAs(SharedTestInfra.kafka());
        assertThat(SharedTestInfra.postgres().isRunning()).isTrue();
        assertThat(SharedTestInfra.kafka().isRunning()).isTrue();
    }

    @Test
    void freshDatabasesAreDistinctAndEmpty() throws Exception {
        String first = SharedTestInfra.freshDatabase("Budget-Service");
        String second = SharedTestInfra.freshDatabase("Budget-Service");

        assertThat(first).isNotEqualTo(second).contains("/budget_service_");
        try (Connection connection = DriverManager.getConnection(first, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE only_in_first (id int)");
        }
        try (Connection connection = DriverManager.getConnection(second, "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void databaseNamesAreSafeIdentifiers() {
        assertThat(SharedTestInfra.databaseName("9 évaluation.tests", 12)).isEqualTo("db_9__valuation_tests_12");
        assertThat(SharedTestInfra.databaseName("x".repeat(80), 1)).hasSize(42);
    }

    @Test
    void theSharedBrokerCarriesRecords() throws Exception {
        EmbeddedKafkaBroker kafka = SharedTestInfra.kafka();
        kafka.createTopicIfMissing("shared.smoke", 1);

        KafkaTestClients.send(kafka.bootstrapServers(), "shared.smoke", "k", "v");

        assertThat(KafkaTestClients.readFromBeginning(kafka.bootstrapServers(), "shared.smoke", 1, Duration.ofSeconds(30)))
                .extracting(ConsumerRecord::value)
                .containsExactly("v");
    }
}
