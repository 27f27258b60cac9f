package io.jixiao.budget.unit;

import io.jixiao.support.web.District;
import io.jixiao.budget.common.Ids;
import io.jixiao.budget.common.CommandAnswer;
import io.jixiao.budget.project.ProjectFundingView;
import io.jixiao.budget.unit.UnitRequests.BasicAdjustmentRequest;
import io.jixiao.budget.unit.UnitRequests.BasicBudgetRequest;
import io.jixiao.budget.unit.UnitRequests.BasicExpenditureRequest;
import io.jixiao.budget.unit.UnitRequests.RegisterUnitRequest;
import io.jixiao.budget.unit.UnitResponses.Basic;
import io.jixiao.budget.unit.UnitResponses.CommandResult;
import io.jixiao.budget.unit.UnitResponses.Projects;
import io.jixiao.budget.unit.UnitResponses.Totals;
import io.jixiao.budget.unit.UnitResponses.UnitState;
import io.jixiao.budget.unit.UnitResponses.UnitYearState;
import io.jixiao.budget.unit.UnitView.BasicRow;
import io.jixiao.budget.unit.UnitView.UnitRow;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.IfMatch;
import io.jixiao.support.web.Paging.Page;
import io.jixiao.support.web.Paging.PageRequest;
import io.jixiao.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.jixiao.support.web.FiscalYear;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Budget units (预算单位) and each unit-year's 基本支出, with the unit's project totals beside them. */
@RestController
@Tag(name = "units", description = "budget units and their basic expenditure per year")
@RequestMapping("/api/budget/districts/{districtCode}/units")
public class UnitController {
    private final CommandSender commands;
    private final UnitView units;
    private final ProjectFundingView projects;

    public UnitController(CommandSender commands, UnitView units, ProjectFundingView projects) {
        this.commands = commands;
        this.units = units;
        this.projects = projects;
    }

    @PutMapping("/{unitId}")
    @Operation(summary = "Register a budget unit (201; the same body again: 200; other details: 409)")
    public ResponseEntity<UnitState> register(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String unitId,
            @Valid @RequestBody RegisterUnitRequest body) {
        boolean created = commands.send(body.toCommand(districtCode, unitId), districtCode);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(unit(districtCode, unitId));
    }

    @GetMapping("/{unitId}")
    @Operation(summary = "A registered unit")
    public UnitState get(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String unitId) {
        return unit(districtCode, unitId);
    }

    @GetMapping
    @Operation(summary = "Every registered unit of the district, by unit id, a page at a time (Link rel=\"next\")")
    public ResponseEntity<List<UnitState>> list(
            @PathVariable @District String districtCode,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.AFTER_DOC + " (a unit id)") @RequestParam(required = false) String after) {
        PageRequest page = Paging.request(limit, after);
        Page<UnitState> shown = Paging.slice(units.all(districtCode).stream().map(UnitState::of).toList(), page,
                UnitState::unitId);
        return ResponseEntity.ok().headers(Paging.headers(shown, page)).body(shown.items());
    }

    @PostMapping("/{unitId}/years/{year}/basic-budget")
    @Operation(summary = "基本支出 年初预算 of the unit-year (adds to earlier ones)")
    public ResponseEntity<CommandResult> appropriate(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String unitId,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody BasicBudgetRequest body) {
        return recorded(districtCode, unitId, year, body.toCommand(districtCode, unitId, year, IfMatch.version(ifMatch)));
    }

    @PostMapping("/{unitId}/years/{year}/basic-adjustments")
    @Operation(summary = "基本支出 调增/调减: a signed amount (422 BUDGET_BELOW_SPENT)")
    public ResponseEntity<CommandResult> adjust(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String unitId,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody BasicAdjustmentRequest body) {
        return recorded(districtCode, unitId, year, body.toCommand(districtCode, unitId, year, IfMatch.version(ifMatch)));
    }

    @PostMapping("/{unitId}/years/{year}/basic-expenditures")
    @Operation(summary = "基本支出 spent as PERSONNEL (人员经费) or PUBLIC (公用经费) (422 SPENDING_ABOVE_AVAILABLE)")
    public ResponseEntity<CommandResult> spend(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String unitId,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody BasicExpenditureRequest body) {
        return recorded(districtCode, unitId, year, body.toCommand(districtCode, unitId, year, IfMatch.version(ifMatch)));
    }

    @GetMapping("/{unitId}/years/{year}")
    @Operation(summary = "The unit's year: basic budget and spending by class, project totals, 年初/全年预算数, 执行数, 执行率")
    public ResponseEntity<UnitYearState> year(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String unitId,
            @PathVariable @FiscalYear int year) {
        UnitYearState state = unitYear(districtCode, unitId, year);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (state.version() != null) {
            ok.eTag(IfMatch.etag(state.version()));
        }
        return ok.body(state);
    }

    private ResponseEntity<CommandResult> recorded(String districtCode, String unitId, int year, Object command) {
        return CommandAnswer.send(commands, districtCode, command, () -> unitYear(districtCode, unitId, year),
                (state, recorded) -> state.version() == null ? recorded.sequence() : state.version(), CommandResult::new);
    }

    private UnitYearState unitYear(String districtCode, String unitId, int year) {
        UnitRow unit = units.find(districtCode, unitId)
                .orElseThrow(() -> new NotFound("unitId", "no unit '" + unitId + "' in district " + districtCode));
        BasicRow basic = units.basic(districtCode, unitId, year);
        ProjectFundingView.UnitProjectTotals totals = projects.totalsOfUnit(districtCode, unitId, year);
        return new UnitYearState(districtCode, unitId, year, unit.name(), Basic.of(basic), Projects.of(totals),
                Totals.of(basic, totals), basic.version());
    }

    private UnitState unit(String districtCode, String unitId) {
        return units.find(districtCode, unitId).map(UnitState::of)
                .orElseThrow(() -> new NotFound("unitId", "no unit '" + unitId + "' in district " + districtCode));
    }
}
