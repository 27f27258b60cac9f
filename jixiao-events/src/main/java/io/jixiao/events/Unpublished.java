package io.jixiao.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event its service keeps to itself: recorded in its event store, never put on a topic. Every event an
 * aggregate applies is either listed in {@link EventTypes} (published) or carries this annotation with the
 * reason, so that leaving an event out of the catalogue is a decision, not an accident (each service's
 * {@code ArchitectureTest} checks it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Unpublished {
    /** Why no other service needs it. */
    String value();
}
