package io.jixiao.budget.evaluation;

import io.jixiao.budget.project.PreviousYearProjectLinked;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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

    @EventHandler
    void on(ProjectRegistered e) {
        retry(e);
    }

    @EventHandler
    void on(PreviousYearProjectLinked e) {
        retry(e);
    }

    @EventHandler
    void on(BudgetAppropriated e) {
        retry(e);
    }

    @EventHandler
    void on(FundsCarriedOver e) {
        retry(e);
    }

    @EventHandler
    void on(BudgetAdjusted e) {
        retry(e);
    }

    /** The district whose pending results {@code event} is a moment to retry, or null (see the class comment). */
    static String districtToRetry(Object event) {
        if (event instanceof ProjectRegistered e) {
            return e.districtCode();
        } else if (event instanceof PreviousYearProjectLinked e) {
            return e.districtCode();
        } else if (event instanceof BudgetAppropriated e) {
            return e.districtCode();
        } else if (event instanceof FundsCarriedOver e) {
            return e.districtCode();
        } else if (event instanceof BudgetAdjusted e && e.causeEventId() == null && e.amountFen() > 0) {
            return e.districtCode();
        }
        return null;
    }

    private void retry(Object event) {
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
            if (later && MOMENTS.contains(message.getPayloadType())
                    && districtCode.equals(districtToRetry(message.getPayload()))) {
                return true;
            }
            later |= message.getIdentifier().equals(current);
        }
        return false;
    }
}
