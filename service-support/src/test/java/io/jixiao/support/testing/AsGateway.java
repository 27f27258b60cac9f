package io.jixiao.support.testing;

import io.jixiao.identity.CallerAssertion;
import io.jixiao.identity.CallerAssertions;
import io.jixiao.identity.CallerKey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Calls a service under test as the gateway would: with a caller assertion signed with the test key. Tests name
 * the caller the way the gateway learns it from a token; by default a loader of every role, district, unit and
 * agency, so that tests of domain rules are not refused by ownership checks (those have tests of their own).
 */
public final class AsGateway {
    /** The service's caller key in tests (a service under test is started in local mode with it). */
    public static final String CALLER_KEY = "service-under-test-caller-key-0123456789";
    private static final CallerKey KEY = CallerKey.of(CALLER_KEY, "test caller key");

    private AsGateway() {
    }

    /** The caller a test acts as; {@code name} the display name its token carries (null: none). */
    public record Caller(String subject, Set<String> roles, Set<String> districts, Set<String> units, String agency,
                         String name) {
        public Caller(String subject, Set<String> roles, Set<String> districts, Set<String> units, String agency) {
            this(subject, roles, districts, units, agency, null);
        }

        /** Every role, district, unit and agency. */
        public static Caller everything(String subject) {
            return new Caller(subject, Set.of("FINANCE", "UNIT", "EVALUATOR", "AUDITOR", "DASHBOARD", "INTEGRATION"),
                    Set.of("*"), Set.of("*"), "*");
        }

        public Caller withDistricts(Set<String> other) {
            return new Caller(subject, roles, other, units, agency, name);
        }

        public Caller withRoles(Set<String> other) {
            return new Caller(subject, other, districts, units, agency, name);
        }

        public Caller withUnits(Set<String> other) {
            return new Caller(subject, roles, districts, other, agency, name);
        }

        public Caller withAgency(String other) {
            return new Caller(subject, roles, districts, units, other, name);
        }

        public Caller withName(String other) {
            return new Caller(subject, roles, districts, units, agency, other);
        }
    }

    /**
     * Spring properties of a service under test: its caller key, local mode (embedded database password, a signing
     * key generated per database), and no periodic anchoring (a test signs when it asks).
     */
    public static List<String> properties() {
        return List.of("jixiao.caller-key=" + CALLER_KEY, "jixiao.local-mode=true", "jixiao.audit.anchor-interval=0");
    }

    /** Registers {@link #properties()} for a {@code @SpringBootTest} of a service. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        for (String property : properties()) {
            String[] keyValue = property.split("=", 2);
            registry.add(keyValue[0], () -> keyValue[1]);
        }
    }

    /** The assertion header value for one request of {@code caller} to {@code service}. */
    public static String assertion(String service, String method, URI uri, Caller caller, String idempotencyKey) {
        return CallerAssertions.sign(CallerAssertion.issue(caller.subject(), caller.roles(), caller.districts(),
                caller.units(), caller.agency(), service, method, uri.getRawPath(), "test-" + System.nanoTime(),
                idempotencyKey, Instant.now()).withName(caller.name()), KEY);
    }

    /**
     * Signs {@code request} for {@code caller}; {@code headers} are name/value pairs as a test would send them through
     * the gateway: {@code Idempotency-Key} is both sent and asserted, {@code X-Jixiao-Districts} (comma-separated)
     * narrows the caller's districts instead of being sent.
     */
    public static HttpRequest.Builder sign(HttpRequest.Builder request, String service, String method, URI uri,
                                           Caller caller, String... headers) {
        String idempotencyKey = null;
        Caller who = caller;
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("X-Jixiao-Districts")) {
                who = who.withDistricts(new LinkedHashSet<>(List.of(headers[i + 1].split(","))));
                continue;
            }
            if (headers[i].equalsIgnoreCase("Idempotency-Key")) {
                idempotencyKey = headers[i + 1];
            }
            request.header(headers[i], headers[i + 1]);
        }
        return request.header(CallerAssertions.HEADER, assertion(service, method, uri, who, idempotencyKey));
    }
}
