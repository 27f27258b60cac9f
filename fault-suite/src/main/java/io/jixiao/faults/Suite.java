package io.jixiao.faults;

import java.time.Duration;
import java.util.List;

/**
 * One running suite: the stack, the set-up districts, the ledger, the load driver and the checks, shared by the
 * command and by the integration tests (which start it once per JVM).
 */
public final class Suite implements AutoCloseable {
    private final Settings settings;
    private final Log log;
    private final FaultStack stack;
    private final Http http;
    private final Ledger ledger = new Ledger();
    private final Workload workload;
    private final StatusCounts writes = new StatusCounts();
    private final StatusCounts reads = new StatusCounts();
    private final Faults faults;
    private final Duration startup;

    private Suite(Settings settings, Log log, FaultStack stack, Duration startup) {
        this.settings = settings;
        this.log = log;
        this.stack = stack;
        this.startup = startup;
        this.http = new Http(stack.gatewayUrl(), stack.token(), Duration.ofSeconds(45));
        this.workload = new Workload(settings);
        workload.prepare(http, ledger, log);
        LoadDriver driver = new LoadDriver(http, ledger, workload, settings, writes, reads);
        Verifier verifier = new Verifier(stack, http, settings.districts(), log);
        this.faults = new Faults(stack, settings, ledger, driver, verifier, writes, reads, http, log);
    }

    /** Starts PostgreSQL, Kafka and the four services, and sets the districts up. */
    public static Suite start(Settings settings, Log log, boolean keep) {
        return start(settings, log, keep, false);
    }

    /** As {@link #start(Settings, Log, boolean)}; {@code cluster}: on the cluster ({@link FaultStack#start}). */
    public static Suite start(Settings settings, Log log, boolean keep, boolean cluster) {
        long t0 = System.nanoTime();
        FaultStack stack = FaultStack.start(keep, log, cluster);
        try {
            return new Suite(settings, log, stack, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public Faults.FaultResult fault(int number) {
        return faults.run(number);
    }

    /** {@code count} bad requests (seeded, reproducible), 8 at a time. */
    public BadInput.Result badInput(int count) {
        log.line("bad input: generating %d malformed and hostile requests", count);
        String goal = Workload.SETUP_GOAL;
        String foreign = stack.token("fs-foreign", List.of("FINANCE"), List.of("430511"));
        BadInput generator = new BadInput(settings.districts().get(0), goal, foreign);
        return generator.run(generator.generate(count, 20_260_101L), http, stack, 8, log);
    }

    /** An import job of {@code lines} lines, budget-service killed at half and restarted. */
    public ImportJobCrash.Result importJob(int lines) {
        try {
            return new ImportJobCrash(stack, http, log).run(lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public PoisonEvents.Result poison() {
        log.line("poison events");
        return new PoisonEvents(stack, http, log).run();
    }

    public Settings settings() {
        return settings;
    }

    public Workload workload() {
        return workload;
    }

    public Ledger ledger() {
        return ledger;
    }

    public StatusCounts writes() {
        return writes;
    }

    public StatusCounts reads() {
        return reads;
    }

    public FaultStack stack() {
        return stack;
    }

    public Duration startup() {
        return startup;
    }

    public Log log() {
        return log;
    }

    @Override
    public void close() {
        stack.close();
    }
}
