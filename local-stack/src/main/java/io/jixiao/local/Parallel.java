package io.jixiao.local;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Runs tasks on threads of their own (not the common pool, which has one thread on two cores). */
final class Parallel {

    private Parallel() {
    }

    /** Runs every task at once; returns when all are done, or throws the first failure as soon as it happens. */
    static void run(Map<String, Runnable> tasksByName) {
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        List<CompletableFuture<Void>> tasks = tasksByName.entrySet().stream()
                .map(task -> CompletableFuture.runAsync(task.getValue(), threadNamed(task.getKey())))
                .toList();
        tasks.forEach(task -> task.exceptionally(failure -> {
            firstFailure.completeExceptionally(failure);
            return null;
        }));
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)), firstFailure).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Executor threadNamed(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        };
    }
}
