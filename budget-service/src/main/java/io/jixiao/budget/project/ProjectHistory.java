package io.jixiao.budget.project;

import io.jixiao.events.budget.FundingFigures;
import io.jixiao.budget.project.ProjectResponses.Figures;
import io.jixiao.budget.project.ProjectResponses.History;
import io.jixiao.budget.project.ProjectResponses.HistoryEntry;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Money;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.EntryReversed;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.personal.ActorNames;
import io.jixiao.support.web.Paging;
import io.jixiao.support.web.Paging.Page;
import io.jixiao.support.web.Paging.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The auditor's view: every stored event of a project up to an instant, in order, each with its
 * metadata (the actor's name opened from its sealed form, {@link ActorNames}) and the running figures after it,
 * folded by the same {@link FundingFigures} the aggregate uses. A caller with none of the roles that read persons
 * ({@link #PERSON_READERS}: a DASHBOARD) gets the entries without actor and name.
 * Optionally restricted to money whose business date (the date the event carries) is on or before a day.
 * Answered a page of events at a time ({@link Paging}); the count and the state are always the whole history's.
 */
@Component
public class ProjectHistory {
    /** The roles that read who acted (the gateway's readers of budget-service: FINANCE, UNIT, AUDITOR, INTEGRATION). */
    static final Set<String> PERSON_READERS = Set.of("FINANCE", "UNIT", "AUDITOR", "INTEGRATION");
    private final EventStore eventStore;
    private final ActorNames actorNames;

    public ProjectHistory(EventStore eventStore, ActorNames actorNames) {
        this.eventStore = eventStore;
        this.actorNames = actorNames;
    }

    private static boolean callerReadsPersons() {
        return CallerContext.current().map(c -> c.isSystem() || PERSON_READERS.stream().anyMatch(c::hasRole))
                .orElse(false);
    }

    /** One page of the history, with the cursor of the next page (null on the last). */
    public record HistoryPage(History history, Page<HistoryEntry> page) {
    }

    /**
     * One page of the history: the events after the sequence number {@code page.after()}, at most
     * {@code page.limit()} of them. The figures after each event, the state and the event count are those of
     * the whole history up to {@code asOf}, whichever page is asked for.
     */
    public HistoryPage asOf(String districtCode, String projectId, Instant asOf, LocalDate on, PageRequest page) {
        long after = page.afterNumber();
        DomainEventStream stream = eventStore.readEvents(ProjectCommands.projectKey(districtCode, projectId), 0);
        List<HistoryEntry> entries = new ArrayList<>();
        int count = 0;
        FundingFigures figures = FundingFigures.NONE;
        Long version = null;
        boolean any = false;
        Map<Long, Long> reversals = new HashMap<>();
        ActorNames names = callerReadsPersons() ? actorNames.forOneRead() : null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            any = true;
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            Object payload = event.getPayload();
            Movement movement = Movement.of(payload);
            LocalDate date = movement == null ? null : movement.date();
            if (on != null && date != null && date.isAfter(on)) {
                continue;
            }
            figures = figures.after(payload);
            version = event.getSequenceNumber();
            count++;
            if (event.getSequenceNumber() <= after || entries.size() > page.limit()) {
                continue;  // outside the page: counted and folded, not shown
            }
            if (payload instanceof EntryReversed r) {
                reversals.put(r.originalSequence(), event.getSequenceNumber());
            }
            EventMetadata meta = EventMetadata.from(event.getMetaData());
            BudgetAdjusted adjusted = payload instanceof BudgetAdjusted a ? a : null;
            EntryReversed reversal = payload instanceof EntryReversed r ? r : null;
            String reason = adjusted != null ? adjusted.reason() : reversal != null ? reversal.reason()
                    : payload instanceof PaymentsSuspended p ? p.reason() : payload instanceof PaymentsResumed p
                    ? p.reason() : null;
            String cause = adjusted != null ? adjusted.causeEventId() : payload instanceof PaymentsSuspended p
                    ? p.causeEventId() : payload instanceof PaymentsResumed p ? p.causeEventId() : null;
            String docNo = payload instanceof BudgetAppropriated a ? a.docNo() : adjusted != null ? adjusted.docNo() : null;
            entries.add(new HistoryEntry(event.getSequenceNumber(), payload.getClass().getSimpleName(),
                    event.getTimestamp(), date, names == null ? null : meta.actor(),
                    names == null ? null : names.show(event.getMetaData()), meta.correlationId(), meta.causationId(),
                    meta.requestId(), movement != null ? Money.yuan(movement.amountFen()) : null,
                    adjusted != null && adjusted.basis() != null ? adjusted.basis().wire() : null,
                    reason, docNo, cause, payload, Figures.of(figures),
                    reversal != null ? reversal.originalSequence() : null, null));
        }
        entries.replaceAll(e -> reversals.containsKey(e.sequence()) ? e.reversedBy(reversals.get(e.sequence())) : e);
        if (!any) {
            throw new NotFound("projectId", "no project '" + projectId + "' in district " + districtCode);
        }
        Page<HistoryEntry> shown = Paging.of(entries, page, HistoryEntry::sequence);
        return new HistoryPage(new History(districtCode, projectId, asOf, on, count, Figures.of(figures), version,
                shown.items()), shown);
    }

    /** The whole history up to {@code asOf}, every event (a workbook for auditors; the API answers it in pages). */
    public History whole(String districtCode, String projectId, Instant asOf, LocalDate on) {
        return asOf(districtCode, projectId, asOf, on, new PageRequest(Integer.MAX_VALUE - 1, null)).history();
    }

    /** What a money event moved and on which business day; null for the other events. */
    private record Movement(long amountFen, LocalDate date) {
        static Movement of(Object payload) {
            if (payload instanceof BudgetAppropriated e) {
                return new Movement(e.amountFen(), e.date());
            }
            if (payload instanceof BudgetAdjusted e) {
                return new Movement(e.amountFen(), e.date());
            }
            if (payload instanceof FundsCarriedOver e) {
                return new Movement(e.amountFen(), e.date());
            }
            if (payload instanceof ExpenditureRecorded e) {
                return new Movement(e.amountFen(), e.date());
            }
            if (payload instanceof EntryReversed e) {
                return new Movement(-e.amountFen(), e.date());  // 红字: the original's amount with the other sign
            }
            return null;
        }
    }
}
