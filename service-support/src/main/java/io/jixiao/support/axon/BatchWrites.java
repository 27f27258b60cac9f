package io.jixiao.support.axon;

import java.util.function.Consumer;
import java.util.function.Supplier;
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
     * The current batch's pending state under {@code key}, made by {@code create} for the batch's first event;
     * {@code write} gets it once, when the batch prepares its commit. Outside a unit of work (a handler called
     * directly) the state is written at once.
     */
    public static <T> void gather(String key, Supplier<T> create, Consumer<T> change, Consumer<T> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            T state = create.get();
            change.accept(state);
            write.accept(state);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        T state = batch.getOrComputeResource(key, k -> {
            T created = create.get();
            batch.onPrepareCommit(u -> write.accept(created));
            return created;
        });
        change.accept(state);
    }
}
