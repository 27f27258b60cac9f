package io.jixiao.budget.evaluation;

import io.jixiao.budget.project.PreviousYearProjectLinked;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Tries PENDING evaluation results and monitoring decisions again when a project of their district is registered, linked to its
 * previous year's project or funded — the moments next year's project can appear or take a cut. A tracking
 * processor over budget-service's own event store, so it runs after the triggering command committed.
 */
@Component
@ProcessingGroup("result-application-retry")
public class PendingResultRetry {
    private final ResultApplication results;
    private final MonitoringDecisionApplication decisions;

    public PendingResultRetry(ResultApplication results, MonitoringDecisionApplication decisions) {
        this.results = results;
        this.decisions = decisions;
    }

    @EventHandler
    void on(ProjectRegistered e) {
        retry(e.districtCode());
    }

    @EventHandler
    void on(PreviousYearProjectLinked e) {
        retry(e.districtCode());
    }

    @EventHandler
    void on(BudgetAppropriated e) {
        retry(e.districtCode());
    }

    @EventHandler
    void on(FundsCarriedOver e) {
        retry(e.districtCode());
    }

    @EventHandler
    void on(BudgetAdjusted e) {
        if (e.causeEventId() == null && e.amountFen() > 0) {
            retry(e.districtCode());
        }
    }

    private void retry(String districtCode) {
        if (results.anyPending(districtCode)) {
            results.retryPending(districtCode);
        }
        if (decisions.anyPending(districtCode)) {
            decisions.retryPending(districtCode);
        }
    }
}
