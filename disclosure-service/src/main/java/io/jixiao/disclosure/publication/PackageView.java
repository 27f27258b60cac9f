package io.jixiao.disclosure.publication;

import io.jixiao.disclosure.finding.FindingRow;
import io.jixiao.disclosure.report.DistrictLedger.DisclosurePackageState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A package as published (and retracted): what the package endpoints answer.
 *
 * @param findings after a publication: the unit's findings as they stand with it
 */
public record PackageView(String districtCode, int year, String unitId, String packageId, DisclosureKind kind,
                          LocalDate publishedOn, Map<String, List<String>> tables, Map<String, String> explanations,
                          Map<String, String> figures, String status, Instant publishedAt, String retractionReason,
                          LocalDate retractedOn, Instant retractedAt, Boolean replayed, Long version,
                          List<FindingRow> findings) {

    static PackageView of(DisclosurePackageState state) {
        DisclosurePublished p = state.published().orElseThrow();
        DisclosureRetracted r = state.retracted().orElse(null);
        return new PackageView(p.districtCode(), p.year(), p.unitId(), p.packageId(), p.kind(), p.publishedOn(),
                p.tables(), p.explanations(), p.figures(), r == null ? "PUBLISHED" : "RETRACTED", state.publishedAt(),
                r == null ? null : r.reason(), r == null ? null : r.retractedOn(), state.retractedAt(), null, null,
                null);
    }

    PackageView with(PackageCommands.Outcome outcome, List<FindingRow> unitFindings) {
        return new PackageView(districtCode, year, unitId, packageId, kind, publishedOn, tables, explanations, figures,
                status, publishedAt, retractionReason, retractedOn, retractedAt, outcome.replayed(), outcome.version(),
                unitFindings);
    }
}
