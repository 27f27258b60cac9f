package io.jixiao.disclosure.events;

import io.jixiao.events.ContactDetails;
import io.jixiao.events.Unpublished;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A unit published a disclosure package for a year: its tables (table name → the project or goal ids it lists),
 * a written explanation per table (required for an empty table), and optionally figures the package states
 * (e.g. {@code 编制数}) that the rules compare with the records, and optionally the package's contacts (填报人, 联系人,
 * 联系电话), sealed under a person's data key ({@code ContactDetails}: never their text; 加密删除). disclosure-service's
 * own event.
 */
@Unpublished("disclosure-service is the only reader of its packages")
public record DisclosurePublished(String districtCode, int year, String unitId, String packageId, DisclosureKind kind,
                                  LocalDate publishedOn, Map<String, List<String>> tables,
                                  Map<String, String> explanations, Map<String, String> figures,
                                  ContactDetails contacts) {
    public DisclosurePublished {
        tables = tables == null ? Map.of() : tables;
        explanations = explanations == null ? Map.of() : explanations;
        figures = figures == null ? Map.of() : figures;
    }

    /** A package without contacts. */
    public DisclosurePublished(String districtCode, int year, String unitId, String packageId, DisclosureKind kind,
                               LocalDate publishedOn, Map<String, List<String>> tables,
                               Map<String, String> explanations, Map<String, String> figures) {
        this(districtCode, year, unitId, packageId, kind, publishedOn, tables, explanations, figures, null);
    }
}
