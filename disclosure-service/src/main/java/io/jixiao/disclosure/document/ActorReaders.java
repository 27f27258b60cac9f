package io.jixiao.disclosure.document;

import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.support.context.CallerContext;
import java.util.Set;

/**
 * Who reads the subject ids of who acted in a district report: the roles the gateway lets read project histories
 * (FINANCE, UNIT, AUDITOR) and the service itself. Any other caller (a DASHBOARD) gets the report without them.
 */
final class ActorReaders {
    private static final Set<String> ROLES = Set.of("FINANCE", "UNIT", "AUDITOR");

    private ActorReaders() {
    }

    /** The report as the current caller may read it. */
    static DistrictReport forCaller(DistrictReport report) {
        boolean sees = CallerContext.current()
                .map(c -> c.isSystem() || ROLES.stream().anyMatch(c::hasRole)).orElse(false);
        return sees ? report : report.withoutActors();
    }
}
