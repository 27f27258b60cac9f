package io.jixiao.disclosure.document;

import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.report.DistrictLedger;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReportFold;
import io.jixiao.disclosure.report.DistrictSettings;
import java.time.Instant;

/** A demo district-year folded from its fixture, without Spring: the report and the ledger it came from. */
record Demo(String fixture, FixtureEvents events, DistrictLedger ledger, DistrictReport report) {
    static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");

    static Demo of(String fixture, String districtCode, int year) {
        FixtureEvents events = FixtureEvents.load(fixture);
        DistrictLedger ledger = DistrictReportFold.foldUpTo(events.events(), AS_OF);
        DistrictReport report = DistrictReportFold.report(ledger, year, io.jixiao.disclosure.fixture.PublishedRules.v0(districtCode), AS_OF);
        return new Demo(fixture, events, ledger, report);
    }

    static Demo hetang() {
        return of("hetang-2022", "430202", 2022);
    }

    static Demo beita() {
        return of("beita-2022", "430511", 2022);
    }

    static Demo lusong() {
        return of("lusong-2023", "430203", 2023);
    }

    static Demo lukou() {
        return of("lukou-2023", "430212", 2023);
    }
}
