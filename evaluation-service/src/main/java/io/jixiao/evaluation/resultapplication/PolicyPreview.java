package io.jixiao.evaluation.resultapplication;

import io.jixiao.evaluation.assessment.ResultApplicationPolicy;
import io.jixiao.evaluation.assessment.SelfEvaluationReview;
import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.events.evaluation.EvaluationKind;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ResultMeasure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 结果应用预演 as a pure function: a district year's graded evaluations, a candidate policy and the policy in force
 * → for every subject project the measure, ratio and next-year budget change under each, per-unit subtotals,
 * district totals, the differences, and a fingerprint of every figure shown. The decision per evaluation is the
 * one {@code Evaluation}'s {@code ApplyResult} handler takes ({@link ResultApplicationPolicy}, the review rules of
 * {@link SelfEvaluationReview}, a cut needs a known budget), so applying the candidate records exactly the changes
 * previewed (decision 0033).
 */
public final class PolicyPreview {
    /** A result already applied is kept: it is shown, never applied again (decision 0033). */
    public static final String ALREADY_APPLIED = "RESULT_ALREADY_APPLIED";
    public static final String RETURNED = "SELF_EVALUATION_RETURNED";
    public static final String NOT_ACCEPTED = "SELF_EVALUATION_NOT_ACCEPTED";
    public static final String BUDGET_NOT_YET_KNOWN = "BUDGET_NOT_YET_KNOWN";

    private PolicyPreview() {
    }

    /** What graded the evaluation: a self-evaluation's accepted score, its submitted one, or a key evaluation's. */
    public enum GradeBasis { ACCEPTED, SUBMITTED, KEY_EVALUATION }

    /** One subject project of an evaluation: its unit and current full-year budget (null: not arrived yet). */
    public record Subject(String projectId, String unitId, Long budgetFen) {
    }

    /** A result as applied before: the change recorded and the rule version it was applied under. */
    public record Applied(String projectId, ResultMeasure measure, long changeFen, String ruleVersion) {
    }

    /** A graded evaluation of the year with its subject projects. */
    public record Graded(String evaluationId, EvaluationKind kind, Grade grade, GradeBasis basis,
                         SelfEvaluationReview.Status review, List<Subject> subjects, List<Applied> applied) {
        public Graded {
            subjects = List.copyOf(subjects);
            applied = List.copyOf(applied);
        }
    }

    /**
     * Under one policy: whether the result would be recorded now ({@code included}), else the rule that keeps it out;
     * the measure, ratio and change ({@code changeFen} null when the budget a cut needs is not known).
     */
    public record Outcome(boolean included, String excludedBy, ResultMeasure measure, BigDecimal ratio,
                          Long changeFen) {
        long countedFen() {
            return included ? changeFen : 0;
        }
    }

    /** One project of one evaluation. {@code differenceFen} = candidate − in force, of what each would record. */
    public record Line(String evaluationId, EvaluationKind kind, String projectId, String unitId, Grade grade,
                       GradeBasis basis, Long budgetFen, Applied applied, Outcome candidate, Outcome inForce,
                       long differenceFen) {
    }

    /** Sums of the lines of a unit (or of the district, {@code unitId} null). */
    public record Totals(String unitId, int projects, int included, long candidateFen, long inForceFen,
                         long differenceFen, long alreadyAppliedFen) {
    }

    /** What applying the candidate records for one evaluation: the budgets its changes are taken from. */
    public record Planned(String evaluationId, Map<String, Long> budgetsFen, Map<String, Long> changesFen) {
        public Planned {
            budgetsFen = Map.copyOf(budgetsFen);
            changesFen = Map.copyOf(changesFen);
        }

