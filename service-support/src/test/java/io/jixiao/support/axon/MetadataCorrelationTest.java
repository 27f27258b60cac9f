package io.jixiao.support.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.events.EventMetadata;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class MetadataCorrelationTest {
    private final MetadataCorrelation correlation = new MetadataCorrelation();

    @Test
    void aCommandsMetadataIsCarriedOntoWhatItCausesAndNothingElseOfIt() {
        var command = new GenericCommandMessage<>("register", MetaData.from(Map.of(
                EventMetadata.DISTRICT_CODE, "430202", EventMetadata.ACTOR, "u-1",
                EventMetadata.CORRELATION_ID, "c-1", EventMetadata.REQUEST_ID, "r-1", "unrelated", "x")));

        assertThat(Map.<String, Object>copyOf(correlation.correlationDataFor(command))).isEqualTo(Map.of(
                EventMetadata.DISTRICT_CODE, "430202", EventMetadata.ACTOR, "u-1",
                EventMetadata.CORRELATION_ID, "c-1", EventMetadata.REQUEST_ID, "r-1"));
    }

    @Test
    void anEventBeingHandledLendsNothingSoItsStoredMetadataNeedNotBeRead() {
        var event = new GenericEventMessage<>("registered", MetaData.from(Map.of(
                EventMetadata.DISTRICT_CODE, "430202", EventMetadata.ACTOR, "u-1"))) {
            @Override
            public MetaData getMetaData() {
                throw new AssertionError("a stored event's metadata deserialized to correlate nothing");
            }
        };

        assertThat(correlation.correlationDataFor(event)).isEmpty();
    }
}
