package io.jixiao.evaluation.goal;

import io.jixiao.support.web.District;
import io.jixiao.evaluation.Answers;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.RecordId;
import io.jixiao.evaluation.access.Act;
import io.jixiao.support.personal.Contacts;
import io.jixiao.evaluation.goal.GoalCommands.ApproveGoal;
import io.jixiao.evaluation.goal.GoalCommands.DeclareGoal;
import io.jixiao.evaluation.goal.GoalCommands.GoalResult;
import io.jixiao.evaluation.goal.GoalCommands.Outcome;
import io.jixiao.evaluation.goal.GoalCommands.ReturnGoal;
import io.jixiao.evaluation.goal.GoalRequests.ApprovalRequest;
import io.jixiao.evaluation.goal.GoalRequests.DeclareGoalRequest;
import io.jixiao.evaluation.goal.GoalRequests.ReturnRequest;
import io.jixiao.evaluation.goal.GoalResponses.GoalState;
import io.jixiao.evaluation.settings.RuleVersion;
import io.jixiao.evaluation.settings.RuleVersions;
import io.jixiao.events.Money;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.AsOf;
import io.jixiao.support.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 绩效目标: declare or revise, approve, return with reasons, read with its version. */
@RestController
@RequestMapping("/api/evaluation/districts/{districtCode}/goals/{goalId}")
public class GoalController {
    private final CommandSender commands;
    private final GoalView view;
    private final RuleVersions rules;
    private final GoalOwners owners;
    private final Contacts contacts;

    public GoalController(CommandSender commands, GoalView view, RuleVersions rules, GoalOwners owners,
                          Contacts contacts) {
        this.commands = commands;
        this.view = view;
        this.rules = rules;
        this.owners = owners;
        this.contacts = contacts;
    }

    @PutMapping
    @Operation(summary = "Declare a goal (201), revise it before approval (200), or repeat it (200, no-op)")
    public ResponseEntity<GoalState> declare(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String goalId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DeclareGoalRequest body) {
        Optional<GoalView.GoalRecord> recorded = view.find(districtCode, goalId);
        recorded.ifPresent(existing -> Act.DECLARE_GOAL.require(districtCode, owners.unitOf(existing)));
        Act.DECLARE_GOAL.require(districtCode, owners.unitOf(districtCode, body.unitId(), body.projectId()));
        RuleVersion version = rules.current(districtCode);
        GoalResult result = commands.send(new DeclareGoal(Keys.goal(districtCode, goalId), districtCode, goalId,
                body.scope(), body.projectId(), body.unitId(), body.fiscalYear(), Money.yuanToFen(body.amount()),
                GoalRequests.rows(body.indicators()), body.budgetExecutionWeight(),
                body.declaredProjectSpending() == null ? null : Money.yuanToFen(body.declaredProjectSpending()),
                Boolean.TRUE.equals(body.complete()), body.revisionReason(), IfMatch.version(ifMatch),
                version.rules().weights(), version.id(), contacts.seal(districtCode, body.contacts(),
                        recorded.map(GoalView.GoalRecord::contacts).orElse(null))), districtCode);
        return state(districtCode, goalId, result.outcome() == Outcome.DECLARED ? HttpStatus.CREATED : HttpStatus.OK,
                result);
    }

    @GetMapping
    @Operation(summary = "The goal as recorded, with its version (ETag)")
    public ResponseEntity<GoalState> get(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String goalId) {
        return state(districtCode, goalId, HttpStatus.OK, null);
    }

    @PostMapping("/approval")
    @Operation(summary = "审核通过: approve a declared or revised goal")
    public ResponseEntity<GoalState> approve(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String goalId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) ApprovalRequest body) {
        Act.APPROVE_GOAL.require(districtCode);
        LocalDate on = body == null || body.approvedOn() == null ? LocalDate.now(AsOf.BUREAU_ZONE) : body.approvedOn();
        GoalResult result = commands.send(new ApproveGoal(Keys.goal(districtCode, goalId), on, IfMatch.version(ifMatch)),
                districtCode);
        return state(districtCode, goalId, result.recorded() ? HttpStatus.CREATED : HttpStatus.OK, result);
    }

    @PostMapping("/return")
    @Operation(summary = "退回: return a declared or revised goal to the unit with reasons")
    public ResponseEntity<GoalState> giveBack(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String goalId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ReturnRequest body) {
        Act.RETURN_GOAL.require(districtCode);
        GoalResult result = commands.send(new ReturnGoal(Keys.goal(districtCode, goalId), body.reasons(),
                IfMatch.version(ifMatch)), districtCode);
        return state(districtCode, goalId, result.recorded() ? HttpStatus.CREATED : HttpStatus.OK, result);
    }

    private ResponseEntity<GoalState> state(String districtCode, String goalId, HttpStatus status, GoalResult result) {
        GoalState state = view.find(districtCode, goalId)
                .map(g -> GoalState.of(g, rules.current(districtCode).rules().weights().total(),
                        contacts.show(districtCode, g.contacts())))
                .orElseThrow(() -> new NotFound("goalId", "no goal '" + goalId + "' in district " + districtCode));
        return Answers.of(status, state.version(), state, result == null ? null : result.outcome(),
                result != null && result.recorded());
    }
}