        public long changeFen() {
            return changesFen.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public record Preview(String districtCode, int year, int targetFiscalYear, String inForceVersion,
                          List<Line> lines, List<Totals> units, Totals district, List<Planned> plan,
                          String fingerprint) {
    }

    /**
     * @param policyForm the candidate's canonical settings form (part of the fingerprint: what is applied is the
     *                   policy that was previewed)
     */
    public static Preview of(String districtCode, int year, List<Graded> evaluations, ResultApplicationRules candidate,
                             String policyForm, ResultApplicationRules inForce, String inForceVersion) {
        List<Line> lines = new ArrayList<>();
        List<Planned> plan = new ArrayList<>();
        for (Graded e : evaluations) {
            if (e.grade() == null || e.subjects().isEmpty()) {
                continue;  // not graded yet, or a unit's overall spending: no project budget to change
            }
            Outcome[] underCandidate = outcomes(e, candidate);
            Outcome[] underInForce = outcomes(e, inForce);
            Map<String, Long> budgets = new LinkedHashMap<>();
            Map<String, Long> changes = new LinkedHashMap<>();
            for (int i = 0; i < e.subjects().size(); i++) {
                Subject s = e.subjects().get(i);
                Applied applied = e.applied().stream().filter(a -> a.projectId().equals(s.projectId())).findFirst()
                        .orElse(null);
                Outcome c = underCandidate[i];
                Outcome f = underInForce[i];
                lines.add(new Line(e.evaluationId(), e.kind(), s.projectId(), s.unitId(), e.grade(), e.basis(),
                        s.budgetFen(), applied, c, f, c.countedFen() - f.countedFen()));
                if (c.included()) {
                    if (s.budgetFen() != null) {
                        budgets.put(s.projectId(), s.budgetFen());
                    }
                    changes.put(s.projectId(), c.changeFen());
                }
            }
            if (!changes.isEmpty()) {
                plan.add(new Planned(e.evaluationId(), budgets, changes));
            }
        }
        lines.sort(Comparator.comparing(Line::unitId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Line::projectId).thenComparing(Line::evaluationId));
        Map<String, List<Line>> byUnit = new LinkedHashMap<>();
        lines.forEach(l -> byUnit.computeIfAbsent(l.unitId(), u -> new ArrayList<>()).add(l));
        List<Totals> units = new ArrayList<>();
        byUnit.forEach((unit, ls) -> units.add(totals(unit, ls)));
        return new Preview(districtCode, year, year + 1, inForceVersion, List.copyOf(lines), List.copyOf(units),
                totals(null, lines), List.copyOf(plan),
                fingerprint(districtCode, year, policyForm, inForceVersion, lines));
    }

    /** The outcome per subject, decided per evaluation as the aggregate decides it (one refusal covers all). */
    private static Outcome[] outcomes(Graded e, ResultApplicationRules rules) {
        Outcome[] out = new Outcome[e.subjects().size()];
        String excludedBy = null;
        if (!e.applied().isEmpty()) {
            excludedBy = ALREADY_APPLIED;
        } else if (e.kind() == EvaluationKind.SELF && e.review() == SelfEvaluationReview.Status.RETURNED) {
            excludedBy = RETURNED;
        } else if (e.kind() == EvaluationKind.SELF && rules.acceptedSelfEvaluationsOnly()
                && e.review() != SelfEvaluationReview.Status.ACCEPTED) {
            excludedBy = NOT_ACCEPTED;
        }
        ResultApplicationPolicy.Decision decision = ResultApplicationPolicy.decide(e.grade(), rules);
        if (excludedBy == null && decision.cuts()
                && e.subjects().stream().anyMatch(s -> s.budgetFen() == null || s.budgetFen() <= 0)) {
            excludedBy = BUDGET_NOT_YET_KNOWN;
        }
        for (int i = 0; i < out.length; i++) {
            Long budget = e.subjects().get(i).budgetFen();
            Long change = null;
            if (!decision.cuts()) {
                change = 0L;
            } else if (budget != null && budget > 0) {
                change = decision.budgetChangeFen(budget);
            }
            out[i] = new Outcome(excludedBy == null, excludedBy, decision.measure(), decision.ratio(), change);
        }
        return out;
    }

    private static Totals totals(String unitId, List<Line> lines) {
        long candidate = 0;
        long inForce = 0;
        long applied = 0;
        int included = 0;
        for (Line l : lines) {
            candidate += l.candidate().countedFen();
            inForce += l.inForce().countedFen();
            applied += l.applied() == null ? 0 : l.applied().changeFen();
            included += l.candidate().included() ? 1 : 0;
        }
        return new Totals(unitId, lines.size(), included, candidate, inForce, candidate - inForce, applied);
    }

    /** A digest of every figure the preview shows and the policy it was taken under. */
    static String fingerprint(String districtCode, int year, String policyForm, String inForceVersion,
                              List<Line> lines) {
        StringBuilder form = new StringBuilder().append(districtCode).append('|').append(year).append('|')
                .append(policyForm).append('|').append(inForceVersion);
        for (Line l : lines) {
            form.append('\n').append(String.join("|", l.evaluationId(), l.projectId(), Objects.toString(l.unitId()),
                    l.grade().name(), l.basis().name(), Objects.toString(l.budgetFen()),
                    l.applied() == null ? "-" : l.applied().changeFen() + "@" + l.applied().ruleVersion(),
                    outcome(l.candidate()), outcome(l.inForce())));
        }
        return digest(form.toString());
    }

    /** SHA-256 of the text, its first 128 bits in hex. */
    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String outcome(Outcome o) {
        return o.included() + "/" + o.excludedBy() + "/" + o.measure().name() + "/"
                + o.ratio().stripTrailingZeros().toPlainString() + "/" + o.changeFen();
    }
}
