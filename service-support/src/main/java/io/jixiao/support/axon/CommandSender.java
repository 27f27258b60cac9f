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
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command with the caller's identity attached, so that every event it causes records
 * district, actor, correlation id, causation id and request id (see {@link MetadataCorrelation}), and the actor's
 * display name sealed ({@link EventMetadata#ACTOR_NAME}, {@link ActorNames}) when the caller has one. A command whose
 * append meets an event another instance stored at the same sequence first is sent again, up to
 * {@value #ATTEMPTS_ON_CONFLICT} attempts in all (docs/decisions/0049-retry-appends-that-meet-another-instance.md).
 */
public class CommandSender {
    /** Metadata key: a digest of the command as requested, to tell a retry from a reuse of its request id. */
    public static final String REQUEST_FINGERPRINT = io.jixiao.support.domain.RequestKey.FINGERPRINT;
    /** Attempts of a command whose append met another instance's append to the same stream. */
    static final int ATTEMPTS_ON_CONFLICT = 4;
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
        for (int attempt = 1; ; attempt++) {
            try {
                return commandGateway.sendAndWait(message);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS_ON_CONFLICT || !appendConflict(e)) {
                    throw e;
                }
                // another instance appended to the same stream first: the unit of work rolled back (with any
                // idempotency record) and dropped the cached aggregate, so the next attempt decides on the new state
                pause(attempt);
            }
        }
    }

    /**
     * Whether {@code e} says that the event store already holds an event at a sequence this command appended
     * (two instances of a service acting on one aggregate, each from what it had loaded): the append's unique key.
     */
    static boolean appendConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts of a command", interrupted);
        }
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
