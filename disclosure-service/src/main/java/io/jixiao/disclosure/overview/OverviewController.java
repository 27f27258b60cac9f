package io.jixiao.disclosure.overview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.disclosure.journal.store.DistrictChanges;
import io.jixiao.disclosure.web.Params;
import io.jixiao.support.context.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The overview across the caller's districts, read from {@code overview_district_year} (kept by
 * {@link OverviewRefresher}), and each district's change cursor, which the workbench polls to redraw a page when
 * the district's events change.
 */
@RestController
@EnableScheduling
@Tag(name = "overview", description = "Every district-year the caller may read, and the change cursor")
public class OverviewController {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public OverviewController(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param budgetWan     sum of the lines' 万元 figures
     * @param executionRate spent ÷ budget of those sums, two decimals
     */
    public record Totals(int districts, int districtYears, String budgetWan, String spentWan, String executionRate) {
    }

    public record Overview(Instant readAt, Totals totals, List<OverviewLine> lines) {
    }

    @GetMapping("/api/disclosure/overview")
    @Operation(summary = "Every district-year the caller may read, with the report's headline figures",
            description = "Lines ordered by district and year: budget, spent and execution rate (report summary), "
                    + "goal sync rate, self-evaluation coverage and grades, key evaluations and grades, open deviations, "
                    + "open compliance findings by severity. Refreshed within a second of the district's events; the "
                    + "lines' version is the district's change version they were folded at.")
    public Overview overview() {
        Set<String> districts = CallerContext.current().map(CallerContext::districts).orElse(Set.of());
        boolean all = districts.contains("*");
        List<OverviewLine> lines = new ArrayList<>();
        jdbc.query("SELECT district_code, figures FROM overview_district_year ORDER BY district_code, year", rs -> {
            if (all || districts.contains(rs.getString(1))) {
                lines.add(read(rs.getString(2)));
            }
        });
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        for (OverviewLine line : lines) {
            budget = budget.add(new BigDecimal(line.budgetWan()));
            spent = spent.add(new BigDecimal(line.spentWan()));
        }
        String rate = budget.signum() == 0 ? "—"
                : spent.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP).toPlainString() + "%";
        int districtCount = (int) lines.stream().map(OverviewLine::districtCode).distinct().count();
        return new Overview(Instant.now(), new Totals(districtCount, lines.size(), budget.setScale(2).toPlainString(),
                spent.setScale(2).toPlainString(), rate), lines);
    }

    public record Cursor(String districtCode, long version, Instant changedAt) {
    }

    @GetMapping("/api/disclosure/districts/{districtCode}/changes")
    @Operation(summary = "The district's change cursor",
            description = "A version that grows whenever an event of the district is journaled (in the same "
                    + "transaction, so a report read after seeing it includes the event). 0 before any event.")
    public Cursor changes(@PathVariable String districtCode) {
        Params.district(districtCode);
        return DistrictChanges.of(jdbc, districtCode)
                .map(v -> new Cursor(districtCode, v.version(), v.changedAt()))
                .orElse(new Cursor(districtCode, 0, null));
    }

    private OverviewLine read(String figures) {
        try {
            return json.readValue(figures, OverviewLine.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("overview row does not read as an OverviewLine", e);
        }
    }
}
