package io.jixiao.support.domain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/**
 * The text a command's idempotency fingerprint is taken over. Fingerprints are stored with every applied request
 * (event metadata, snapshots), so the form must not change when a command's Java shape does: a record gets
 * {@code Name[component=value, ...]} over its components, in order (what records print today, but spelled out here
 * rather than left to {@code toString}); a command whose shape changed implements this interface and keeps
 * producing the form its stored fingerprints were taken over.
 */
public interface CanonicalForm {
    String canonicalForm();

    /** The canonical form of any command: its own if it has one, else its record components, else its text. */
    static String of(Object command) {
        if (command instanceof CanonicalForm c) {
            return c.canonicalForm();
        }
        if (command instanceof Record r) {
            return components(r, null, null);
        }
        return String.valueOf(command);
    }

    /**
     * {@code Name[component=value, ...]} of a record, with {@code extra} (a component it once had, as
     * {@code name=value}) placed after the component {@code after}; both null for none.
     */
    static String components(Record r, String after, String extra) {
        StringJoiner form = new StringJoiner(", ", r.getClass().getSimpleName() + "[", "]");
        try {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                java.lang.reflect.Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                form.add(c.getName() + "=" + accessor.invoke(r));
                if (c.getName().equals(after)) {
                    form.add(extra);
                }
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getName(), e);
        }
        return form.toString();
    }
}
