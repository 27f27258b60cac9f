package io.jixiao.support.context;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling and under which request, as the gateway vouched for it. Held per request thread
 * by {@link CallerContextFilter}; read when commands are sent, so every event records it.
 *
 * @param actor         the gateway-verified user
 * @param roles         the user's roles
 * @param districts     the districts the user may act in ({@code *} = all)
 * @param correlationId the request's correlation id
 * @param requestId     the client's {@code Idempotency-Key}, when given
 */
public record CallerContext(String actor, Set<String> roles, Set<String> districts, String correlationId,
                            String requestId) {

    public static final String SYSTEM = "system";
    private static final ThreadLocal<CallerContext> CURRENT = new ThreadLocal<>();

    public static Optional<CallerContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current caller, or the service itself acting on its own (consumers, schedulers). */
    public static CallerContext currentOrSystem(String correlationId) {
        return current().orElseGet(() -> new CallerContext(SYSTEM, Set.of(), Set.of("*"), correlationId, null));
    }

    static void set(CallerContext context) {
        CURRENT.set(context);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** Runs {@code work} with this context as the current one (for consumers acting on behalf of an event). */
    public void run(Runnable work) {
        CallerContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public CallerContext withRequestId(String newRequestId) {
        return new CallerContext(actor, roles, districts, correlationId, newRequestId);
    }
}
