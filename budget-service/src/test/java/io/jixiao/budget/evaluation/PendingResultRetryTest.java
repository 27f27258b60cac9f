package io.jixiao.budget.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;

/** Of a processing batch's events of one district, the last that is a moment to retry does, once. */
class PendingResultRetryTest {
    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);

    @Test
    void theLastMomentOfEachDistrictInTheBatchRetries() {
        List<EventMessage<?>> batch = List.of(
                event("1", new ProjectRegistered("430201", "p", "u", "路灯", ProjectCategory.SPECIAL_FUND, 2023, 1)),
                event("2", new BudgetAppropriated("430201", "p", 100, FundSource.GENERAL_PUBLIC_BUDGET, null, DAY)),
                event("3", new ProjectRegistered("430202", "q", "u", "道路", ProjectCategory.SPECIAL_FUND, 2023, 1)),
                event("4", new BudgetAdjusted("430201", "p", -50, AdjustmentBasis.EVALUATION_RESULT, "结果应用", null,
                        DAY, "cause")),   // a cut caused by a result: not a moment to retry
                event("5", new ExpenditureRecorded("430201", "p", 10, DAY)));
        List<String> retried = new ArrayList<>();

        new BatchingUnitOfWork<>(batch).execute(() -> {
            EventMessage<?> current = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            String district = PendingResultRetry.districtToRetry(current);
            if (district != null && !PendingResultRetry.aLaterEventOfTheBatchRetries(district)) {
                retried.add(current.getIdentifier() + "@" + district);
            }
        });

        assertThat(retried).containsExactly("2@430201", "3@430202");
    }

    @Test
    void outsideABatchEveryMomentRetries() {
        assertThat(PendingResultRetry.aLaterEventOfTheBatchRetries("430201")).isFalse();
        assertThat(PendingResultRetry.districtToRetry(event("a", new BudgetAdjusted("430201", "p", 50,
                AdjustmentBasis.MID_YEAR, "追加", null, DAY, null)))).isEqualTo("430201");
        assertThat(PendingResultRetry.districtToRetry(event("b", new BudgetAdjusted("430201", "p", -50,
                AdjustmentBasis.MID_YEAR, "调减", null, DAY, null)))).as("a cut makes no room for a pending result")
                .isNull();
    }

    @Test
    void aStoredProjectEventsDistrictIsReadFromItsAggregateNotItsPayload() {
        var stored = new GenericDomainEventMessage<>("project", "project:430203:P1", 0,
                new ProjectRegistered("430203", "P1", "u", "路灯", ProjectCategory.SPECIAL_FUND, 2023, 1)) {
            @Override
            public ProjectRegistered getPayload() {
                throw new AssertionError("deserialized to find a district the aggregate id names");
            }
        };
        assertThat(PendingResultRetry.districtToRetry(stored)).isEqualTo("430203");
        assertThat(PendingResultRetry.projectDistrict("unit-year:430203:u:2023")).isNull();
        assertThat(PendingResultRetry.projectDistrict("project:430203")).isNull();
        assertThat(PendingResultRetry.districtToRetry(event("c", new ExpenditureRecorded("430201", "p", 10, DAY))))
                .isNull();
    }

    private static EventMessage<?> event(String id, Object payload) {
        return new GenericEventMessage<>(id, payload, java.util.Map.of(), java.time.Instant.now());
    }
}
