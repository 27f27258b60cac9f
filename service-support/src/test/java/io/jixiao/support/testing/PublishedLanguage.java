package io.jixiao.support.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Unpublished;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The rule every service's {@code ArchitectureTest} applies: each event an aggregate applies (the first parameter of
 * an {@code @EventSourcingHandler}) is either in the published catalogue ({@link EventTypes}) or marked
 * {@link Unpublished} with a reason. An event left out of the catalogue by accident would never reach a consumer.
 */
public final class PublishedLanguage {

    private PublishedLanguage() {
    }

    public static final ArchRule EVERY_APPLIED_EVENT_IS_PUBLISHED_OR_UNPUBLISHED = ArchRuleDefinition.methods()
            .that().areAnnotatedWith(EventSourcingHandler.class)
            .should(new ArchCondition<JavaMethod>("take an event that is published or marked @Unpublished") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    JavaClass event = method.getRawParameterTypes().get(0);
                    Class<?> type = event.reflect();
                    boolean ok = EventTypes.isPublished(type) || type.isAnnotationPresent(Unpublished.class);
                    events.add(new SimpleConditionEvent(method, ok, event.getName() + " (applied in "
                            + method.getFullName() + ") is neither in EventTypes nor marked @Unpublished"));
                }
            })
            .allowEmptyShould(false);

    /** For a service's test: fails with every offending event. */
    public static void check(JavaClasses classes) {
        EVERY_APPLIED_EVENT_IS_PUBLISHED_OR_UNPUBLISHED.check(classes);
    }
}
