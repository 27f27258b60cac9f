package io.jixiao.disclosure.document;

import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.web.PersonReaders;

/**
 * Who reads the subject ids of who acted in a district report: {@link PersonReaders}. Any other caller (a DASHBOARD)
 * gets the report without them.
 */
final class ActorReaders {
    private ActorReaders() {
    }

    /** The report as the current caller may read it. */
    static DistrictReport forCaller(DistrictReport report) {
        return PersonReaders.callerMay() ? report : report.withoutActors();
    }
}
