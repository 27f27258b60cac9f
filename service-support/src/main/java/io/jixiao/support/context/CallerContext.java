package io.jixiao.support.context;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling and under which request, as the gateway vouched for it in its signed caller assertion. Held per
 * request thread by {@link CallerContextFilter}; read when commands are sent, so every event records it. Consumers
 * and schedulers act as a named system actor ({@link #system}); nothing else acts without a caller.
 *
 * @param actor         the gateway-verified user (the token's subject), or {@code system:<name>}
 * @param roles         the user's roles
 * @param districts     the districts the user may act in ({@code *} = all)
 * @param units         the units a UNIT user acts for ({@code *} = every unit of its districts)
 * @param agency        the evaluation agency an EVALUATOR belongs to, or null
 * @param correlationId the request's correlation id
 * @param requestId     the client's {@code Idempotency-Key}, when given
 * @param actorName     the user's display name (the token's {@code name}), when it has one; personal data: recorded
 *                      only sealed ({@link io.jixiao.support.personal.ActorNames})
 */
public record CallerContext(String actor, Set<String> roles, Set<String> districts, Set<String> units, String agency,
                            String correlationId, String requestId, String actorName) {

    /** The wildcard of {@link #districts} and {@link #units}. */
    public static final String EVERY = "*";
    private static final String SYSTEM_PREFIX = "system:";
    private static final ThreadLocal<CallerContext> CURRENT = new ThreadLocal<>();

    public CallerContext {
        roles = Set.copyOf(roles);
        districts = Set.copyOf(districts);
        units = Set.copyOf(units);
    }

    /** A caller without a display name. */
    public CallerContext(String actor, Set<String> roles, Set<String> districts, Set<String> units, String agency,
                         String correlationId, String requestId) {
        this(actor, roles, districts, units, agency, correlationId, requestId, null);
    }

    public static Optional<CallerContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * The current caller; a command sent without one (an HTTP thread the gateway did not vouch for) fails here
     * rather than record an act nobody did.
     */
    public static CallerContext required() {
        return current().orElseThrow(() -> new IllegalStateException(
                "no caller: only requests vouched for by the gateway, consumers and schedulers act"));
    }

    /** The service itself acting as {@code system:<name>} (a consumer or scheduler), in every district. */
    public static CallerContext system(String name, String correlationId) {
        return new CallerContext(SYSTEM_PREFIX + name, Set.of(), Set.of(EVERY), Set.of(), null, correlationId, null);
    }

    public boolean isSystem() {
        return actor.startsWith(SYSTEM_PREFIX);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the caller may act in {@code districtCode}. */
    public boolean actsInDistrict(String districtCode) {
        return districts.contains(EVERY) || districts.contains(districtCode);
    }

    /** Whether the caller acts for {@code unitId} (its token names that unit, or every unit). */
    public boolean actsForUnit(String unitId) {
        return units.contains(EVERY) || (unitId != null && units.contains(unitId));
    }

    /** Whether the caller belongs to {@code agencyName} (its token names it, or {@code *} for a loader of history). */
    public boolean belongsToAgency(String agencyName) {
        return agency != null && (agency.equals(EVERY) || agency.equals(agencyName));
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
        return new CallerContext(actor, roles, districts, units, agency, correlationId, newRequestId, actorName);
    }
}
