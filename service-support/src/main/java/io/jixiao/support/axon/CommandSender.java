package io.jixiao.support.axon;

import io.jixiao.events.EventMetadata;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.personal.ActorNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

/**
 * Sends a command with the caller's identity attached, so that every event it causes records
 * district, actor, correlation id, causation id and request id (see {@link MetadataCorrelation}), and the actor's
 * display name sealed ({@link EventMetadata#ACTOR_NAME}, {@link ActorNames}) when the caller has one.
 */
public class CommandSender {
    /** Metadata key: a digest of the command as requested, to tell a retry from a reuse of its request id. */
    public static final String REQUEST_FINGERPRINT = io.jixiao.support.domain.RequestKey.FINGERPRINT;
    private final CommandGateway commandGateway;
    private final ActorNames actorNames;

    public CommandSender(CommandGateway commandGateway, ActorNames actorNames) {
        this.commandGateway = commandGateway;
        this.actorNames = actorNames;
    }

    /**
     * Sends and waits; the command's own id is the causation of what it records. Fails without a caller
     * ({@link CallerContext#required}): consumers and schedulers name themselves with {@link CallerContext#system}.
     */
    public <R> R send(Object command, String districtCode) {
        return send(command, districtCode, null);
    }

    /** Sends and waits, naming what caused it (an event id when a consumer reacts to an event). */
    public <R> R send(Object command, String districtCode, String causationId) {
        CallerContext caller = CallerContext.required();
        String commandId = UUID.randomUUID().toString();
        EventMetadata metadata = new EventMetadata(districtCode, caller.actor(), caller.correlationId(),
                causationId != null ? causationId : commandId, caller.requestId());
        Map<String, String> values = new HashMap<>(metadata.asMap());
        if (caller.requestId() != null) {
            values.put(REQUEST_FINGERPRINT, fingerprint(command));
        }
        if (caller.actorName() != null && !caller.isSystem()) {
            String sealed = actorNames.seal(districtCode, caller.actor(), caller.actorName());
            if (sealed != null) {
                values.put(EventMetadata.ACTOR_NAME, sealed);
            }
        }
        GenericCommandMessage<Object> message = new GenericCommandMessage<>(
                new org.axonframework.messaging.GenericMessage<>(commandId, command, MetaData.from(values)),
                command.getClass().getName());
        return commandGateway.sendAndWait(message);
    }

    /** A digest of the command's type and its {@link io.jixiao.support.domain.CanonicalForm}. */
    public static String fingerprint(Object command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((command.getClass().getName() + io.jixiao.support.domain.CanonicalForm.of(command)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
