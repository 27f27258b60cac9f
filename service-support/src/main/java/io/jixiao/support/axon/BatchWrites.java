package io.jixiao.support.axon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a read model's handlers gather over the events of one processing batch, written once when the batch is done.
 * A subscribing processor hands a command's events to its handlers as one batch inside the command's transaction, so
 * a command that applies seven events to one project writes the project's row once instead of seven times, still
 * before the transaction commits (what a command wrote, the next GET reads). A batch that fails writes nothing.
 */
public final class BatchWrites {
    private BatchWrites() {
    }

    /**
     * Changes one row of the current batch's pending rows under {@code key}: {@code create} makes the row for the
     * batch's first event about it, {@code change} applies this event. {@code write} gets the batch's rows once, in the
     * order they were first changed, when the batch prepares its commit. Outside a unit of work (a handler called
     * directly) the row is written at once.
     */
    public static <K, R> void changeRow(String key, K row, Function<K, R> create, Consumer<R> change,
                                        Consumer<Map<K, R>> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            Map<K, R> rows = new LinkedHashMap<>();
            change.accept(rows.computeIfAbsent(row, create));
            write.accept(rows);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        Map<K, R> rows = batch.getOrComputeResource(key, k -> {
            Map<K, R> created = new LinkedHashMap<>();
            batch.onPrepareCommit(u -> write.accept(created));
            return created;
        });
        change.accept(rows.computeIfAbsent(row, create));
    }
}
