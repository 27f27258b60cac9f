package io.jixiao.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the hash chain costs a command through the whole stack, A/B in one run ({@code --only chain}): the command
 * workload in alternating rounds (A B, B A, A B …; the first pair warms up) with budget-service's chain trigger
 * enabled (A) and disabled (B), the CPU time of every process of the stack and of this client read from /proc
 * before and after each round, once the stack is quiet again (the consumers' share of a round counts in it).
 *
 * <p>How B is made, and why it cannot happen in production: this class, and nothing in any service or its
 * configuration, disables the trigger ({@code ALTER TABLE domainevententry DISABLE TRIGGER …} and drops the
 * {@code NOT NULL} of {@code hash}), as PostgreSQL's superuser of the embedded database of the stack the benchmark
 * itself launched into a fresh temporary directory; the stack is thrown away after the run. A and B work on
 * separate projects ({@value #CHAINED}-… and {@value #UNCHAINED}-…): B's events carry no hash, so the consumers
 * park them ({@code broken hash link}) instead of applying them, and a project of A never follows one of B.
 * That is why the figures are given per process, PostgreSQL per database: the trigger's cost is in budget-service's
 * database; what the consumers do differently with B's events is not the chain's cost per command.
 */
final class ChainCostBenchmark {
    static final String CHAINED = "chain-on";
    static final String UNCHAINED = "chain-off";
    private static final String TRIGGER = "domainevententry_hash_chain";
    /** The processes a budget command passes through; the others consume its event from Kafka. */
    private static final Set<String> COMMAND_PATH = Set.of("benchmark client", "gateway", "budget-service",
            "postgres budget", "launcher+kafka");

    private ChainCostBenchmark() {
    }

    static void run(LauncherProcess stack, Api gateway, Results results, Duration round, int pairs, int concurrency)
            throws Exception {
        Workload chained = new Workload(2, 20, CHAINED);
        Workload unchained = new Workload(2, 20, UNCHAINED);
        chained.setUp(gateway);
        unchained.setUp(gateway);
        Map<Boolean, Map<String, Double>> cpu = Map.of(true, new TreeMap<>(), false, new TreeMap<>());
        Map<Boolean, AtomicLong> commands = Map.of(true, new AtomicLong(), false, new AtomicLong());
        try (Connection budget = DriverManager.getConnection(stack.jdbcUrl("budget"), "postgres", "postgres");
             Statement sql = budget.createStatement()) {
            sql.execute("ALTER TABLE domainevententry ALTER COLUMN hash DROP NOT NULL");
            try {
                for (int r = 0; r < 2 * (pairs + 1); r++) {
                    boolean withChain = (r % 2 == 0) == (r / 2 % 2 == 0);  // A B, B A, A B …
                    sql.execute("ALTER TABLE domainevententry " + (withChain ? "ENABLE" : "DISABLE") + " TRIGGER " + TRIGGER);
                    Map<String, Double> before = ProcessCpu.secondsByName(stack.pid(), stack.dataDir(), true);
                    long[] sent = load(gateway, withChain ? chained : unchained, round, concurrency);
                    awaitQuiet(stack);
                    Map<String, Double> used = ProcessCpu.difference(before,
                            ProcessCpu.secondsByName(stack.pid(), stack.dataDir(), true));
                    double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
                    System.out.printf("chain A/B round %d (%s): %d commands (%d errors), %.3f CPU ms per command, "
                                    + "load average %s%n", r + 1, withChain ? "A, trigger on" : "B, trigger off", sent[0],
                            sent[1], total * 1000 / Math.max(1, sent[0]), loadAverage());
                    if (r >= 2) {
                        used.forEach((name, seconds) -> cpu.get(withChain).merge(name, seconds, Double::sum));
                        commands.get(withChain).addAndGet(sent[0]);
                    }
                }
            } finally {
                sql.execute("ALTER TABLE domainevententry ENABLE TRIGGER " + TRIGGER);
            }
        }
        report(results, cpu, commands, pairs);
    }

    private static void report(Results results, Map<Boolean, Map<String, Double>> cpu,
                               Map<Boolean, AtomicLong> commands, int pairs) {
        double[] all = new double[2];
        double[] path = new double[2];
        for (boolean withChain : new boolean[] {true, false}) {
            int side = withChain ? 0 : 1;
            long n = Math.max(1, commands.get(withChain).get());
            String label = withChain ? "A (trigger on)" : "B (trigger off)";
            for (Map.Entry<String, Double> e : cpu.get(withChain).entrySet()) {
                double ms = e.getValue() * 1000 / n;
                all[side] += ms;
                path[side] += COMMAND_PATH.contains(e.getKey()) ? ms : 0;
                results.add("chain", "CPU ms per command, " + label + ", " + e.getKey(), ms, "ms", null, null, null);
            }
            results.add("chain", "commands measured, " + label + " (" + pairs + " rounds)", n, "", null, null, null);
            results.add("chain", "CPU ms per command, " + label + ", all processes", all[side], "ms", null, null, null);
            results.add("chain", "CPU ms per command, " + label + ", command path " + COMMAND_PATH, path[side], "ms",
                    null, null, null);
        }
        results.add("chain", "hash chain: added CPU per command on the command path, of A's whole-stack CPU",
                (path[0] - path[1]) * 100 / all[0], "%", "≤ 5", null, null);
        results.add("chain", "hash chain: added CPU per command, all processes (B's consumers park instead of applying)",
                (all[0] - all[1]) * 100 / all[0], "%", null, null, null);
    }

    /** A closed loop of {@code concurrency} clients for {@code round}: {commands answered 2xx, errors}. */
    private static long[] load(Api gateway, Workload workload, Duration round, int concurrency)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + round.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    Workload.Command command = workload.next();
                    (gateway.send("POST", command.path(), command.body()).ok() ? ok : errors).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        return new long[] {ok.get(), errors.get()};
    }

    /** A second for the round's last answers to reach the consumers, then until the stack is quiet, at most a minute. */
    private static void awaitQuiet(LauncherProcess stack) throws InterruptedException {
        Thread.sleep(1000);
        stack.awaitQuiet(Duration.ofMinutes(1));
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
