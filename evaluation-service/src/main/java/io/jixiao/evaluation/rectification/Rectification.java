package io.jixiao.evaluation.rectification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.rectification.RectificationCommands.MarkOverdue;
import io.jixiao.evaluation.rectification.RectificationCommands.OpenRectification;
import io.jixiao.evaluation.rectification.RectificationCommands.Outcome;
import io.jixiao.evaluation.rectification.RectificationCommands.RecordProgress;
import io.jixiao.evaluation.rectification.RectificationCommands.RectificationResult;
import io.jixiao.evaluation.rectification.RectificationCommands.ReportDone;
import io.jixiao.evaluation.rectification.RectificationCommands.ReturnRectification;
import io.jixiao.evaluation.rectification.RectificationCommands.SignOff;
import io.jixiao.events.BureauTime;
import io.jixiao.events.evaluation.RectificationCompleted;
import io.jixiao.events.evaluation.RectificationOpened;
import io.jixiao.events.evaluation.RectificationOverdue;
import io.jixiao.events.evaluation.RectificationProgressed;
import io.jixiao.events.evaluation.RectificationReturned;
import io.jixiao.events.evaluation.RectificationSignedOff;
import io.jixiao.events.evaluation.RectificationSource;
import io.jixiao.events.evaluation.RectificationStatus;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RequestKey;
import io.jixiao.support.domain.RequestLedger;
import io.jixiao.support.domain.RuleViolation;
import io.jixiao.support.domain.SnapshotState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One rectification (整改) item: opened by the finance bureau for a problem with an owner unit, measures and a
 * deadline; the owner unit records progress and reports it done; the bureau signs it off (销号) or returns it. When the
 * deadline passes with the item not done it becomes overdue (逾期), once: an item done late keeps its overdue event
 * and its completion says it was late. Command handlers validate and {@code apply}; event-sourcing handlers only
 * assign. Rules: docs/rules.md, 整改.
 */
@Aggregate
@SnapshotState
public class Rectification {
    @AggregateIdentifier
    private String rectificationKey;
    private String districtCode;
    private String rectificationId;
    private int year;
    private String ownerUnitId;
    private RectificationSource source;
    private LocalDate deadline;
    private Instant dueAt;
    private LocalDate openedOn;
    private RectificationStatus status;
    private boolean overdue;
    private LocalDate doneOn;
    private boolean late;
    private RectificationOpened opened;
    private RequestLedger requests = new RequestLedger();

    protected Rectification() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RectificationResult handle(OpenRectification command) {
        InvalidInput.Collector problems = new InvalidInput.Collector("RECTIFICATION_INVALID");
        if (blank(command.measures())) {
            problems.add("measures", "say what the unit is to do (整改措施)");
        }
        if (blank(command.ownerUnitId())) {
            problems.add("ownerUnitId", "name the unit that rectifies the problem");
        }
        if (command.deadline().isBefore(command.openedOn())) {
            problems.add("deadline", "the deadline " + command.deadline() + " is before the item is opened ("
                    + command.openedOn() + ")");
        }
        problems.throwIfAny();
        RectificationOpened event = new RectificationOpened(command.districtCode(), command.rectificationId(),
                command.year(), command.ownerUnitId(), command.source(), command.measures().trim(), command.deadline(),
                BureauTime.after(command.deadline()), command.openedOn(), RectificationStatus.OPEN);
        if (opened != null) {
            if (opened.equals(event)) {
                return unchanged();
            }
            throw new Conflict("RECTIFICATION_ID_TAKEN", "rectification '" + command.rectificationId()
                    + "' was opened on " + opened.openedOn() + " with other details");
        }
        apply(event);
        return new RectificationResult(Outcome.OPENED, true);
    }

    @CommandHandler
    public RectificationResult handle(RecordProgress command, RequestKey request) {
        return unlessReplay(request, Outcome.PROGRESSED, () -> {
            requireUnfinished("progress");
            InvalidInput.Collector problems = new InvalidInput.Collector("RECTIFICATION_INVALID");
            if (blank(command.progress())) {
                problems.add("progress", "say what has been done so far");
            }
            notBeforeOpening(command.recordedOn(), "recordedOn", problems);
            problems.throwIfAny();
            apply(new RectificationProgressed(districtCode, rectificationId, year, ownerUnitId, source.kind(),
                    deadline, command.progress().trim(), command.evidence(), command.recordedOn(),
                    overdue ? RectificationStatus.OVERDUE : RectificationStatus.IN_PROGRESS));
            return Outcome.PROGRESSED;
        });
    }

    @CommandHandler
    public RectificationResult handle(ReportDone command, RequestKey request) {
        return unlessReplay(request, Outcome.COMPLETED, () -> {
            requireUnfinished("completion");
            InvalidInput.Collector problems = new InvalidInput.Collector("RECTIFICATION_INVALID");
            if (blank(command.summary())) {
                problems.add("summary", "say what was done (整改情况)");
            }
            if (command.evidence().isEmpty()) {
                problems.add("evidence", "a rectification is reported done with its evidence (佐证材料)");
            }
            notBeforeOpening(command.doneOn(), "doneOn", problems);
            problems.throwIfAny();
            if (overdue && !command.doneOn().isAfter(deadline)) {
                throw new RuleViolation("DONE_AFTER_OVERDUE", "doneOn", "rectification '" + rectificationId
                        + "' was recorded overdue: it was not done by its deadline " + deadline + ", so it cannot be "
                        + "reported done on " + command.doneOn());
            }
            boolean isLate = overdue || command.doneOn().isAfter(deadline);
            apply(new RectificationCompleted(districtCode, rectificationId, year, ownerUnitId, source.kind(), deadline,
                    command.summary().trim(), command.evidence(), command.doneOn(), isLate, RectificationStatus.DONE));
            return Outcome.COMPLETED;
        });
    }

