package io.jixiao.budget.evaluation;

import io.jixiao.budget.common.Ids;
import io.jixiao.budget.project.PreviousYearProjectLinked;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Tries PENDING evaluation results and monitoring decisions again when a project of their district is registered, linked to its
 * previous year's project or funded — the moments next year's project can appear or take a cut. A tracking
 * processor over budget-service's own event store, so it runs after the triggering command committed; of a batch's
 * events of one district, the last retries.
 */
@Component
@ProcessingGroup("result-application-retry")
public class PendingResultRetry {
    private static final Set<Class<?>> MOMENTS = Set.of(ProjectRegistered.class, PreviousYearProjectLinked.class,
            BudgetAppropriated.class, FundsCarriedOver.class, BudgetAdjusted.class);
    private final ResultApplication results;
    private final MonitoringDecisionApplication decisions;

    public PendingResultRetry(ResultApplication results, MonitoringDecisionApplication decisions) {
        this.results = results;
        this.decisions = decisions;
    }

    // The handlers take the message, not the payload: the district is in a project event's aggregate identifier, so
    // of a bulk import's thousands of moments none is deserialized here (BudgetAdjusted apart, whose amount counts).

    @EventHandler(payloadType = ProjectRegistered.class)
    void registered(EventMessage<?> event) {
        retry(event);
    }

    @EventHandler(payloadType = PreviousYearProjectLinked.class)
    void linked(EventMessage<?> event) {
        retry(event);
    }

    @EventHandler(payloadType = BudgetAppropriated.class)
    void appropriated(EventMessage<?> event) {
        retry(event);
    }

    @EventHandler(payloadType = FundsCarriedOver.class)
    void carriedOver(EventMessage<?> event) {
        retry(event);
    }

    @EventHandler(payloadType = BudgetAdjusted.class)
    void adjusted(EventMessage<?> event) {
        retry(event);
    }

    /** The district whose pending results {@code event} is a moment to retry, or null (see the class comment). */
    static String districtToRetry(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (!MOMENTS.contains(type)) {
            return null;
        }
        if (type == BudgetAdjusted.class) {
            BudgetAdjusted e = (BudgetAdjusted) event.getPayload();
            return e.causeEventId() == null && e.amountFen() > 0 ? e.districtCode() : null;
        }
        if (event instanceof DomainEventMessage<?> stored) {
            String district = projectDistrict(stored.getAggregateIdentifier());
            if (district != null) {
                return district;
            }
        }
        Object payload = event.getPayload();
        if (payload instanceof ProjectRegistered e) {
            return e.districtCode();
        } else if (payload instanceof PreviousYearProjectLinked e) {
            return e.districtCode();
        } else if (payload instanceof BudgetAppropriated e) {
            return e.districtCode();
        } else if (payload instanceof FundsCarriedOver e) {
            return e.districtCode();
        }
        return null;
    }

    /** {@code project:430203:P1} → {@code 430203}; null for any other identifier. */
    static String projectDistrict(String aggregateIdentifier) {
        String prefix = Ids.PROJECT + ":";
        if (aggregateIdentifier == null || !aggregateIdentifier.startsWith(prefix)) {
            return null;
        }
        int end = aggregateIdentifier.indexOf(':', prefix.length());
        return end < 0 ? null : aggregateIdentifier.substring(prefix.length(), end);
    }

    private void retry(EventMessage<?> event) {
        String districtCode = districtToRetry(event);
        if (districtCode == null || aLaterEventOfTheBatchRetries(districtCode)) {
            return;
        }
        if (results.anyPending(districtCode)) {
            results.retryPending(districtCode);
        }
        if (decisions.anyPending(districtCode)) {
            decisions.retryPending(districtCode);
        }
    }

    /**
     * Whether an event after the current one in this processor's batch is a moment to retry the same district: then
     * that one retries, once for the batch and later than this one would. A bulk import's batch of a hundred
     * registrations and appropriations of one district thus asks for pending rows once instead of two hundred times.
     */
    static boolean aLaterEventOfTheBatchRetries(String districtCode) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            return false;
        }
        String current = batch.getMessage().getIdentifier();
        boolean later = false;
        for (Message<?> message : batch.getMessages()) {
            if (later && message instanceof EventMessage<?> event && districtCode.equals(districtToRetry(event))) {
                return true;
            }
            later |= message.getIdentifier().equals(current);
        }
        return false;
    }
}
