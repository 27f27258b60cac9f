package io.jixiao.support.axon;

import io.jixiao.events.EventMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies the command's metadata (district, actor, the actor's sealed name, correlation, causation, request) onto every
 * event it causes.
 *
 * <p>Only a command's: Axon asks every unit of work for its correlation data, an event processor's too, once per
 * event it handles (if only to wrap the handler's result), and a stored event's metadata would be deserialized for
 * that alone, for nothing: a command sent while handling an event gets its metadata from {@link CommandSender}, which
 * states it in full, never from the event.
 */
public class MetadataCorrelation implements CorrelationDataProvider {
    private static final List<String> KEYS = List.of(EventMetadata.DISTRICT_CODE, EventMetadata.ACTOR,
            EventMetadata.ACTOR_NAME,
            EventMetadata.CORRELATION_ID, EventMetadata.CAUSATION_ID, EventMetadata.REQUEST_ID,
            CommandSender.REQUEST_FINGERPRINT);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage)) {
            return Map.of();
        }
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
