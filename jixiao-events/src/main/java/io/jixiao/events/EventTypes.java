package io.jixiao.events;

import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
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
    private static final Map<String, Class<? extends Record>> BY_NAME = index(List.of(
            ProjectRegistered.class,
            BudgetAppropriated.class,
            BudgetAdjusted.class,
            FundsCarriedOver.class,
            ExpenditureRecorded.class));

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
