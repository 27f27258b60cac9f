package io.jixiao.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata every event carries (docs/design.md, conventions).
 *
 * @param districtCode  6-digit administrative division code
 * @param actor         who did it (the gateway-verified user, or the service for automatic acts)
 * @param correlationId the request (or chain of requests) it belongs to
 * @param causationId   what caused it: the command, or the event it reacts to
 * @param requestId     the client's idempotency key or import line id, when there was one
 */
public record EventMetadata(
        String districtCode,
        String actor,
        String correlationId,
        String causationId,
        String requestId) {

    public static final String DISTRICT_CODE = "districtCode";
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REQUEST_ID = "requestId";
    /**
     * Stored metadata only (not a member of this record, not in an envelope's {@code metadata}; in its
     * {@code link.metadata}, the stored bytes): the actor's display name as the {@code ciphertext} of a
     * {@link SealedText} whose {@code personId} is {@link #ACTOR} and whose district is {@link #DISTRICT_CODE}; absent
     * when the caller's token had no name, for system actors and for events recorded before names were.
     */
    public static final String ACTOR_NAME = "actorName";

    public static EventMetadata from(Map<String, ?> map) {
        return new EventMetadata(str(map.get(DISTRICT_CODE)), str(map.get(ACTOR)), str(map.get(CORRELATION_ID)),
                str(map.get(CAUSATION_ID)), str(map.get(REQUEST_ID)));
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, DISTRICT_CODE, districtCode);
        put(map, ACTOR, actor);
        put(map, CORRELATION_ID, correlationId);
        put(map, CAUSATION_ID, causationId);
        put(map, REQUEST_ID, requestId);
        return map;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
