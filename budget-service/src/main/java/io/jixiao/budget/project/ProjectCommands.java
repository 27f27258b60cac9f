package io.jixiao.budget.project;

import io.jixiao.budget.common.Ids;
import io.jixiao.budget.common.CommandLine;
import io.jixiao.budget.common.LineOutcome;
import io.jixiao.support.domain.CanonicalForm;
import java.util.List;

import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The commands of the {@link Project} aggregate. {@code expectedVersion} comes from {@code If-Match}; the client's
 * idempotency key (or an import line's id) travels as {@link io.jixiao.support.domain.RequestKey} metadata.
 */
public final class ProjectCommands {
    private ProjectCommands() {
    }

    /**
     * @param previousProjectId optional: the project of an earlier fiscal year this one continues; evaluation
     *                          results of that project are applied to this one
     */
    public record RegisterProject(@TargetAggregateIdentifier String projectKey, String districtCode, String projectId,
                                  String unitId, String name, ProjectCategory category, int fiscalYear,
                                  int projectCount, String previousProjectId) {
    }

    public record AppropriateBudget(@TargetAggregateIdentifier String projectKey, long amountFen, FundSource fundSource,
                                    String docNo, LocalDate date, @TargetAggregateVersion Long expectedVersion)
            implements CanonicalForm {
        @Override
        public String canonicalForm() {
            return withRetiredRequestId(this, "date");
        }
    }

    /**
     * @param causeEventId for basis EVALUATION_RESULT: the EvaluationResultApplied event; for MONITORING_DECISION: the
     *                     MonitoringDecisionRecorded event; applied at most once
     */
    public record AdjustBudget(@TargetAggregateIdentifier String projectKey, long amountFen, AdjustmentBasis basis,
                               String reason, String docNo, LocalDate date, String causeEventId,
                               @TargetAggregateVersion Long expectedVersion) implements CanonicalForm {
        @Override
        public String canonicalForm() {
            return withRetiredRequestId(this, "causeEventId");
        }
    }

    public record CarryOverFunds(@TargetAggregateIdentifier String projectKey, long amountFen, int fromYear,
                                 LocalDate date, @TargetAggregateVersion Long expectedVersion) implements CanonicalForm {
        @Override
        public String canonicalForm() {
            return withRetiredRequestId(this, "date");
        }
    }

    public record RecordExpenditure(@TargetAggregateIdentifier String projectKey, long amountFen, LocalDate date,
                                    @TargetAggregateVersion Long expectedVersion) implements CanonicalForm {
        @Override
        public String canonicalForm() {
            return withRetiredRequestId(this, "date");
        }
    }

    /**
     * 暂缓支付 ({@code suspend} true) or 恢复支付 (false) of the project's payments, caused by the
     * {@code MonitoringDecisionRecorded} {@code causeEventId}; applied at most once per cause.
     */
    public record SetPaymentsSuspended(@TargetAggregateIdentifier String projectKey, boolean suspend, String decisionId,
                                       String reason, LocalDate date, String causeEventId) {
    }

    /** 红字冲销 of the money entry recorded at {@code originalSequence}, with why it was wrong. */
    public record ReverseEntry(@TargetAggregateIdentifier String projectKey, long originalSequence, String reason,
                               LocalDate date, @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * The four money commands once carried a {@code requestId} (always null: the idempotency key travels as
     * {@link io.jixiao.support.domain.RequestKey} metadata). Fingerprints of requests applied before it was removed
     * were taken over a form holding {@code requestId=null}; keeping that form lets a retry of such a request
     * still be recognised as one.
     */
    private static String withRetiredRequestId(Record command, String after) {
        return CanonicalForm.components(command, after, "requestId=null");
    }

    /**
     * Lines of one bulk import for one project, in file order, recorded in one unit of work (one load, one
     * transaction): its registration ({@link RegisterProject}) and its money lines ({@link AppropriateBudget},
     * {@link AdjustBudget}, {@link CarryOverFunds}, {@link RecordExpenditure} without expected version). Each line is
     * checked and recorded on its own, so a refused line records nothing and the next line still goes; the answer
     * is one {@link LineOutcome} per line, in order.
     */
    public record RecordProjectLines(@TargetAggregateIdentifier String projectKey, List<CommandLine> lines) {
        public RecordProjectLines {
            lines = List.copyOf(lines);
            for (CommandLine line : lines) {
                Object c = line.command();
                if (!(c instanceof RegisterProject || c instanceof AppropriateBudget || c instanceof AdjustBudget
                        || c instanceof CarryOverFunds || c instanceof RecordExpenditure)) {
                    throw new IllegalArgumentException("not a registration or money command of a project: " + c);
                }
            }
        }
    }

    /** The aggregate id of a project: ids are unique within a district (and never contain ':'). */
    public static String projectKey(String districtCode, String projectId) {
        return Ids.aggregateKey(Ids.PROJECT, districtCode, projectId);
    }
}
