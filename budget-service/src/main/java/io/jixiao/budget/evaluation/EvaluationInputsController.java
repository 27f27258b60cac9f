package io.jixiao.budget.evaluation;

import io.jixiao.support.web.District;
import io.jixiao.budget.common.Ids;
import io.jixiao.budget.evaluation.ApprovedGoals.ApprovedGoal;
import io.jixiao.budget.evaluation.ResultApplication.Row;
import io.jixiao.events.Money;
import io.jixiao.support.web.Paging.Page;
import io.jixiao.support.web.Paging.PageRequest;
import io.jixiao.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What budget-service learned from evaluation.events: approved goals, and the evaluation results it applied. */
@RestController
@Tag(name = "evaluation", description = "approved goals and evaluation results as budget-service knows them")
@RequestMapping("/api/budget/districts/{districtCode}")
public class EvaluationInputsController {
    private final ApprovedGoals goals;
    private final ResultApplication results;
    private final MonitoringDecisionApplication decisions;

    public EvaluationInputsController(ApprovedGoals goals, ResultApplication results,
                                      MonitoringDecisionApplication decisions) {
        this.goals = goals;
        this.results = results;
        this.decisions = decisions;
    }

    public record GoalLine(String goalId, String scope, String projectId, String unitId, int fiscalYear, String amount,
                           LocalDate approvedOn, String eventId) {
    }

    /**
     * @param status APPLIED, PENDING (waiting for next year's project or budget; detail says why), NO_CHANGE,
     *               NO_PROJECT
     */
    public record ResultLine(String eventId, String evaluationId, String projectId, int targetFiscalYear, String grade,
                             String measure, String changeRatio, String amount, String status, String targetProjectId,
                             Long adjustmentSequence, String detail, Instant receivedAt, Instant updatedAt) {
        static ResultLine of(Row r) {
            return new ResultLine(r.eventId(), r.evaluationId(), r.projectId(), r.targetFiscalYear(), r.grade(),
                    r.measure(), r.changeRatio(), Money.yuan(r.amountFen()), r.status(), r.targetProjectId(),
                    r.adjustmentSequence(), r.detail(), r.receivedAt(), r.updatedAt());
        }
    }

    public record RetryResult(int applied, List<ResultLine> results) {
    }

    @GetMapping("/approved-goals")
    @Operation(summary = "Approved performance goals learned from evaluation.events, by goal id, a page at a time "
            + "(Link rel=\"next\")")
    public ResponseEntity<List<GoalLine>> approvedGoals(
            @PathVariable @District String districtCode,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.AFTER_DOC + " (a goal id)") @RequestParam(required = false) String after) {
        PageRequest page = Paging.request(limit, after);
        Page<GoalLine> shown = Paging.slice(goals.all(districtCode).stream().map((ApprovedGoal g) -> new GoalLine(
                g.goalId(), g.scope(), g.projectId(), g.unitId(), g.fiscalYear(), Money.yuan(g.amountFen()),
                g.approvedOn(), g.eventId())).toList(), page, GoalLine::goalId);
        return ResponseEntity.ok().headers(Paging.headers(shown, page)).body(shown.items());
    }

    @GetMapping("/result-applications")
    @Operation(summary = "Evaluation results received and what became of each (applied to which project, or pending "
            + "why), in the order received, a page at a time (Link rel=\"next\")")
    public ResponseEntity<List<ResultLine>> resultApplications(
            @PathVariable @District String districtCode,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.AFTER_DOC + " (a result's event id)") @RequestParam(required = false)
            String after) {
        PageRequest page = Paging.request(limit, after);
        Page<ResultLine> shown = Paging.slice(results.all(districtCode).stream().map(ResultLine::of).toList(), page,
                ResultLine::eventId);
        return ResponseEntity.ok().headers(Paging.headers(shown, page)).body(shown.items());
    }

    @PostMapping("/result-applications/retry")
    @Operation(summary = "Try the district's pending evaluation results and monitoring decisions again now; "
            + "answers how many were applied and the results")
    public RetryResult retry(
            @PathVariable @District String districtCode) {
        int applied = results.retryPending(districtCode) + decisions.retryPending(districtCode);
        return new RetryResult(applied, results.all(districtCode).stream().map(ResultLine::of).toList());
    }
}
