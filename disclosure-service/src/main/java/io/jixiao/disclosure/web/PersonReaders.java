package io.jixiao.disclosure.web;

import io.jixiao.support.context.CallerContext;
import java.util.Set;

/**
 * Who reads persons in disclosure-service's answers (the subject ids of who acted, a package's contacts): the roles
 * the gateway lets read project histories (FINANCE, UNIT, AUDITOR) and the service itself. Any other caller (a
 * DASHBOARD) gets the answer without them.
 */
public final class PersonReaders {
    private static final Set<String> ROLES = Set.of("FINANCE", "UNIT", "AUDITOR");

    private PersonReaders() {
    }

    /** Whether the current caller may read persons. */
    public static boolean callerMay() {
        return CallerContext.current().map(c -> c.isSystem() || ROLES.stream().anyMatch(c::hasRole)).orElse(false);
    }
}
