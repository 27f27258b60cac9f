package io.jixiao.gateway.security;

import java.util.Arrays;
import java.util.Optional;

/** What a caller is, as carried in the token's {@code roles} claim. */
public enum Role {
    /** A district finance bureau: budget and evaluation writes, reads everything of its districts. */
    FINANCE,
    /** A budget unit: its goals, monitoring, self-evaluations and disclosure packages. */
    UNIT,
    /** A third-party evaluator: key evaluations. */
    EVALUATOR,
    /** Audit office or people's congress: reads everything, writes nothing. */
    AUDITOR,
    /** A dashboard: reads reports and disclosure. */
    DASHBOARD,
    /** The budget-management platform: bulk imports and budget writes. */
    INTEGRATION;

    /** The role with this exact name, if there is one (unknown names in a token are ignored). */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
