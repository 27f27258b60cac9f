package io.jixiao.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.local.LocalStackProcesses;
import io.jixiao.local.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Cluster mode: the budget-service instance the gateway sent a request to is killed with SIGKILL while it works on
 * it. The request is a synchronous import (CSV through the gateway, a few thousand lines, tens of seconds on the
 * build machine). Which of the two instances got it is told by the threads it runs ({@value #IMPORT_THREAD}, seen
 * in {@code /proc}); the client's answer proves the kill hit it: a 5xx or no answer. If the answer was 2xx, the
 * kill missed (the import was over); the instance is started again and the fault is tried with a new file in
 * another district, at most {@link #ATTEMPTS} times. After a hit the client sends the same file with the same {@code Idempotency-Key}
 * until a 2xx: that answer has every line applied or already applied and none rejected, and the event store holds
 * exactly one event per line.
 */
final class MidRequestKill {
    static final List<String> DISTRICTS = List.of("430221", "430223", "430224");
    static final int ATTEMPTS = DISTRICTS.size();
    private static final Duration RETRY_FOR = Duration.ofSeconds(180);
    /** The gateway gives imports 10 minutes (their own route); the client waits as long. */
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);

    private final FaultStack stack;
    private final Http http;
    private final Log log;
    private final boolean restartAfterwards;

    /**
     * @param restartAfterwards whether the instance killed by the hit is started again at the end (the full run; the
     *                          short mode in the build leaves it down and saves the minute its start takes)
     */
    MidRequestKill(FaultStack stack, Http http, Log log, boolean restartAfterwards) {
        this.stack = stack;
        this.restartAfterwards = restartAfterwards;
        this.http = new Http(http.baseUrl(), stack.token(), IMPORT_TIMEOUT);
        this.log = log;
    }

    /** Notes for the report; a failed check adds to {@code failures}. */
    List<String> run(int lines, List<String> failures) throws Exception {
        List<String> notes = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String district = DISTRICTS.get(attempt - 1);
            ImportJobCrash.ImportFile file = ImportJobCrash.file(lines, district);
            byte[] body = file.csv().getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = Map.of("Idempotency-Key", "fs-mid-request-" + district);
            Http.Answer settings = http.send("PUT", "/api/budget/districts/" + district + "/settings",
                    "{\"goalBeforeBudget\":false}", Map.of());
            if (!settings.ok()) {
                throw new IllegalStateException("settings of " + district + ": " + settings.brief());
            }
            long sent = System.nanoTime();
            CompletableFuture<Http.Answer> first = CompletableFuture.supplyAsync(
                    () -> http.send("POST", "/api/budget/imports", body, "text/csv", headers));
            String target = instanceApplyingTheImport();
            if (target == null) {
                failures.add("attempt " + attempt + ": no budget-service instance showed the import's threads within"
                        + " 20 s; the client got " + first.join().brief());
                continue;
            }
            LoadDriver.pause(1000);   // a second into the work: some lines applied, most not
            long inFlight = System.nanoTime() - sent;
            stack.processes().kill(target);
            Http.Answer answer = first.join();
            log.line("mid-request kill, attempt %d: %s killed %.1f s into a %d-line import; the client got %s",
                    attempt, target, inFlight / 1e9, lines, answer.brief());
            if (answer.ok()) {
                notes.add("attempt " + attempt + ": " + target + " killed but the import was answered 2xx (it ran on "
                        + "the other instance or was over): a miss");
                stack.processes().start(target);
                continue;
            }
            notes.add("attempt " + attempt + ": " + target + " killed " + seconds(inFlight) + " into a " + lines
                    + "-line import; the client got " + answer.status() + (answer.isProblem() ? " (problem+json)" : ""));
            long retrying = System.nanoTime();
            int retries = 0;
            Http.Answer retry;
            do {
                retries++;
                retry = http.send("POST", "/api/budget/imports", body, "text/csv", headers);
                if (!retry.ok()) {
                    LoadDriver.pause(LoadDriver.backoff(retry));
                }
            } while (!retry.ok() && LoadDriver.retryable(retry)
                    && System.nanoTime() - retrying < RETRY_FOR.toNanos());
            JsonNode result = retry.json();
            if (!retry.ok() || result == null) {
                failures.add("the retry of the killed import got " + retry.brief());
                stack.processes().start(target);
                return notes;
            }
            int applied = result.path("applied").asInt();
            int already = result.path("alreadyApplied").asInt();
            int rejected = result.path("rejected").asInt();
            notes.add("the same file and key sent again: 2xx after " + retries + " sends, " + seconds(System.nanoTime()
                    - retrying) + "; " + applied + " lines applied, " + already + " already applied (by the killed "
                    + "instance before it died), " + rejected + " rejected");
            if (applied + already != lines || rejected != 0) {
                failures.add("the retry answered " + applied + " applied + " + already + " already applied of " + lines
                        + " lines, " + rejected + " rejected");
            }
            long[] perLine = ImportJobCrash.eventsPerLine(stack, district, file.lineIds(), failures);
            notes.add("event store: " + perLine[0] + " lines with one event, " + perLine[1] + " with more, " + perLine[2]
                    + " with none");
            if (!restartAfterwards) {
                notes.add(target + " left down (short mode: fault 8 showed a killed instance's restart)");
                return notes;
            }
            long restarting = System.nanoTime();
            stack.processes().start(target);
            notes.add(target + " healthy again " + seconds(System.nanoTime() - restarting) + " after its restart");
            return notes;
        }
        failures.add("the kill missed the request's instance " + ATTEMPTS + " times");
        return notes;
    }

    /** The name of the threads budget-service's {@code BulkImport} applies a synchronous import's lines on. */
    static final String IMPORT_THREAD = "bulk-import";

    /**
     * The budget-service instance whose process runs threads named {@value #IMPORT_THREAD} (Linux shows a Java
     * thread's name in {@code /proc/PID/task/TID/comm}): only the instance applying the import has them. Null
     * when none shows them within 20 s.
     */
    private String instanceApplyingTheImport() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (ServiceProcess instance : stack.processes().services()) {
                if (instance.name().startsWith(LocalStackProcesses.BUDGET) && instance.isAlive()
                        && runsThreadNamed(instance.pid(), IMPORT_THREAD)) {
                    return instance.name();
                }
            }
            LoadDriver.pause(100);
        }
        return null;
    }

    static boolean runsThreadNamed(long pid, String name) {
        try (java.util.stream.Stream<java.nio.file.Path> tasks = java.nio.file.Files.list(
                java.nio.file.Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.anyMatch(task -> {
                try {
                    return java.nio.file.Files.readString(task.resolve("comm")).strip().equals(name);
                } catch (java.io.IOException gone) {
                    return false;   // the thread ended meanwhile
                }
            });
        } catch (java.io.IOException | java.io.UncheckedIOException gone) {
            return false;   // the process ended meanwhile
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
