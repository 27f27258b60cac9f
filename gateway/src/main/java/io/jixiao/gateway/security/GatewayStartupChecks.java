package io.jixiao.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jixiao.identity.CallerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a gateway that would be open by default. Everywhere: every service behind a route has a caller
 * key of at least 32 characters. Outside local mode ({@code jixiao.local-mode=false}, the default): tokens are
 * verified against an identity provider's JWKS with a required issuer, and no caller key is a well-known value.
 * The message names each setting at fault.
 */
@Component
class GatewayStartupChecks {

    /** The services the routes lead to; each needs its key. */
    static final Set<String> SERVICES = Set.of("budget-service", "evaluation-service", "disclosure-service");

    GatewayStartupChecks(@Value("${jixiao.local-mode:false}") boolean localMode, JwtProperties jwt,
                         CallerKeysProperties keys) {
        List<String> problems = problems(localMode, jwt, keys.callerKeys());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The gateway refuses to start: " + String.join("; ", problems));
        }
    }

    static List<String> problems(boolean localMode, JwtProperties jwt, Map<String, String> callerKeys) {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES.stream().sorted().toList()) {
            String env = "JIXIAO_CALLER_KEY_" + service.replace("-service", "").toUpperCase(java.util.Locale.ROOT);
            CallerKey.problem(callerKeys.get(service), localMode).ifPresent(problem ->
                    problems.add("jixiao.caller-keys." + service + " (" + env + ") " + problem));
        }
        if (!localMode) {
            if (!jwt.usesJwkSetUri()) {
                problems.add("jixiao.jwt.jwk-set-uri (JIXIAO_JWT_JWK_SET_URI) is not set: outside local mode tokens "
                        + "are verified against the identity provider's keys");
            }
            if (jwt.issuer() == null || jwt.issuer().isBlank()) {
                problems.add("jixiao.jwt.issuer (JIXIAO_JWT_ISSUER) is not set: outside local mode every token must "
                        + "name the identity provider as its iss");
            }
        }
        return problems;
    }
}