    @CommandHandler
    public RectificationResult handle(SignOff command, RequestKey request) {
        return unlessReplay(request, Outcome.SIGNED_OFF, () -> {
            requireDone("signedOn", "signed off");
            notBeforeDone(command.signedOn(), "signedOn");
            apply(new RectificationSignedOff(districtCode, rectificationId, year, ownerUnitId, source.kind(), deadline,
                    doneOn, late, blank(command.note()) ? null : command.note().trim(), command.signedOn(),
                    RectificationStatus.SIGNED_OFF));
            return Outcome.SIGNED_OFF;
        });
    }

    @CommandHandler
    public RectificationResult handle(ReturnRectification command, RequestKey request) {
        return unlessReplay(request, Outcome.RETURNED, () -> {
            requireDone("returnedOn", "returned");
            if (blank(command.reason())) {
                throw InvalidInput.of("RECTIFICATION_INVALID", "reason", "say why the rectification is not accepted");
            }
            notBeforeDone(command.returnedOn(), "returnedOn");
            apply(new RectificationReturned(districtCode, rectificationId, year, ownerUnitId, source.kind(), deadline,
                    command.reason().trim(), command.returnedOn(),
                    overdue ? RectificationStatus.OVERDUE : RectificationStatus.IN_PROGRESS));
            return Outcome.RETURNED;
        });
    }

    /**
     * Records the item overdue, at the instant its deadline passed, once: a no-op when it is overdue already or
     * finished (done in time, or signed off); refused before the deadline has passed.
     */
    @CommandHandler
    public RectificationResult handle(MarkOverdue command) {
        if (overdue || status.finished()) {
            return unchanged();
        }
        if (command.now().isBefore(dueAt)) {
            throw new RuleViolation("DEADLINE_NOT_PASSED", "deadline", "rectification '" + rectificationId
                    + "' is due by the end of " + deadline + " (" + dueAt + "); it is not overdue at " + command.now());
        }
        apply(new RectificationOverdue(districtCode, rectificationId, year, ownerUnitId, source, deadline, dueAt,
                RectificationStatus.OVERDUE));
        return new RectificationResult(Outcome.OVERDUE, true);
    }

    private RectificationResult unlessReplay(RequestKey request, Outcome outcome, Supplier<Outcome> work) {
        if (requests.replayOf(request).isPresent()) {
            return new RectificationResult(outcome, false);
        }
        return new RectificationResult(work.get(), true);
    }

    private static RectificationResult unchanged() {
        return new RectificationResult(Outcome.UNCHANGED, false);
    }

    private void requireUnfinished(String act) {
        if (status.finished()) {
            throw new Conflict("RECTIFICATION_FINISHED", "rectification '" + rectificationId + "' is "
                    + status.label() + " (" + status.name() + "); no " + act + " is recorded any more");
        }
    }

    private void requireDone(String field, String act) {
        if (status != RectificationStatus.DONE) {
            throw new RuleViolation("RECTIFICATION_NOT_DONE", field, "rectification '" + rectificationId + "' is "
                    + status.label() + " (" + status.name() + "); only one its unit reported done is " + act);
        }
    }

    private void notBeforeOpening(LocalDate date, String field, InvalidInput.Collector problems) {
        if (date.isBefore(openedOn)) {
            problems.add(field, date + " is before the item was opened (" + openedOn + ")");
        }
    }

    private void notBeforeDone(LocalDate date, String field) {
        if (date.isBefore(doneOn)) {
            throw InvalidInput.of("RECTIFICATION_INVALID", field, date + " is before the rectification was reported "
                    + "done (" + doneOn + ")");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(RectificationOpened event) {
        rectificationKey = Keys.rectification(event.districtCode(), event.rectificationId());
        districtCode = event.districtCode();
        rectificationId = event.rectificationId();
        year = event.year();
        ownerUnitId = event.ownerUnitId();
        source = event.source();
        deadline = event.deadline();
        dueAt = event.dueAt();
        openedOn = event.openedOn();
        status = event.status();
        opened = event;
    }

    @EventSourcingHandler
    void on(RectificationProgressed event, @SequenceNumber long sequence, RequestKey request) {
        status = event.status();
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(RectificationCompleted event, @SequenceNumber long sequence, RequestKey request) {
        status = event.status();
        doneOn = event.doneOn();
        late = event.late();
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(RectificationSignedOff event, @SequenceNumber long sequence, RequestKey request) {
        status = event.status();
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(RectificationReturned event, @SequenceNumber long sequence, RequestKey request) {
        status = event.status();
        doneOn = null;
        late = false;
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(RectificationOverdue event) {
        status = event.status();
        overdue = true;
    }
}
