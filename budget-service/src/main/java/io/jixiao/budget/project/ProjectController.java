package io.jixiao.budget.project;

import io.jixiao.budget.project.ProjectCommands.AdjustBudget;
import io.jixiao.budget.project.ProjectCommands.AppropriateBudget;
import io.jixiao.budget.project.ProjectCommands.CarryOverFunds;
import io.jixiao.budget.project.ProjectCommands.RecordExpenditure;
import io.jixiao.budget.project.ProjectCommands.Recorded;
import io.jixiao.budget.project.ProjectCommands.RegisterProject;
import io.jixiao.budget.project.ProjectRequests.AdjustmentRequest;
import io.jixiao.budget.project.ProjectRequests.AppropriationRequest;
import io.jixiao.budget.project.ProjectRequests.CarryOverRequest;
import io.jixiao.budget.project.ProjectRequests.ExpenditureRequest;
import io.jixiao.budget.project.ProjectRequests.RegisterProjectRequest;
import io.jixiao.budget.project.ProjectResponses.CommandResult;
import io.jixiao.budget.project.ProjectResponses.History;
import io.jixiao.budget.project.ProjectResponses.ProjectState;
import io.jixiao.events.Money;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.AsOf;
import io.jixiao.support.web.IfMatch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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
@RequestMapping("/api/budget/districts/{districtCode}/projects/{projectId}")
public class ProjectController {
    static final String DISTRICT = "\\d{6}";

    private final CommandSender commands;
    private final ProjectFundingView view;
    private final ProjectHistory history;

    public ProjectController(CommandSender commands, ProjectFundingView view, ProjectHistory history) {
        this.commands = commands;
        this.view = view;
        this.history = history;
    }

    @PutMapping
    public ResponseEntity<ProjectState> register(
            @PathVariable @Pattern(regexp = DISTRICT, message = "must be a 6-digit district code") String districtCode,
            @PathVariable @Pattern(regexp = ProjectRequests.ID, message = "must match " + ProjectRequests.ID) String projectId,
            @Valid @RequestBody RegisterProjectRequest body) {
        boolean created = commands.send(new RegisterProject(ProjectCommands.projectKey(districtCode, projectId),
                districtCode, projectId, body.unitId(), body.name(), body.category(), body.fiscalYear(),
                body.projectCount() == null ? 1 : body.projectCount()), districtCode);
        return state(districtCode, projectId, created ? HttpStatus.CREATED : HttpStatus.OK);
    }

    @PostMapping("/appropriations")
    public ResponseEntity<CommandResult> appropriate(
            @PathVariable @Pattern(regexp = DISTRICT, message = "must be a 6-digit district code") String districtCode,
            @PathVariable @Pattern(regexp = ProjectRequests.ID, message = "must match " + ProjectRequests.ID) String projectId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AppropriationRequest body) {
        return recorded(districtCode, projectId, new AppropriateBudget(ProjectCommands.projectKey(districtCode, projectId),
                Money.yuanToFen(body.amount()), body.source(), body.docNo(), body.date(), null, IfMatch.version(ifMatch)));
    }

    @PostMapping("/adjustments")
    public ResponseEntity<CommandResult> adjust(
            @PathVariable @Pattern(regexp = DISTRICT, message = "must be a 6-digit district code") String districtCode,
            @PathVariable @Pattern(regexp = ProjectRequests.ID, message = "must match " + ProjectRequests.ID) String projectId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AdjustmentRequest body) {
        return recorded(districtCode, projectId, new AdjustBudget(ProjectCommands.projectKey(districtCode, projectId),
                Money.yuanToFen(body.amount()), body.basis(), body.reason(), body.docNo(), body.date(), null, null,
                IfMatch.version(ifMatch)));
    }

    @PostMapping("/carry-overs")
    public ResponseEntity<CommandResult> carryOver(
            @PathVariable @Pattern(regexp = DISTRICT, message = "must be a 6-digit district code") String districtCode,
            @PathVariable @Pattern(regexp = ProjectRequests.ID, message = "must match " + ProjectRequests.ID) String projectId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CarryOverRequest body) {
        return recorded(districtCode, projectId, new CarryOverFunds(ProjectCommands.projectKey(districtCode, projectId),
                Money.yuanToFen(body.amount()), body.fromYear(), body.date(), null, IfMatch.version(ifMatch)));
    }

    @PostMapping("/expenditures")
    public ResponseEntity<CommandResult> spend(
            @PathVariable @Pattern(regexp = DISTRICT, message = "must be a 6-digit district code") String districtCode,
            @PathVariable @Pattern(regexp = ProjectRequests.ID, message = "must match " + ProjectRequests.ID) String projectId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ExpenditureRequest body) {
        return recorded(districtCode, projectId, new RecordExpenditure(ProjectCommands.projectKey(districtCode, projectId),
                Money.yuanToFen(body.amount()), body.date(), null, IfMatch.version(ifMatch)));
    }

    @GetMapping
    public ResponseEntity<ProjectState> get(
            @PathVariable @Pattern(regexp = DISTRICT, message = "must be a 6-digit district code") String districtCode,
            @PathVariable @Pattern(regexp = ProjectRequests.ID, message = "must match " + ProjectRequests.ID) String projectId) {
        return state(districtCode, projectId, HttpStatus.OK);
    }

    @GetMapping("/history")
    public History history(
            @PathVariable @Pattern(regexp = DISTRICT, message = "must be a 6-digit district code") String districtCode,
            @PathVariable @Pattern(regexp = ProjectRequests.ID, message = "must match " + ProjectRequests.ID) String projectId,
            @RequestParam(required = false) String asOf) {
        return history.asOf(districtCode, projectId, AsOf.parse(asOf));
    }

    private ResponseEntity<CommandResult> recorded(String districtCode, String projectId, Object command) {
        Recorded recorded = commands.send(command, districtCode);
        ProjectState state = find(districtCode, projectId);
        return ResponseEntity.status(recorded.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .eTag(IfMatch.etag(state.version()))
                .header("Idempotent-Replayed", String.valueOf(recorded.replayed()))
                .body(new CommandResult(recorded.sequence(), recorded.replayed(), state));
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
