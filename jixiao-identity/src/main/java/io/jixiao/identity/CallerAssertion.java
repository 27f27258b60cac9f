package io.jixiao.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the gateway vouches for on one forwarded request: who is calling (subject, roles, districts, the units
 * a UNIT user acts for, the agency an EVALUATOR belongs to), for which service ({@code aud}), on which request
 * (method and path), under which correlation id and idempotency key, and until when. Signed as one piece by
 * {@link CallerAssertions}, so no part can be removed or replaced on its own.
 *
 * @param subject        the token's subject: the actor every recorded event names
 * @param roles          role names (FINANCE, UNIT, EVALUATOR, AUDITOR, DASHBOARD, INTEGRATION)
 * @param districts      6-digit district codes, or {@code *} for every district
 * @param units          the units a UNIT user acts for, or {@code *} for every unit of its districts
 * @param agency         the evaluation agency an EVALUATOR belongs to; null for others
 * @param name           the caller's display name (the token's OIDC {@code name} claim), signed with the rest; null
 *                       when the token has none (an assertion without it is as valid). Personal data: a service
 *                       records it only sealed ({@code actorName} in the event metadata)
 * @param audience       the service this assertion is for ({@code spring.application.name}, e.g. budget-service)
 * @param method         the HTTP method of the forwarded request
 * @param path           the raw path of the forwarded request (canonical: see {@link CanonicalPath})
 * @param correlationId  the request's correlation id
 * @param idempotencyKey the client's {@code Idempotency-Key}, when it sent one
 * @param issuedAt       seconds since the epoch
 * @param expiresAt      seconds since the epoch
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallerAssertion(
        @JsonProperty("sub") String subject,
        @JsonProperty("roles") Set<String> roles,
        @JsonProperty("districts") Set<String> districts,
        @JsonProperty("units") Set<String> units,
        @JsonProperty("agency") String agency,
        @JsonProperty("name") String name,
        @JsonProperty("aud") String audience,
        @JsonProperty("method") String method,
        @JsonProperty("path") String path,
        @JsonProperty("cid") String correlationId,
        @JsonProperty("idem") String idempotencyKey,
        @JsonProperty("iat") long issuedAt,
        @JsonProperty("exp") long expiresAt) {

    /** How long an assertion is good for: one forwarded request, with room for a slow upload. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    /** The wildcard in {@link #districts} and {@link #units}. */
    public static final String EVERY = "*";

    public CallerAssertion {
        roles = sorted(roles);
        districts = sorted(districts);
        units = sorted(units);
    }

    /** An assertion issued at {@code now}, valid for {@link #LIFETIME}. */
    public static CallerAssertion issue(String subject, Set<String> roles, Set<String> districts, Set<String> units,
                                        String agency, String audience, String method, String path,
                                        String correlationId, String idempotencyKey, Instant now) {
        return new CallerAssertion(subject, roles, districts, units, agency, null, audience, method, path,
                correlationId, idempotencyKey, now.getEpochSecond(), now.plus(LIFETIME).getEpochSecond());
    }

    /** This assertion naming the caller's display name ({@code null}: none). */
    public CallerAssertion withName(String displayName) {
        return new CallerAssertion(subject, roles, districts, units, agency, displayName, audience, method, path,
                correlationId, idempotencyKey, issuedAt, expiresAt);
    }

    private static Set<String> sorted(Set<String> values) {
        return values == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(values));
    }
}
