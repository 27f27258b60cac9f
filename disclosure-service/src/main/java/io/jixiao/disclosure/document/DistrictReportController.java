package io.jixiao.disclosure.document;

import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.ReportCsv;
import io.jixiao.disclosure.report.ReportHtml;
import io.jixiao.disclosure.report.ReportTables;
import io.jixiao.disclosure.report.web.DistrictReportService;
import io.jixiao.disclosure.web.BadParameter;
import io.jixiao.disclosure.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The district report of a year, live or as of an instant, as JSON, a printable HTML page, CSV tables or documents,
 * and the district-year as open data (a Fiscal Data Package, zipped).
 */
@RestController
@RequestMapping("/api/reports/districts/{districtCode}/years/{year}")
@Tag(name = "reports", description = "District reports folded from the journal of events")
public class DistrictReportController {
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private final DistrictReportService reports;
    private final Downloads downloads;

    public DistrictReportController(DistrictReportService reports, Downloads downloads) {
        this.reports = reports;
        this.downloads = downloads;
    }

    @GetMapping
    @Operation(summary = "The district report of a year",
            description = "Folds the district's journal up to asOf (absent: now). format=json (default) answers the "
                    + "report with 万元 strings in fields ending in Wan; format=html a zh-CN printable page; format=csv "
                    + "one table (table=<id>) or all tables one after another, UTF-8 with a BOM; format=docx a Word document and "
                    + "format=pdf a PDF in the seeds' layout; format=xlsx a workbook with one sheet per table, numbers "
                    + "as numbers. Downloads carry a Chinese file name (RFC 6266 filename*) and the asOf and rule "
                    + "version inside.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = DistrictReport.class)),
            @Content(mediaType = "text/html", schema = @Schema(type = "string")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    public ResponseEntity<?> report(
            @PathVariable String districtCode,
            @PathVariable int year,
            @Parameter(description = "a date (end of that day, Asia/Shanghai) or an ISO instant; absent = now")
            @RequestParam(required = false) String asOf,
            @Parameter(schema = @Schema(allowableValues = {"json", "html", "csv", "docx", "xlsx", "pdf"}))
            @RequestParam(defaultValue = "json") String format,
            @Parameter(description = "for format=csv: one table id (three-public, transfers, debt, bonds, performance, "
                    + "key-evaluation-types, key-evaluations, self-evaluations, self-evaluation-review, spot-checks, "
                    + "result-applications, monitoring, "
                    + "checkpoint, rectification-counts, rectifications, units, project-categories, projects); "
                    + "absent = all tables")
            @RequestParam(required = false) String table) {
        Params.district(districtCode);
        Params.year(year);
        Instant at = Params.asOf(asOf);
        if (table != null && !ReportTables.IDS.contains(table)) {
            throw new BadParameter("table", "must be one of " + ReportTables.IDS);
        }
        if (table != null && !"csv".equals(format)) {
            throw new BadParameter("table", "applies to format=csv only");
        }
        if (!FORMATS.contains(format)) {
            throw new BadParameter("format", "must be json, html, csv, docx, xlsx or pdf");
        }
        DistrictReport report = ActorReaders.forCaller(reports.report(districtCode, year, at));
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case "html" -> ResponseEntity.ok().contentType(HTML).body(ReportHtml.render(report));
            case "csv" -> csv(report, table);
            case "docx" -> downloads.docx(report);
            case "xlsx" -> downloads.xlsx(report);
            default -> downloads.pdf(report);
        };
    }

    @GetMapping("/datapackage.zip")
    @Operation(summary = "The district-year as a Fiscal Data Package (datapackage.json + CSV resources, zipped)",
            description = "Budget lines with their phases (initial, adjusted, executed) in 元 to the fen, 三公, "
                    + "transfers, debt, evaluations, grades, the review of self-evaluations and rectification items "
                    + "(their actor ids empty for a DASHBOARD caller); a Table Schema per resource. The same asOf "
                    + "gives the same bytes.")
    public ResponseEntity<byte[]> dataPackage(
            @PathVariable String districtCode,
            @PathVariable int year,
            @Parameter(description = "a date (end of that day, Asia/Shanghai) or an ISO instant; absent = now")
            @RequestParam(required = false) String asOf) {
        Params.district(districtCode);
        Params.year(year);
        Instant at = Params.asOf(asOf);
        DistrictReportService.Folded folded = reports.fold(districtCode, at);
        return downloads.dataPackage(ActorReaders.forCaller(reports.report(folded, districtCode, year, at)),
                folded.ledger());
    }

    private static final List<String> FORMATS = List.of("json", "html", "csv", "docx", "xlsx",
            "pdf");

    private static ResponseEntity<byte[]> csv(DistrictReport report, String table) {
        String body = table == null ? ReportCsv.all(ReportTables.of(report))
                : ReportCsv.table(ReportTables.byId(report, table).orElseThrow());
        String file = report.districtCode() + "-" + report.year() + "-" + (table == null ? "report" : table) + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
