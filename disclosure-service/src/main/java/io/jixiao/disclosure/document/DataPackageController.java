package io.jixiao.disclosure.document;

import io.jixiao.disclosure.report.web.DistrictReportService;
import io.jixiao.disclosure.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A district-year as open data: a Fiscal Data Package, zipped. */
@RestController
@Tag(name = "reports", description = "District reports folded from the journal of events")
public class DataPackageController {
    private final DistrictReportService reports;
    private final Downloads downloads;

    public DataPackageController(DistrictReportService reports, Downloads downloads) {
        this.reports = reports;
        this.downloads = downloads;
    }

    @GetMapping("/api/reports/districts/{districtCode}/years/{year}/datapackage.zip")
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
}
