package io.jixiao.budget.project;

import io.jixiao.support.web.District;
import io.jixiao.budget.common.Ids;
import io.jixiao.budget.common.CommandAnswer;
import io.jixiao.budget.project.ProjectRequests.AdjustmentRequest;
import io.jixiao.budget.project.ProjectRequests.AppropriationRequest;
import io.jixiao.budget.project.ProjectRequests.CarryOverRequest;
import io.jixiao.budget.project.ProjectRequests.ExpenditureRequest;
import io.jixiao.budget.project.ProjectRequests.RegisterProjectRequest;
import io.jixiao.budget.project.ProjectRequests.ReversalRequest;
import io.jixiao.budget.project.ProjectResponses.CommandResult;
import io.jixiao.budget.project.ProjectResponses.History;
import io.jixiao.budget.project.ProjectResponses.ProjectState;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.context.Who;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.AsOf;
import io.jixiao.support.web.IfMatch;
import io.jixiao.support.web.Paging;
import io.jixiao.support.web.Paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
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

/** A project's funding: register, 年初预算, 调整, 结转, 支出, current state and the auditor's history. */
@RestController
@Tag(name = "projects", description = "a project's funding and its history")
@RequestMapping("/api/budget/districts/{districtCode}/projects/{projectId}")
public class ProjectController {

    private final CommandSender commands;
    private final ProjectFundingView view;
    private final ProjectHistory history;

    public ProjectController(CommandSender commands, ProjectFundingView view, ProjectHistory history) {
        this.commands = commands;
        this.view = view;
        this.history = history;
    }

    @PutMapping
    @Operation(summary = "Register a project (201; the same body again: 200; other details: 409; unknown unit: 422 UNKNOWN_UNIT)")
    public ResponseEntity<ProjectState> register(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String projectId,
            @Valid @RequestBody RegisterProjectRequest body) {
        boolean created = commands.send(body.toCommand(districtCode, projectId), districtCode);
        return state(districtCode, projectId, created ? HttpStatus.CREATED : HttpStatus.OK);
    }

    @PostMapping("/appropriations")
    @Operation(summary = "年初预算 (409 GOAL_NOT_APPROVED with Retry-After while the district requires an approved goal first and none is known yet)")
    public ResponseEntity<CommandResult> appropriate(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String projectId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AppropriationRequest body) {
        return recorded(districtCode, projectId, body.toCommand(districtCode, projectId, IfMatch.version(ifMatch)));
    }

    @PostMapping("/adjustments")
    @Operation(summary = "调增/调减: a signed amount (422 BUDGET_BELOW_SPENT)")
    public ResponseEntity<CommandResult> adjust(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String projectId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AdjustmentRequest body) {
        return recorded(districtCode, projectId, body.toCommand(districtCode, projectId, IfMatch.version(ifMatch)));
    }

    @PostMapping("/carry-overs")
    @Operation(summary = "结转 from an earlier year")
    public ResponseEntity<CommandResult> carryOver(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String projectId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CarryOverRequest body) {
        return recorded(districtCode, projectId, body.toCommand(districtCode, projectId, IfMatch.version(ifMatch)));
    }

    @PostMapping("/expenditures")
    @Operation(summary = "支出 (422 SPENDING_ABOVE_AVAILABLE)")
    public ResponseEntity<CommandResult> spend(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String projectId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ExpenditureRequest body) {
        return recorded(districtCode, projectId, body.toCommand(districtCode, projectId, IfMatch.version(ifMatch)));
    }

    @PostMapping("/reversals")
    @Operation(summary = "红字冲销: reverses one appropriation, adjustment, carry-over or expenditure, named by its "
            + "sequence number; the original stays in the history, the figures exclude both (422 ALREADY_REVERSED, "
            + "NOT_A_MONEY_ENTRY, UNKNOWN_ENTRY, BUDGET_BELOW_SPENT)")
    public ResponseEntity<CommandResult> reverse(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String projectId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ReversalRequest body) {
        Who.FINANCE.require("reverse an entry of project " + projectId, districtCode, null);
        return recorded(districtCode, projectId, body.toCommand(districtCode, projectId, IfMatch.version(ifMatch)));
    }

    @GetMapping
    @Operation(summary = "Current funding state, with its version (also the ETag)")
    public ResponseEntity<ProjectState> get(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String projectId) {
        return state(districtCode, projectId, HttpStatus.OK);
    }

    @GetMapping("/history")
    @Operation(summary = "Every event up to asOf with its metadata and the running figures, and the state as of then",
            description = "A page of events at a time (limit, after = the last sequence number shown; the next "
                    + "page's address is in the Link header, rel=\"next\"). eventCount, stateAsOf and versionAsOf "
                    + "are the whole history's on every page.")
    public ResponseEntity<History> history(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String projectId,
            @Parameter(description = "recorded up to: an instant (2023-08-31T10:00:00Z) or a date (end of that day, "
                    + "Asia/Shanghai); absent = now")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "optional: only money with a business date (the event's date) on or before this day")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.AFTER_DOC + " (an event's sequence number)")
            @RequestParam(required = false) String after) {
        PageRequest page = Paging.request(limit, after);
        ProjectHistory.HistoryPage answer = history.asOf(districtCode, projectId, AsOf.parse(asOf), on, page);
        return ResponseEntity.ok().headers(Paging.headers(answer.page(), page)).body(answer.history());
    }

    @GetMapping("/history.xlsx")
    @Operation(summary = "The same history as a workbook for auditors: one row per event, amounts in 元 as numbers")
    public ResponseEntity<byte[]> historyWorkbook(
            @PathVariable @District String districtCode,
            @PathVariable @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String projectId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        History h = history.whole(districtCode, projectId, AsOf.parse(asOf), on);
        String name = "项目" + projectId + "历史.xlsx";
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                        + districtCode + "-" + projectId + "-history.xlsx\"; " + org.springframework.http.ContentDisposition
                        .attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString()
                        .substring("attachment; ".length()))
                .header("X-Report-As-Of", h.asOf().toString())
                .body(ProjectHistoryWorkbook.write(h));
    }

    private ResponseEntity<CommandResult> recorded(String districtCode, String projectId, Object command) {
        return CommandAnswer.send(commands, districtCode, command, () -> find(districtCode, projectId),
                (state, recorded) -> state.version(), CommandResult::new);
    }

    private ResponseEntity<ProjectState> state(String districtCode, String projectId, HttpStatus status) {
        ProjectState state = find(districtCode, projectId);
        return ResponseEntity.status(status).eTag(IfMatch.etag(state.version())).body(state);
    }

    private ProjectState find(String districtCode, String projectId) {
        return view.find(districtCode, projectId).map(ProjectState::of)
                .orElseThrow(() -> new NotFound("projectId", "no project '" + projectId + "' in district " + districtCode));
    }
}
