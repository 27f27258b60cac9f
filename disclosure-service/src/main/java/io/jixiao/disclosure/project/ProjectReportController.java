package io.jixiao.disclosure.project;

import io.jixiao.disclosure.web.Params;
import io.jixiao.events.Money;
import io.jixiao.events.budget.FundingFigures;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.Paging.Page;
import io.jixiao.support.web.Paging.PageRequest;
import io.jixiao.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's funding timeline as the disclosure side sees it, and the district-year budget summary. Path
 * parameters are checked by {@link Params} as on every disclosure endpoint (400 naming the parameter): the fault
 * suite found year -1 answered 200 with zero totals.
 */
@RestController
@RequestMapping("/api/reports/districts/{districtCode}/years/{year}")
public class ProjectReportController {
    private final JdbcTemplate jdbc;

    public ProjectReportController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record TimelineEntry(long sequence, String type, Instant occurredAt, String amount, String actor,
                                String correlationId, String causationId, String detail) {
    }

    public record ProjectReport(String districtCode, String projectId, String unitId, String name, String category,
                                int fiscalYear, String appropriated, String carriedOver, String adjusted,
                                String budget, String spent, String available, String executionRate,
                                long lastSequence, List<TimelineEntry> timeline) {
    }

    public record BudgetSummary(String districtCode, int year, long projects, String appropriated,
                                String carriedOver, String adjusted, String budget, String spent, String available,
                                String executionRate, String budgetWan, String spentWan) {
    }

    @GetMapping("/projects/{projectId}")
    @Operation(summary = "A project's figures and its funding timeline",
            description = "The timeline a page at a time (limit, after = the last sequence shown; the next page's "
                    + "address is in the Link header, rel=\"next\"); the figures are the project's whole on every page.")
    public ResponseEntity<ProjectReport> project(@PathVariable String districtCode, @PathVariable int year,
                                 @PathVariable String projectId,
                                 @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false)
                                 Integer limit,
                                 @Parameter(description = Paging.AFTER_DOC + " (a timeline entry's sequence)")
                                 @RequestParam(required = false) String after) {
        Params.district(districtCode);
        Params.year(year);
        Params.id("projectId", projectId);
        PageRequest page = Paging.request(limit, after);
        Page<TimelineEntry> timeline = Paging.of(timeline(districtCode, projectId, page), page,
                TimelineEntry::sequence);
        List<ProjectReport> found = jdbc.query("SELECT * FROM project_view WHERE district_code = ? AND project_id = ? "
                + "AND fiscal_year = ?", (rs, i) -> {
                    FundingFigures f = new FundingFigures(rs.getLong("appropriated_fen"),
                            rs.getLong("carried_over_fen"), rs.getLong("adjusted_fen"), rs.getLong("spent_fen"));
                    return new ProjectReport(districtCode, projectId, rs.getString("unit_id"), rs.getString("name"),
                            rs.getString("category"), rs.getInt("fiscal_year"), Money.yuan(f.appropriated()),
                            Money.yuan(f.carriedOver()), Money.yuan(f.adjusted()), Money.yuan(f.budget()),
                            Money.yuan(f.spent()), Money.yuan(f.available()), Money.percent(f.spent(), f.budget()),
                            rs.getLong("last_sequence"), timeline.items());
                }, districtCode, projectId, year);
        ProjectReport report = found.stream().findFirst().orElseThrow(() -> new NotFound("projectId",
                "no project '" + projectId + "' of " + year + " in district " + districtCode));
        return ResponseEntity.ok().headers(Paging.headers(timeline, page)).body(report);
    }

    @GetMapping("/budget-summary")
    public BudgetSummary summary(@PathVariable String districtCode, @PathVariable int year) {
        Params.district(districtCode);
        Params.year(year);
        Map<String, Object> row = jdbc.queryForMap("SELECT count(*) AS n, coalesce(sum(appropriated_fen), 0) AS a, "
                + "coalesce(sum(carried_over_fen), 0) AS c, coalesce(sum(adjusted_fen), 0) AS j, "
                + "coalesce(sum(spent_fen), 0) AS s FROM project_view WHERE district_code = ? AND fiscal_year = ?",
                districtCode, year);
        FundingFigures f = new FundingFigures(((Number) row.get("a")).longValue(), ((Number) row.get("c")).longValue(),
                ((Number) row.get("j")).longValue(), ((Number) row.get("s")).longValue());
        return new BudgetSummary(districtCode, year, ((Number) row.get("n")).longValue(), Money.yuan(f.appropriated()),
                Money.yuan(f.carriedOver()), Money.yuan(f.adjusted()), Money.yuan(f.budget()), Money.yuan(f.spent()),
                Money.yuan(f.available()), Money.percent(f.spent(), f.budget()), Money.wan(f.budget()),
                Money.wan(f.spent()));
    }

    private List<TimelineEntry> timeline(String districtCode, String projectId, PageRequest page) {
        return jdbc.query("SELECT * FROM project_timeline_entry WHERE district_code = ? AND project_id = ? "
                + "AND sequence_no > ? ORDER BY sequence_no LIMIT ?", (rs, i) -> new TimelineEntry(rs.getLong("sequence_no"),
                rs.getString("event_type"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("amount_fen") == null ? null : Money.yuan(rs.getLong("amount_fen")), rs.getString("actor"),
                rs.getString("correlation_id"), rs.getString("causation_id"), rs.getString("detail")),
                districtCode, projectId, page.afterNumber(), page.limit() + 1);
    }
}
