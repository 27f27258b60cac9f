package io.jixiao.budget.project;

import io.jixiao.events.budget.FundingFigures;
import io.jixiao.budget.project.ProjectFundingView.ProjectFunding;
import io.jixiao.events.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import io.swagger.v3.oas.annotations.media.Schema;

/** Response bodies of the project API: money as yuan strings with two decimals. */
public final class ProjectResponses {
    private ProjectResponses() {
    }

    /** Money figures in yuan. budget = 全年预算数 = appropriated + carriedOver + adjusted. */
    public record Figures(String appropriated, String carriedOver, String adjusted, String budget, String spent,
                          String available) {
        static Figures of(FundingFigures f) {
            return new Figures(Money.yuan(f.appropriated()), Money.yuan(f.carriedOver()), Money.yuan(f.adjusted()),
                    Money.yuan(f.budget()), Money.yuan(f.spent()), Money.yuan(f.available()));
        }
    }

    public record ProjectState(String districtCode, String projectId, String unitId, String name, String category,
                               int fiscalYear, int projectCount, String previousProjectId, String appropriated,
                               String carriedOver, String adjusted, String budget, String spent, String available,
                               long version, Instant updatedAt) {
        static ProjectState of(ProjectFunding p) {
            Figures f = Figures.of(p.figures());
            return new ProjectState(p.districtCode(), p.projectId(), p.unitId(), p.name(), p.category(), p.fiscalYear(),
                    p.projectCount(), p.previousProjectId(), f.appropriated(), f.carriedOver(), f.adjusted(),
                    f.budget(), f.spent(), f.available(), p.version(), p.updatedAt());
        }
    }

    /** What a money command answers. */
    public record CommandResult(long sequence, boolean replayed, ProjectState project) {
    }

    /**
     * One event of a project's history: who, when (recorded), why (reason, basis, document, cause) and the
     * figures right after it. A reversal and its original name each other ({@code reverses}, {@code reversedBy}).
     */
    public record HistoryEntry(long sequence, String type, Instant occurredAt, LocalDate date,
                               @Schema(description = "who acted: the token's subject id, or system:<name>; absent for "
                                       + "a caller who may not read persons (DASHBOARD)")
                               String actor,
                               @Schema(description = "the actor's display name (the token's name), stored only "
                                       + "encrypted under the actor's data key and opened on read; 已删除 once the actor "
                                       + "was erased (加密删除); absent when the event recorded none or for a caller "
                                       + "who may not read persons", example = "张三")
                               String actorName,
                               String correlationId, String causationId, String requestId, String amount,
                               String basis, String reason, String docNo, String causeEventId,
                               @Schema(description = "the recorded event's own fields, as published")
                               Object event, Figures figuresAfter,
                               @Schema(description = "红字冲销: the sequence of the entry this one reverses")
                               Long reverses,
                               @Schema(description = "the sequence of the reversal of this entry, if it was reversed")
                               Long reversedBy) {
        HistoryEntry reversedBy(long sequence) {
            return new HistoryEntry(this.sequence, type, occurredAt, date, actor, actorName, correlationId, causationId,
                    requestId,
                    amount, basis, reason, docNo, causeEventId, event, figuresAfter, reverses, sequence);
        }
    }

    /**
     * @param asOf      events recorded up to this instant
     * @param on        when given: only money whose business date is on or before this day
     * @param stateAsOf the figures after the last listed event
     */
    public record History(String districtCode, String projectId, Instant asOf, LocalDate on, int eventCount,
                          Figures stateAsOf, Long versionAsOf, List<HistoryEntry> events) {
    }
}
