package io.jixiao.support.domain;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An aggregate (or a part of one) whose snapshot is its fields as they are: Jackson reads and writes the fields,
 * never getters, so a snapshot holds exactly the state the event-sourcing handlers assign. A change to the fields of
 * an aggregate changes its snapshots: raise its {@code @Revision} so older ones are not used.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public @interface SnapshotState {
}
