package io.jixiao.events;

import io.jixiao.events.budget.*;
import io.jixiao.events.evaluation.*;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of published event types: the type name on Kafka is the record's simple name.
 * A consumer looks a type up here and ignores types it does not know.
 */
public final class EventTypes {
    /** Published on {@link Topics#BUDGET_EVENTS}. */
    public static final List<Class<? extends Record>> BUDGET = List.of(
            ProjectRegistered.class, BudgetAppropriated.class, BudgetAdjusted.class, FundsCarriedOver.class,
            ExpenditureRecorded.class, EntryReversed.class,
            UnitRegistered.class, BasicBudgetAppropriated.class, BasicBudgetAdjusted.class,
            BasicExpenditureRecorded.class, ThreePublicBudgeted.class, ThreePublicSpent.class,
            TransferReceived.class,
            DebtBalanceOpened.class, DebtLimitSet.class, BondIssued.class, BondPrincipalRepaid.class,
            BondInterestPaid.class);

    /** Published on {@link Topics#EVALUATION_EVENTS}. */
    public static final List<Class<? extends Record>> EVALUATION = List.of(
            PerformanceGoalDeclared.class, PerformanceGoalRevised.class, PerformanceGoalApproved.class,
            PerformanceGoalReturned.class, MonitoringObservationRecorded.class, DeviationFlagged.class,
            CorrectiveActionRecorded.class, SelfEvaluationSubmitted.class, KeyEvaluationCommissioned.class,
            KeyEvaluationCompleted.class, EvaluationResultApplied.class,
            SelfEvaluationReturned.class, SelfEvaluationAccepted.class, SelfEvaluationSpotChecked.class,
            RectificationOpened.class, RectificationProgressed.class, RectificationCompleted.class,
            RectificationSignedOff.class, RectificationReturned.class, RectificationOverdue.class,
            PersonalDataErased.class, MonitoringDecisionRecorded.class, DistrictRulesChanged.class);

    private static final Map<String, Class<? extends Record>> BY_NAME = index(
            java.util.stream.Stream.concat(BUDGET.stream(), EVALUATION.stream()).toList());

    private EventTypes() {
    }

    public static Optional<Class<? extends Record>> byName(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    public static boolean isPublished(Class<?> payloadType) {
        return BY_NAME.get(payloadType.getSimpleName()) == payloadType;
    }

    public static Map<String, Class<? extends Record>> all() {
        return BY_NAME;
    }

    private static Map<String, Class<? extends Record>> index(List<Class<? extends Record>> types) {
        Map<String, Class<? extends Record>> map = new LinkedHashMap<>();
        for (Class<? extends Record> type : types) {
            if (map.put(type.getSimpleName(), type) != null) {
                throw new IllegalStateException("two published event types named " + type.getSimpleName());
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
