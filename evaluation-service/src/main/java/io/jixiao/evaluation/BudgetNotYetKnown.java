package io.jixiao.evaluation;

import io.jixiao.support.domain.NotYetKnown;

/**
 * The figures a command needs come from budget-service's events on Kafka, and they have not arrived (yet):
 * the project is unknown here or has no budget. The shared "not known yet" answer (409, {@code Retry-After});
 * nothing is recorded, so the client retries once budget-service has published the budget (a 0% rate is never
 * recorded instead).
 */
public class BudgetNotYetKnown extends NotYetKnown {
    public static final String RULE = "BUDGET_NOT_YET_KNOWN";

    public BudgetNotYetKnown(String field, String districtCode, String projectId) {
        super(RULE, field, "the budget of project '" + projectId + "'", "no budget of project '" + projectId
                + "' in district " + districtCode + " has arrived from budget-service yet; retry once its budget "
                + "events are published");
    }
}
