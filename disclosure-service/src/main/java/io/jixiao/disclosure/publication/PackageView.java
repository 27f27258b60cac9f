package io.jixiao.disclosure.publication;

import io.jixiao.disclosure.events.DisclosureKind;
import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.disclosure.finding.FindingRow;
import io.jixiao.support.personal.Contacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A package as published (and retracted): what the package endpoints answer.
 *
 * @param contacts the package's contacts opened (已删除 once their person was erased); null when it named none or the
 *                 caller may not read persons (a DASHBOARD)
 * @param findings after a publication: the unit's findings as they stand with it
 */
public record PackageView(String districtCode, int year, String unitId, String packageId, DisclosureKind kind,
                          LocalDate publishedOn, Map<String, List<String>> tables, Map<String, String> explanations,
                          Map<String, String> figures, Contacts.State contacts, String status, Instant publishedAt, String retractionReason,
                          LocalDate retractedOn, Instant retractedAt, Boolean replayed, Long version,
                          List<FindingRow> findings) {

    /** The package as published at {@code publishedAt}, and retracted ({@code r} null if it was not). */
    public static PackageView of(DisclosurePublished p, Instant publishedAt, DisclosureRetracted r,
                                 Instant retractedAt) {
        return new PackageView(p.districtCode(), p.year(), p.unitId(), p.packageId(), p.kind(), p.publishedOn(),
                p.tables(), p.explanations(), p.figures(), null, r == null ? "PUBLISHED" : "RETRACTED", publishedAt,
                r == null ? null : r.reason(), r == null ? null : r.retractedOn(), r == null ? null : retractedAt,
                null, null, null);
    }

    public PackageView with(PackageCommands.Outcome outcome, List<FindingRow> unitFindings) {
        return new PackageView(districtCode, year, unitId, packageId, kind, publishedOn, tables, explanations, figures,
                contacts, status, publishedAt, retractionReason, retractedOn, retractedAt, outcome.replayed(),
                outcome.version(), unitFindings);
    }

    /** The package showing {@code shown} as its contacts. */
    public PackageView withContacts(Contacts.State shown) {
        return new PackageView(districtCode, year, unitId, packageId, kind, publishedOn, tables, explanations, figures,
                shown, status, publishedAt, retractionReason, retractedOn, retractedAt, replayed, version, findings);
    }
}
