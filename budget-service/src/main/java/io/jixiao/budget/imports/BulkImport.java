package io.jixiao.budget.imports;

import io.jixiao.budget.common.CommandLine;
import io.jixiao.budget.common.LineOutcome;
import io.jixiao.budget.common.LineOutcome.NothingRecorded;
import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.imports.ImportOps.Job;
import io.jixiao.budget.imports.ImportResult.LineResult;
import io.jixiao.budget.imports.LineFields.LineProblem;
import io.jixiao.budget.project.ProjectCommands.AdjustBudget;
import io.jixiao.budget.project.ProjectCommands.AppropriateBudget;
import io.jixiao.budget.project.ProjectCommands.CarryOverFunds;
import io.jixiao.budget.project.ProjectCommands.RecordExpenditure;
import io.jixiao.budget.project.ProjectCommands.RecordProjectLines;
import io.jixiao.budget.project.ProjectCommands.RegisterProject;
import io.jixiao.budget.unit.UnitCommands.AdjustBasicBudget;
import io.jixiao.budget.unit.UnitCommands.AppropriateBasicBudget;
import io.jixiao.budget.unit.UnitCommands.RecordBasicExpenditure;
import io.jixiao.budget.unit.UnitCommands.RecordUnitYearLines;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Applies a bulk import line by line: each line is checked on its own (a rejected line records nothing and does
 * not stop the others) and recorded under the line's {@code lineId} as its request id — so resending the whole file answers ALREADY_APPLIED for every line applied before (the
 * aggregate's request ledger: the id is scoped by the line's district and target). Order: unit registrations
 * first, then every other line; lines of the same target (project, unit-year, district-year …) apply in file
 * order, lines of different targets concurrently ({@code jixiao.imports.parallelism} workers). A project's
 * consecutive registration and money lines, and a unit-year's consecutive basic budget lines, go to it together
 * ({@link #sendInOrder}); every other line is its own command and transaction.
 */
@Component
public class BulkImport {
    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);
    static final int LINES_PER_UNIT_OF_WORK = 200;
    private final CommandSender commands;
    private final ImportOps ops;
    private final int parallelism;

    public BulkImport(CommandSender commands, Validator validator,
                      @Value("${jixiao.imports.parallelism:4}") int parallelism) {
        this.commands = commands;
        this.ops = new ImportOps(validator);
        this.parallelism = Math.max(1, parallelism);
    }

    public ImportResult apply(List<ImportLine> lines, CallerContext caller) {
        long start = System.nanoTime();
        LineResult[] results = new LineResult[lines.size()];
        List<Integer> units = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        Job[] jobs = new Job[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            ImportLine line = lines.get(i);
            try {
                jobs[i] = ops.prepare(line, caller.districts());
                (jobs[i].registersUnit() ? units : others).add(i);
            } catch (LineProblem p) {
                results[i] = new LineResult(line.line(), line.get("lineId"), line.get("op"), line.get("district"),
                        null, "REJECTED", null, p.rule, p.field, p.getMessage());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "bulk-import");
            t.setDaemon(true);
            return t;
        });
        try {
            runPhase(units, jobs, results, caller, pool);
            runPhase(others, jobs, results, caller, pool);
        } finally {
            pool.shutdownNow();
        }
        int applied = 0;
        int already = 0;
        int rejected = 0;
        for (LineResult r : results) {
            switch (r.status()) {
                case "APPLIED" -> applied++;
                case "ALREADY_APPLIED" -> already++;
                default -> rejected++;
            }
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        log.info("import of {} lines by {}: {} applied, {} already applied, {} rejected in {} ms", lines.size(),
                caller.actor(), applied, already, rejected, elapsed);
        return new ImportResult(lines.size(), applied, already, rejected, elapsed, List.of(results));
    }

    /** Lines grouped by target; each group in file order on one worker; groups spread over the workers. */
    private void runPhase(List<Integer> indexes, Job[] jobs, LineResult[] results, CallerContext caller,
                          ExecutorService pool) {
        Map<String, List<Integer>> byTarget = new LinkedHashMap<>();
        for (int i : indexes) {
            byTarget.computeIfAbsent(jobs[i].target(), t -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> buckets = new ArrayList<>();
        for (int w = 0; w < parallelism; w++) {
            buckets.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Integer> group : byTarget.values()) {
            buckets.get(next++ % parallelism).addAll(group);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<Integer> bucket : buckets) {
            if (!bucket.isEmpty()) {
                running.add(pool.submit(() -> sendInOrder(bucket, jobs, results, caller)));
            }
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("import worker failed", e.getCause());
            }
        }
    }

    /**
     * A worker's lines in order. Consecutive lines of one project (its registration and money lines without an
     * expected version) or of one unit-year (basic budget lines without one) go to the aggregate together
     * ({@link RecordProjectLines}, {@link RecordUnitYearLines}, at most {@value #LINES_PER_UNIT_OF_WORK} at a time):
     * one load, one transaction and one batch of events instead of one each, with the same rules and answers per
     * line.
     */
    private void sendInOrder(List<Integer> bucket, Job[] jobs, LineResult[] results, CallerContext caller) {
        List<Integer> batch = new ArrayList<>();
        for (int i : bucket) {
            boolean together = batchLine(jobs[i]) != null;
            boolean joins = together && (batch.isEmpty() || jobs[batch.get(0)].target().equals(jobs[i].target()))
                    && batch.size() < LINES_PER_UNIT_OF_WORK;
            if (!joins && !batch.isEmpty()) {
                sendTogether(batch, jobs, results, caller);
                batch.clear();
            }
            if (together) {
                batch.add(i);
            } else {
                results[i] = send(jobs[i], caller);
            }
        }
        if (!batch.isEmpty()) {
            sendTogether(batch, jobs, results, caller);
        }
    }

    private void sendTogether(List<Integer> batch, Job[] jobs, LineResult[] results, CallerContext caller) {
        if (batch.size() == 1) {
            results[batch.get(0)] = send(jobs[batch.get(0)], caller);
            return;
        }
        Job first = jobs[batch.get(0)];
        List<CommandLine> lines = batch.stream().map(i -> batchLine(jobs[i])).toList();
        Object command = first.command() instanceof RegisterProject || isProjectMoney(first.command())
                ? new RecordProjectLines(first.target(), lines) : new RecordUnitYearLines(first.target(), lines);
        for (int attempt = 1; ; attempt++) {
            List<LineOutcome> outcomes;
            try {
                AtomicReference<List<LineOutcome>> answer = new AtomicReference<>();
                caller.withRequestId(null).run(() -> answer.set(commands.send(command, first.districtCode())));
                outcomes = answer.get();
            } catch (RuntimeException failure) {
                Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof ConcurrencyException && attempt < 3) {
                    continue;  // another writer got there first: load the aggregate again and redo the lines
                }
                if (!(cause instanceof NothingRecorded nothing)) {
                    for (int i : batch) {
                        results[i] = rejected(jobs[i], cause);
                    }
                    return;
                }
                outcomes = nothing.outcomes();
            }
            for (int k = 0; k < batch.size(); k++) {
                Job job = jobs[batch.get(k)];
                LineOutcome outcome = outcomes.get(k);
                results[batch.get(k)] = outcome.refusal() != null ? rejected(job, outcome.refusal())
                        : result(job, outcome.recorded().replayed() ? "ALREADY_APPLIED" : "APPLIED",
                        job.command() instanceof RegisterProject ? null : outcome.recorded().sequence(),
                        null, null, null);
            }
            return;
        }
    }

    /** The job as a line of {@link RecordProjectLines} or {@link RecordUnitYearLines}, or null when it goes alone. */
    private static CommandLine batchLine(Job job) {
        Object c = job.command();
        boolean together = c instanceof RegisterProject || isProjectMoney(c)
                || (c instanceof AppropriateBasicBudget a && a.expectedVersion() == null)
                || (c instanceof AdjustBasicBudget b && b.expectedVersion() == null)
                || (c instanceof RecordBasicExpenditure e && e.expectedVersion() == null);
        return together ? new CommandLine(c, job.lineId(), CommandSender.fingerprint(c)) : null;
    }

    private static boolean isProjectMoney(Object c) {
        return (c instanceof AppropriateBudget a && a.expectedVersion() == null)
                || (c instanceof AdjustBudget b && b.expectedVersion() == null && b.causeEventId() == null)
                || (c instanceof CarryOverFunds o && o.expectedVersion() == null)
                || (c instanceof RecordExpenditure e && e.expectedVersion() == null);
    }

    private LineResult send(Job job, CallerContext caller) {
        for (int attempt = 1; ; attempt++) {
            try {
                Object[] answer = new Object[1];
                caller.withRequestId(job.lineId()).run(() -> answer[0] = commands.send(job.command(), job.districtCode()));
                if (answer[0] instanceof Recorded r) {
                    return result(job, r.replayed() ? "ALREADY_APPLIED" : "APPLIED", r.sequence(), null, null, null);
                }
                boolean created = Boolean.TRUE.equals(answer[0]);
                return result(job, created ? "APPLIED" : "ALREADY_APPLIED", null, null, null, null);
            } catch (RuntimeException failure) {
                Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof ConflictingAggregateVersionException v) {
                    return result(job, "REJECTED", null, "VERSION_MISMATCH", "expectedVersion", "expected version "
                            + v.getExpectedVersion() + " but the record is at " + v.getActualVersion());
                }
                if (cause instanceof ConcurrencyException && attempt < 3) {
                    continue;  // another writer (another instance, or the HTTP API) got there first: read again
                }
                return rejected(job, cause);
            }
        }
    }

    private LineResult rejected(Job job, Throwable cause) {
        if (cause instanceof RuleViolation r) {
            return result(job, "REJECTED", null, r.rule(), r.field(), r.getMessage());
        }
        if (cause instanceof NotFound n) {
            return result(job, "REJECTED", null, "NOT_FOUND", n.field(), n.getMessage());
        }
        if (cause instanceof AggregateNotFoundException) {
            return result(job, "REJECTED", null, "NOT_FOUND", targetField(job), "no such record: " + job.target());
        }
        if (cause instanceof Conflict c) {
            String field = switch (c.rule()) {
                case "PROJECT_ID_TAKEN" -> "projectId";
                case "UNIT_ID_TAKEN" -> "unitId";
                case "BOND_ID_TAKEN" -> "bondId";
                default -> "lineId";
            };
            return result(job, "REJECTED", null, c.rule(), field, c.getMessage());
        }
        if (cause instanceof ConcurrencyException) {
            return result(job, "REJECTED", null, "CONCURRENT_MODIFICATION", null,
                    "another request kept changing this record; resend the line");
        }
        if (cause instanceof IllegalArgumentException i) {
            return result(job, "REJECTED", null, "VALIDATION", null, i.getMessage());
        }
        log.error("import line {} ({}) failed", job.line().line(), job.lineId(), cause);
        return result(job, "REJECTED", null, "INTERNAL", null, "the line could not be applied; it may be resent");
    }

    private static String targetField(Job job) {
        return switch (job.op()) {
            case "appropriate", "adjust", "carryOver", "spend" -> "projectId";
            default -> "unitId";
        };
    }

    private static LineResult result(Job job, String status, Long sequence, String rule, String field, String message) {
        return new LineResult(job.line().line(), job.lineId(), job.op(), job.districtCode(), job.target(), status,
                sequence, rule, field, message);
    }
}
