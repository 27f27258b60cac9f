package io.jixiao.evaluation.assessment;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.events.evaluation.ReturnReason;
import io.jixiao.events.evaluation.ScoredIndicator;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RuleViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * FINANCE's review of a self-evaluation (docs/rules.md, 自评审核) as small pure rules: a submitted one is accepted or
 * returned with a reason per indicator; a returned one is revised and resubmitted by its unit; an accepted one is
 * final, may be spot-checked once, and its accepted score grades it and its result application.
 */
public final class SelfEvaluationReview {
    private SelfEvaluationReview() {
    }

    /** Where a self-evaluation stands in its review. */
    public enum Status { SUBMITTED, RETURNED, ACCEPTED }

    /** Accepting or returning needs a submission that waits for review. */
    public static void requireAwaitingReview(Status status, String evaluationId) {
        if (status == null) {
            throw new RuleViolation("SELF_EVALUATION_NOT_SUBMITTED", "evaluationId", "self-evaluation '" + evaluationId
                    + "' has not been submitted; only a submitted self-evaluation is reviewed");
        }
        if (status == Status.ACCEPTED) {
            throw new Conflict("SELF_EVALUATION_ALREADY_ACCEPTED", "self-evaluation '" + evaluationId
                    + "' was accepted; an accepted self-evaluation is final");
        }
        if (status == Status.RETURNED) {
            throw new RuleViolation("SELF_EVALUATION_RETURNED", "evaluationId", "self-evaluation '" + evaluationId
                    + "' was returned to its unit; it is reviewed again once the unit resubmits it");
        }
    }

    /** The unit revises a submitted or returned self-evaluation; an accepted one is final. */
    public static void requireRevisable(Status status, String evaluationId) {
        if (status == Status.ACCEPTED) {
            throw new Conflict("SELF_EVALUATION_ALREADY_ACCEPTED", "self-evaluation '" + evaluationId
                    + "' was accepted; an accepted self-evaluation is final");
        }
    }

    /** A spot-check re-scores an accepted self-evaluation. */
    public static void requireAccepted(Status status, String evaluationId) {
        if (status != Status.ACCEPTED) {
            throw new RuleViolation("SELF_EVALUATION_NOT_ACCEPTED", "evaluationId", "self-evaluation '" + evaluationId
                    + "' is " + (status == null ? "not submitted" : status.name().toLowerCase(java.util.Locale.ROOT))
                    + "; FINANCE spot-checks an accepted self-evaluation");
        }
    }

    /**
     * 结果应用 of a self-evaluation uses its accepted score: refused while it is returned, and while it waits for
     * review where the district applies accepted self-evaluations only.
     */
    public static void requireApplicable(Status status, boolean acceptedOnly, String evaluationId) {
        if (status == Status.RETURNED) {
            throw new RuleViolation("SELF_EVALUATION_RETURNED", "evaluationId", "self-evaluation '" + evaluationId
                    + "' was returned to its unit; its result is applied once it is resubmitted and accepted");
        }
        if (acceptedOnly && status != Status.ACCEPTED) {
            throw new RuleViolation("SELF_EVALUATION_NOT_ACCEPTED", "evaluationId", "self-evaluation '" + evaluationId
                    + "' has not been accepted; this district applies the results of accepted self-evaluations only");
        }
    }

    /**
     * The reasons of a return, trimmed: at least one; each names a row of the submitted table (a level-3
     * indicator, or 预算执行率) once, with a reason.
     */
    public static List<ReturnReason> reasons(List<ReturnReason> given, SelfEvaluationSubmitted self) {
        InvalidInput.Collector problems = new InvalidInput.Collector("RETURN_REASONS_INVALID");
        Set<String> rows = self.indicators().stream().map(ScoredIndicator::l3).collect(Collectors.toSet());
        List<ReturnReason> reasons = new ArrayList<>();
        if (given == null || given.isEmpty()) {
            problems.add("reasons", "a return names at least one indicator and why it must be revised");
        } else {
            for (int i = 0; i < given.size(); i++) {
                ReturnReason r = given.get(i);
                String l3 = r == null || r.l3() == null ? "" : r.l3().trim();
                String why = r == null || r.reason() == null ? "" : r.reason().trim();
                if (!rows.contains(l3) && !ReturnReason.BUDGET_EXECUTION.equals(l3)) {
                    problems.add("reasons[" + i + "].l3", "'" + l3 + "' is no row of this self-evaluation (its "
                            + "level-3 indicators or " + ReturnReason.BUDGET_EXECUTION + ")");
                } else if (reasons.stream().anyMatch(x -> x.l3().equals(l3))) {
                    problems.add("reasons[" + i + "].l3", "'" + l3 + "' is named twice");
                }
                if (why.isEmpty()) {
                    problems.add("reasons[" + i + "].reason", "says what the unit must revise");
                }
                reasons.add(new ReturnReason(l3, why));
            }
        }
        problems.throwIfAny();
        return List.copyOf(reasons);
    }

    /** FINANCE's score − the accepted score. */
    public static BigDecimal difference(BigDecimal financeScore, BigDecimal acceptedScore) {
        return financeScore.subtract(acceptedScore);
    }
}
