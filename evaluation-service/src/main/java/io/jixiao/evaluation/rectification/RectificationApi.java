package io.jixiao.evaluation.rectification;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.RecordId;
import io.jixiao.evaluation.rectification.RectificationView.ItemRecord;
import io.jixiao.events.evaluation.RectificationSource;
import io.jixiao.events.evaluation.RectificationSourceKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of the rectification (整改) API. Dates are days of the bureau's calendar. */
public final class RectificationApi {
    private RectificationApi() {
    }

    // ------------------------------------------------------------------ requests

    @Schema(description = "整改: FINANCE opens an item for a problem, with the unit that rectifies it, the measures "
            + "and the deadline")
    public record OpenRequest(
            @NotNull @Valid SourceRow source,
            @NotBlank @RecordId @Schema(description = "the unit that rectifies the problem") String ownerUnitId,
            @NotBlank @Size(max = 4000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE)
            @Schema(description = "整改措施 (may span lines: \\n)") String measures,
            @NotNull @Schema(description = "整改期限: the last day (Asia/Shanghai); overdue from the next day's start")
            LocalDate deadline,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate openedOn) {
    }

    @Schema(description = "The problem: KEY_EVALUATION (evaluationId, findingIndex), MONITORING (goalId, "
            + "deviationId) or DISCLOSURE (findingId, year, problem)")
    public record SourceRow(
            @NotNull @Schema(description = "KEY_EVALUATION | MONITORING | DISCLOSURE") RectificationSourceKind kind,
            @RecordId @Schema(description = "KEY_EVALUATION: the completed key evaluation") String evaluationId,
            @Min(0) @Max(99) @Schema(description = "KEY_EVALUATION: the finding's position in its findings, from 0")
            Integer findingIndex,
            @RecordId @Schema(description = "MONITORING: the monitored goal") String goalId,
            @Pattern(regexp = Keys.LONG_ID, message = "must match " + Keys.LONG_ID)
            @Schema(description = "MONITORING: the deviation the goal's monitoring flagged") String deviationId,
            @Size(max = 300) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
            @Schema(description = "DISCLOSURE: the finding as disclosure-service's findings list names it")
            String findingId,
            @Min(2000) @Max(2100) @Schema(description = "the year whose report lists the item; DISCLOSURE: required; "
                    + "otherwise the key evaluation's year or the goal's fiscal year when omitted") Integer year,
            @Size(max = 2000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE)
            @Schema(description = "DISCLOSURE: the finding's text (required); otherwise taken from the record")
            String problem) {
    }

    @Schema(description = "整改进展: what the owner unit has done so far, with evidence")
    public record ProgressRequest(
            @NotBlank @Size(max = 4000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE)
            String progress,
            @Size(max = 50) @Schema(description = "佐证材料: one line each (a document number, a file's name)")
            List<@NotBlank @Size(max = 500) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE) String> evidence,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate recordedOn) {
    }

    @Schema(description = "整改完成: the owner unit reports the item done, with at least one piece of evidence")
    public record CompletionRequest(
            @NotBlank @Size(max = 4000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE)
            String summary,
            @NotNull @Size(min = 1, max = 50)
            List<@NotBlank @Size(max = 500) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE) String> evidence,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate doneOn) {
    }

    @Schema(description = "销号: FINANCE accepts the reported rectification")
    public record SignOffRequest(
            @Size(max = 2000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE) String note,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate signedOn) {
    }

    @Schema(description = "退回: FINANCE returns the reported rectification to its unit with a reason")
    public record ReturnRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = Keys.MULTILINE_TEXT, message = Keys.MULTILINE_TEXT_MESSAGE)
            String reason,
            @Schema(description = "today (Asia/Shanghai) when omitted") LocalDate returnedOn) {
    }

    // ------------------------------------------------------------------ responses

    /** One act of the item's history: the stored event with who did it and why. */
    public record HistoryEntry(long sequence, String type, Instant at, String status, String actor,
                               @io.swagger.v3.oas.annotations.media.Schema(description = "the actor's display name "
                                       + "(the token's name), stored only encrypted under the actor's data key and "
                                       + "opened on read; 已删除 once the actor was erased (加密删除); absent when the "
                                       + "event recorded none", example = "张三")
                               String actorName,
                               String correlationId, String causationId, String requestId, String cause,
                               Object event) {
    }

    /**
     * An item. {@code status}: OPEN, IN_PROGRESS, OVERDUE, DONE, SIGNED_OFF ({@code statusLabel}: 待整改, 整改中, 逾期,
     * 已完成, 已销号); {@code overdueAt}: when it became overdue (it stays set after a late completion);
     * {@code late}: reported done after its deadline. {@code history}: one item's acts (absent from lists).
     */
    public record ItemState(String districtCode, String rectificationId, int year, String ownerUnitId,
                            RectificationSource source, String measures, LocalDate deadline, Instant dueAt,
                            LocalDate openedOn, String status, String statusLabel, Instant overdueAt,
                            LocalDate doneOn, boolean late, LocalDate signedOffOn, long version, Instant updatedAt,
                            List<HistoryEntry> history) {
        static ItemState of(ItemRecord r, List<HistoryEntry> history) {
            return new ItemState(r.districtCode(), r.rectificationId(), r.year(), r.ownerUnitId(), r.source(),
                    r.measures(), r.deadline(), r.dueAt(), r.openedOn(), r.status().name(), r.status().label(),
                    r.overdueAt(), r.doneOn(), r.late(), r.signedOffOn(), r.version(), r.updatedAt(), history);
        }
    }
}
