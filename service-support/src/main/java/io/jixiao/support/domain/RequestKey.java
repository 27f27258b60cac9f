package io.jixiao.support.domain;

import io.jixiao.events.EventMetadata;
import java.util.HashMap;
import java.util.Map;

/**
 * Which client request a command answers: the {@code Idempotency-Key} (request id) and a digest of the command as
 * requested (fingerprint), both carried in the message metadata. An aggregate handler or event-sourcing handler
 * takes it as a plain parameter (resolved by {@code io.jixiao.support.axon.RequestKeyResolverFactory}); its
 * {@link RequestLedger} answers a retry and remembers what was applied. {@link #NONE} for a command sent without a
 * key.
 */
public record RequestKey(String requestId, String fingerprint) {

    /** Metadata key of the fingerprint: a digest of the command as requested, to tell a retry from a reuse of its id. */
    public static final String FINGERPRINT = "requestFingerprint";

    public static final RequestKey NONE = new RequestKey(null, null);

    public static RequestKey of(String requestId, String fingerprint) {
        return requestId == null ? NONE : new RequestKey(requestId, fingerprint);
    }

    public boolean isNone() {
        return requestId == null;
    }

    /** The metadata an event applied for this request carries, so that the ledger is rebuilt from the events. */
    public Map<String, String> metaData() {
        if (requestId == null) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        values.put(EventMetadata.REQUEST_ID, requestId);
        if (fingerprint != null) {
            values.put(FINGERPRINT, fingerprint);
        }
        return values;
    }
}
