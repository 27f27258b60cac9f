package io.jixiao.budget.threepublic;

import io.jixiao.support.web.District;
import io.jixiao.budget.common.Ids;
import io.jixiao.budget.common.RecordingController;
import io.jixiao.budget.threepublic.ThreePublicRequests.ThreePublicBudgetRequest;
import io.jixiao.budget.threepublic.ThreePublicRequests.ThreePublicSpendingRequest;
import io.jixiao.budget.threepublic.ThreePublicResponses.CommandResult;
import io.jixiao.budget.threepublic.ThreePublicResponses.Line;
import io.jixiao.budget.threepublic.ThreePublicResponses.ThreePublicState;
import io.jixiao.budget.threepublic.ThreePublicResponses.UnitLines;
import io.jixiao.events.budget.ThreePublicCategory;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.jixiao.support.web.FiscalYear;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 三公经费 of a district-year: budget lines and spending per unit and category, and the totals. */
@RestController
@Tag(name = "three-public", description = "三公经费 budget and spending per unit and category")
@RequestMapping("/api/budget/districts/{districtCode}/years/{year}/three-public")
public class ThreePublicController extends RecordingController {
    private final ThreePublicView view;

    public ThreePublicController(CommandSender commands, ThreePublicView view) {
        super(commands);
        this.view = view;
    }

    @PostMapping("/budgets")
    @Operation(summary = "A unit's budget for one category (replaces its earlier budget; the same amount again records nothing)")
    public ResponseEntity<CommandResult> budget(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ThreePublicBudgetRequest body) {
        return recorded(districtCode, year, body.toCommand(districtCode, year, IfMatch.version(ifMatch)));
    }

    @PostMapping("/expenditures")
    @Operation(summary = "Spending of a unit in one category (adds up)")
    public ResponseEntity<CommandResult> spend(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ThreePublicSpendingRequest body) {
        return recorded(districtCode, year, body.toCommand(districtCode, year, IfMatch.version(ifMatch)));
    }

    @GetMapping
    @Operation(summary = "Per unit and category, the district's totals per category, 公务用车 combined, and the total")
    public ThreePublicState get(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year) {
        return state(districtCode, year);
    }

    private ResponseEntity<CommandResult> recorded(String districtCode, int year, Object command) {
        return recorded(districtCode, command, () -> state(districtCode, year), (state, recorded) -> null,
                CommandResult::new);
    }

    ThreePublicState state(String districtCode, int year) {
        Map<String, List<ThreePublicView.Line>> byUnit = new LinkedHashMap<>();
        for (ThreePublicView.Line line : view.lines(districtCode, year)) {
            byUnit.computeIfAbsent(line.unitId(), u -> new ArrayList<>()).add(line);
        }
        Map<ThreePublicCategory, long[]> district = new EnumMap<>(ThreePublicCategory.class);
        for (ThreePublicCategory c : ThreePublicCategory.values()) {
            district.put(c, new long[2]);
        }
        List<UnitLines> units = new ArrayList<>();
        for (Map.Entry<String, List<ThreePublicView.Line>> unit : byUnit.entrySet()) {
            List<ThreePublicView.Line> sorted = new ArrayList<>(unit.getValue());
            sorted.sort(java.util.Comparator.comparing(ThreePublicView.Line::category));
            List<Line> lines = new ArrayList<>();
            long budget = 0;
            long spent = 0;
            long version = 0;
            for (ThreePublicView.Line l : sorted) {
                long b = l.budgetFen() == null ? 0 : l.budgetFen();
                lines.add(Line.of(l.category().label(), b, l.spentFen()));
                budget += b;
                spent += l.spentFen();
                version = Math.max(version, l.version());
                district.get(l.category())[0] += b;
                district.get(l.category())[1] += l.spentFen();
            }
            units.add(new UnitLines(unit.getKey(), version, lines, Line.of("合计", budget, spent)));
        }
        List<Line> categories = new ArrayList<>();
        long budget = 0;
        long spent = 0;
        for (Map.Entry<ThreePublicCategory, long[]> c : district.entrySet()) {
            categories.add(Line.of(c.getKey().label(), c.getValue()[0], c.getValue()[1]));
            budget += c.getValue()[0];
            spent += c.getValue()[1];
        }
        long[] purchase = district.get(ThreePublicCategory.VEHICLE_PURCHASE);
        long[] operation = district.get(ThreePublicCategory.VEHICLE_OPERATION);
        Line vehicles = Line.of("公务用车购置及运行维护", purchase[0] + operation[0], purchase[1] + operation[1]);
        return new ThreePublicState(districtCode, year, units, categories, vehicles, Line.of("合计", budget, spent));
    }
}
