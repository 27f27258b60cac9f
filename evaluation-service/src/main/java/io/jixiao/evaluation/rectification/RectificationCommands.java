package io.jixiao.evaluation.rectification;

import io.jixiao.events.evaluation.RectificationSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands of the {@link Rectification} aggregate. Dates a client leaves out are today in the bureau's calendar, set
 * by the controller; an {@code Idempotency-Key}'s fingerprint is taken over the components as sent.
 */
public final class RectificationCommands {
    private RectificationCommands() {
    }

    /**
     * FINANCE opens an item for {@code source}, resolved by the service from what it has recorded (the key
     * evaluation's finding, the monitoring deviation) or as FINANCE names it (a disclosure finding).
     */
    public record OpenRectification(@TargetAggregateIdentifier String rectificationKey, String districtCode,
                                    String rectificationId, int year, String ownerUnitId, RectificationSource source,
                                    String measures, LocalDate deadline, LocalDate openedOn) {
    }

    /** The owner unit records what it has done so far (整改进展), with evidence. */
    public record RecordProgress(@TargetAggregateIdentifier String rectificationKey, String progress,
                                 List<String> evidence, LocalDate recordedOn) {
        public RecordProgress {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** The owner unit reports the item done (整改完成), with evidence. */
    public record ReportDone(@TargetAggregateIdentifier String rectificationKey, String summary, List<String> evidence,
                             LocalDate doneOn) {
        public ReportDone {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** FINANCE accepts the reported rectification (销号). */
    public record SignOff(@TargetAggregateIdentifier String rectificationKey, String note, LocalDate signedOn) {
    }

    /** FINANCE returns the reported rectification to its unit with a reason. */
    public record ReturnRectification(@TargetAggregateIdentifier String rectificationKey, String reason,
                                      LocalDate returnedOn) {
    }

    /**
     * The service marks the item overdue once its deadline has passed ({@code now}: the sweeper's clock); a no-op
     * when it is overdue already or was done in time.
     */
    public record MarkOverdue(@TargetAggregateIdentifier String rectificationKey, Instant now) {
    }

    /** What a rectification command did. */
    public enum Outcome { OPENED, PROGRESSED, COMPLETED, SIGNED_OFF, RETURNED, OVERDUE, UNCHANGED }

    /** {@code recorded}: whether an event was recorded (false: a repeat, answered from what is recorded). */
    public record RectificationResult(Outcome outcome, boolean recorded) {
    }
}
