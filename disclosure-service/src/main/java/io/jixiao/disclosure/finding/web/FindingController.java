package io.jixiao.disclosure.finding.web;

import io.jixiao.disclosure.finding.Category;
import io.jixiao.disclosure.finding.FindingRecord;
import io.jixiao.disclosure.finding.RuleCatalogue;
import io.jixiao.disclosure.finding.Severity;
import io.jixiao.disclosure.report.web.DistrictReportService;
import io.jixiao.disclosure.web.BadParameter;
import io.jixiao.disclosure.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Compliance findings of a district-year, with their history, and the rule catalogue. */
@RestController
@RequestMapping("/api/disclosure/districts/{districtCode}/years/{year}/findings")
@Tag(name = "findings", description = "Disclosure compliance findings (rules DISC-001 …)")
public class FindingController {
    private final FindingService findings;
    private final DistrictReportService reports;

    public FindingController(FindingService findings, DistrictReportService reports) {
        this.findings = findings;
        this.reports = reports;
    }

    /** The findings of a district-year. */
    public record Findings(String districtCode, int year, Instant evaluatedAt, String ruleVersion, int open,
                           int openFatal, List<FindingRecord> findings) {
    }

    /** A rule of the catalogue. */
    public record RuleView(String id, String title, Category category, Severity severity, String description) {
    }

    public record Catalogue(String ruleVersion, List<RuleView> rules) {
    }

    @GetMapping
    @Operation(summary = "Findings of a district-year",
            description = "Evaluates the rules on the journal as it stands now and answers the whole history (open "
                    + "first) as it stands with them: new findings as raised now, vanished ones as resolved now. A read "
                    + "writes nothing: the history records them at the next publication, retraction or scheduled "
                    + "synchronisation (jixiao.findings.sync-interval); until then a new finding's id is null.")
    public Findings list(@PathVariable String districtCode, @PathVariable int year,
                         @Parameter(description = "only this unit's findings") @RequestParam(required = false)
                         String unitId,
                         @Parameter(schema = @Schema(allowableValues = {"all", "open", "resolved"}))
                         @RequestParam(defaultValue = "all") String status) {
        Params.district(districtCode);
        Params.year(year);
        if (unitId != null) {
            Params.id("unitId", unitId);
        }
        if (!List.of("all", "open", "resolved").contains(status)) {
            throw new BadParameter("status", "must be all, open or resolved");
        }
        List<FindingRecord> all = findings.list(districtCode, year);
        List<FindingRecord> shown = all.stream()
                .filter(f -> unitId == null || unitId.equals(f.unitId()))
                .filter(f -> status.equals("all") || f.status().equalsIgnoreCase(status))
                .toList();
        int open = (int) shown.stream().filter(f -> f.resolvedAt() == null).count();
        int fatal = (int) shown.stream().filter(f -> f.resolvedAt() == null && f.severity().equals("FATAL")).count();
        Instant now = Instant.now();
        return new Findings(districtCode, year, now, reports.settingsFor(districtCode, now).ruleVersion(), open,
                fatal, shown);
    }

    @GetMapping("/rules")
    @Operation(summary = "The rule catalogue the findings come from")
    public Catalogue rules(@PathVariable String districtCode, @PathVariable int year) {
        Params.district(districtCode);
        Params.year(year);
        return new Catalogue(reports.settingsFor(districtCode, Instant.now()).ruleVersion(), RuleCatalogue.rules().stream()
                .map(r -> new RuleView(r.id(), r.title(), r.category(), r.severity(), r.description())).toList());
    }
}
