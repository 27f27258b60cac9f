package io.jixiao.disclosure.narrative;

import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.report.DistrictLedger;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReportFold;
import io.jixiao.disclosure.report.DistrictSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The four seed texts with their fixtures folded into records, without Spring. */
final class NarrativeSeeds {
    static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");

    enum Seed {
        HETANG("hetang-2022", "hetang-2022-district-report.txt", 2022),
        LUSONG("lusong-2023", "lusong-2023-finance-bureau-self-evaluation.txt", 2023),
        BEITA("beita-2022", "beita-2022-key-evaluations.txt", 2022),
        LUKOU("lukou-2023", "lukou-2023-performance-work.txt", 2023);

        final String fixture;
        final String file;
        final int year;

        Seed(String fixture, String file, int year) {
            this.fixture = fixture;
            this.file = file;
            this.year = year;
        }

        String text() {
            return resource("/seeds/" + file);
        }

        NarrativeRecords records() {
            FixtureEvents events = FixtureEvents.load(fixture);
            DistrictSettings settings = io.jixiao.disclosure.fixture.PublishedRules.v0(events.district());
            DistrictLedger ledger = DistrictReportFold.foldUpTo(events.events(), AS_OF);
            DistrictReport report = DistrictReportFold.report(ledger, year, settings, AS_OF);
            return NarrativeRecords.of(report, events.events());
        }
    }

    private NarrativeSeeds() {
    }

    static String resource(String path) {
        try (InputStream in = NarrativeSeeds.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
