package io.jixiao.support.axon;

import io.jixiao.events.EventMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies the command's metadata (district, actor, the actor's sealed name, correlation, causation, request) onto every
 * event it causes.
 */
public class MetadataCorrelation implements CorrelationDataProvider {
    private static final List<String> KEYS = List.of(EventMetadata.DISTRICT_CODE, EventMetadata.ACTOR,
            EventMetadata.ACTOR_NAME,
            EventMetadata.CORRELATION_ID, EventMetadata.CAUSATION_ID, EventMetadata.REQUEST_ID,
            CommandSender.REQUEST_FINGERPRINT);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : KEYS) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        return data;
    }
}
