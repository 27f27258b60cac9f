package io.jixiao.disclosure.document;

import io.jixiao.disclosure.finding.FindingRecord;
import io.jixiao.disclosure.finding.web.FindingService;
import io.jixiao.disclosure.report.DistrictSettings;
import io.jixiao.disclosure.report.web.DistrictReportService;
import io.jixiao.disclosure.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A district-year's findings with their history as a workbook, for auditors. */
@RestController
@Tag(name = "findings", description = "Disclosure compliance findings (rules DISC-001 …)")
public class FindingsWorkbookController {
    private final FindingService findings;
    private final DistrictReportService reports;

    public FindingsWorkbookController(FindingService findings, DistrictReportService reports) {
        this.findings = findings;
        this.reports = reports;
    }

    @GetMapping("/api/disclosure/districts/{districtCode}/years/{year}/findings.xlsx")
    @Operation(summary = "The findings of a district-year with their history, as a workbook",
            description = "The same evaluation as GET …/findings (new findings raised now, vanished ones resolved now).")
    public ResponseEntity<byte[]> workbook(@PathVariable String districtCode, @PathVariable int year) {
        Params.district(districtCode);
        Params.year(year);
        List<FindingRecord> all = findings.list(districtCode, year);   // a download, like a GET, writes nothing
        Instant now = Instant.now();
        DistrictSettings settings = reports.settingsFor(districtCode, now);
        String ruleVersion = settings.ruleVersion();
        byte[] body = FindingsWorkbook.write(districtCode, year, ruleVersion, now, all);
        String name = districtCode + "-" + year + "-findings.xlsx";
        String chinese = ContentDisposition.attachment().filename(settings.districtName() + year
                + "年度信息公开问题.xlsx", StandardCharsets.UTF_8).build().toString().substring("attachment; ".length());
        return ResponseEntity.ok().contentType(Downloads.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"; " + chinese)
                .header("X-Report-Rule-Version", ruleVersion)
                .body(body);
    }
}
