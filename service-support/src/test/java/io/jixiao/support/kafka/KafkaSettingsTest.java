package io.jixiao.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The common client properties every Kafka client of a service starts from. */
class KafkaSettingsTest {

    @Test
    void withoutAUserTheClientsConnectUnauthenticated() {
        assertThat(KafkaSettings.of("k:9092").clientProperties()).isEqualTo(Map.of("bootstrap.servers", "k:9092"));
        assertThat(new KafkaSettings("k:9092", null, null, " ", "", null, null).authenticates()).isFalse();
    }

    @Test
    void aUserLogsInWithScramOverSaslPlaintextByDefault() {
        KafkaSettings settings = new KafkaSettings("k:9092", "budget.events", null, "budget-service", "s\"e\\cret",
                null, null);

        assertThat(settings.clientProperties())
                .containsEntry("bootstrap.servers", "k:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"budget-service\" password=\"s\\\"e\\\\cret\";");
        assertThat(settings.toString()).doesNotContain("cret").contains("password=****");
    }

    @Test
    void plainAndSaslSslAreChosenExplicitly() {
        KafkaSettings settings = new KafkaSettings("k:9092", null, null, "disclosure-service", "pw", "sasl_ssl",
                "plain");

        assertThat(settings.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"disclosure-service\" password=\"pw\";");
    }

    @Test
    void halfACredentialOrAnUnusableMechanismFailsAtStart() {
        assertThatThrownBy(() -> new KafkaSettings("k", null, null, "budget-service", null, null, null))
                .hasMessageContaining("without a password");
        assertThatThrownBy(() -> new KafkaSettings("k", null, null, null, "pw", null, null))
                .hasMessageContaining("a password without a user");
        assertThatThrownBy(() -> new KafkaSettings("k", null, null, "u", "pw", null, "GSSAPI"))
                .hasMessageContaining("not GSSAPI");
        assertThatThrownBy(() -> new KafkaSettings("k", null, null, "u", "pw", "PLAINTEXT", null))
                .hasMessageContaining("needs a SASL security protocol");
    }
}
