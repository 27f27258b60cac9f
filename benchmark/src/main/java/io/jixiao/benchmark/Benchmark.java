package io.jixiao.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.fixtures.LocalTokens;
import io.jixiao.infra.Directories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code java -jar benchmark/target/benchmark.jar [--smoke] [--out FILE] [--cluster]}: starts the local stack (with
 * {@code --cluster} as {@code local-stack --cluster}) and prints every performance figure next to its target and its
 * raw baseline, then writes them as JSON.
 */
public final class Benchmark {
    /** As the services write events: dates and instants as ISO-8601 text (evaluation-service parks an array date). */
    private static final byte[] PRODUCER = Topics.BUDGET_SERVICE.getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** How big each measurement is. */
    public record Sizes(Duration slice, int[] concurrency, Duration level, int kafkaRecords, int rebuildEvents,
                        int historyEvents, int reportEvents, int districts, int projectsPerDistrict) {
        /** Lines per bulk import file. */
        public int importLines() {
            return kafkaRecords >= 100_000 ? 1000 : 50;
        }

        /** The generated district that the fixture loader loads, and how often. */
        public DistrictLoadBenchmark.Shape district() {
            return kafkaRecords >= 100_000 ? DistrictLoadBenchmark.Shape.FULL : DistrictLoadBenchmark.Shape.SMOKE;
        }

        public static Sizes full() {
            return new Sizes(Duration.ofSeconds(5), new int[] {4, 8, 16, 32, 64}, Duration.ofSeconds(15), 200_000,
                    1_000_000, 10_000, 100_000, 5, 40);
        }

        public Sizes withRebuildEvents(int events) {
            return new Sizes(slice, concurrency, level, kafkaRecords, events, historyEvents, Math.min(reportEvents, events),
                    districts, projectsPerDistrict);
        }

        public Sizes withConcurrency(int[] levels) {
            return new Sizes(slice, levels, level, kafkaRecords, rebuildEvents, historyEvents, reportEvents,
                    districts, projectsPerDistrict);
        }

        public Sizes withLevel(Duration perLevel) {
            return new Sizes(slice, concurrency, perLevel, kafkaRecords, rebuildEvents, historyEvents, reportEvents,
                    districts, projectsPerDistrict);
        }

        public static Sizes smoke() {
            return new Sizes(Duration.ofMillis(300), new int[] {2, 4}, Duration.ofSeconds(1), 2_000, 2_000, 100, 500,
                    2, 3);
        }
    }

    /** The parts of a run; {@code --only} picks some of them (while profiling one path). */
    public enum Part { DISTRICT, BASELINES, COMMANDS, LAG, BULK, HISTORY, REPORT, REBUILD, OVERVIEW, CHAIN }

    /** The workbench overview's size (only with {@code --only …,overview}): generated districts × projects. */
    private int overviewDistricts = 100;
    private int overviewProjects = 300;
    /** The hash chain's A/B (only with {@code --only …,chain}): measured pairs of rounds after one to warm up. */
    private int chainPairs = 4;

    /** {@code --cluster}: the stack as {@code local-stack --cluster}. */
    private boolean cluster;
    private final Sizes sizes;
    private final java.util.Set<Part> parts;
    private final Results results = new Results();

    public Benchmark(Sizes sizes) {
        this(sizes, java.util.EnumSet.allOf(Part.class));
    }

    public Benchmark(Sizes sizes, java.util.Set<Part> parts) {
        this.sizes = sizes;
        this.parts = java.util.EnumSet.copyOf(parts);
    }

    /** The same run against {@code local-stack --cluster}. */
    public Benchmark onCluster() {
        this.cluster = true;
        return this;
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        Path out = Path.of("benchmark/target/benchmark-results.json");
        Sizes sizes = smoke ? Sizes.smoke() : Sizes.full();
        java.util.Set<Part> parts = java.util.EnumSet.complementOf(java.util.EnumSet.of(Part.OVERVIEW, Part.CHAIN));
        int overviewDistricts = 100;
        int overviewProjects = 300;
        boolean cluster = false;
        int chainPairs = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--rebuild-events" -> sizes = sizes.withRebuildEvents(Integer.parseInt(args[++i]));
                case "--level-seconds" -> sizes = sizes.withLevel(Duration.ofSeconds(Long.parseLong(args[++i])));
                case "--concurrency" -> sizes = sizes.withConcurrency(java.util.Arrays.stream(args[++i].split(","))
                        .mapToInt(Integer::parseInt).toArray());
                case "--only" -> {
                    parts = java.util.EnumSet.noneOf(Part.class);
                    for (String part : args[++i].split(",")) {
                        parts.add(Part.valueOf(part.trim().toUpperCase(java.util.Locale.ROOT)));
                    }
                }
                case "--overview-districts" -> overviewDistricts = Integer.parseInt(args[++i]);
                case "--overview-projects" -> overviewProjects = Integer.parseInt(args[++i]);
                case "--chain-pairs" -> chainPairs = Integer.parseInt(args[++i]);
                case "--smoke" -> { }
                case "--cluster" -> cluster = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; known: --smoke, --out F, --rebuild-events N, --level-seconds S, --concurrency 4,16,"
                        + " --only district,baselines,commands,lag,bulk,history,report,rebuild,overview,chain, --chain-pairs N,"
                        + " --overview-districts N, --overview-projects M, --cluster");
            }
        }
        Results results;
        try {
            Benchmark benchmark = new Benchmark(sizes, parts);
            benchmark.overviewDistricts = overviewDistricts;
            benchmark.overviewProjects = overviewProjects;
            if (cluster) {
                benchmark.onCluster();
            }
            benchmark.chainPairs = chainPairs;
            results = benchmark.run(locateLauncher());
        } catch (Exception | Error e) {
            // the stack is already stopped; HTTP and Kafka client threads would keep the JVM alive
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println();
        System.out.print(results.table());
        results.writeJson(out);
        System.out.println("written: " + out.toAbsolutePath());
        System.exit(0);
    }

    static Path locateLauncher() {
        for (Path candidate : List.of(Path.of("local-stack/target/local-stack.jar"),
                Path.of("../local-stack/target/local-stack.jar"))) {
            if (Files.exists(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("local-stack/target/local-stack.jar not found: build with ./mvnw -DskipTests package");
    }

    public Results run(Path launcherJar) throws Exception {
        results.context("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + ProcessMemory.residentMib(ProcessHandle.current().pid()) + " MiB benchmark JVM resident at start");
        results.context("java", System.getProperty("java.version"));
        results.context("started", Instant.now().toString());
        results.context("sizes", sizes.toString());
        results.context("topology", cluster ? "cluster: 3 Kafka nodes, 2 instances per service, gateway balancing"
                : "single node: 1 Kafka broker, 1 instance per service");
        results.context("load average at start", loadAverage());
        Path data = Files.createTempDirectory("jixiao-bench");
        System.out.println("starting the local stack" + (cluster ? " --cluster" : "") + " (data in " + data + ")");
        try (LauncherProcess stack = LauncherProcess.start(launcherJar, data,
                Duration.parse(System.getProperty("jixiao.e2e.health-timeout", "PT20M")), cluster)) {
            results.add("start", "ready (launch to 'Jixiao is up')", stack.startTime().toMillis() / 1000.0, "s",
                    "≤ 60 s warm", null, null);
            memory(stack, "idle");
            idleCpu(stack);
            String token = LocalTokens.mint(stack.dataDir(), "benchmark", List.of("FINANCE", "INTEGRATION", "AUDITOR",
                    "DASHBOARD"), List.of("*"));
            Api gateway = Api.gateway(stack.gatewayUrl(), token);
            Api disclosure = stack.direct("disclosure");

            if (parts.contains(Part.DISTRICT)) {
                // first, while the stack is as fresh as a user's
                DistrictLoadBenchmark.run(stack, gateway, results, sizes.district());
            }
            double[] kafka = parts.contains(Part.BASELINES) ? baselines(stack) : new double[] {0, 0};
            Workload workload = new Workload(sizes.districts(), sizes.projectsPerDistrict(), "p");
            if (parts.contains(Part.COMMANDS) || parts.contains(Part.LAG) || parts.contains(Part.BULK)) {
                workload.setUp(gateway);
            }
            double saturated = parts.contains(Part.COMMANDS) ? throughput(stack, gateway, workload) : 1000;
            if (parts.contains(Part.LAG)) {
                lag(gateway, disclosure, workload, saturated * 0.5, "50%");
                lag(gateway, disclosure, workload, saturated * 0.9, "90%");
            }
            if (parts.contains(Part.BULK)) {
                bulk(stack, gateway, disclosure, workload);
            }
            if (parts.contains(Part.HISTORY)) {
                history(gateway);
            }
            if (parts.contains(Part.REPORT)) {
                reportAsOf(stack, gateway);
            }
            if (parts.contains(Part.REBUILD)) {
                rebuild(stack, kafka[1]);
            }
            if (parts.contains(Part.OVERVIEW)) {
                OverviewBenchmark.run(stack, gateway, results, overviewDistricts, overviewProjects);
            }
            if (parts.contains(Part.CHAIN)) {
                ChainCostBenchmark.run(stack, gateway, results, sizes.level(), chainPairs, sizes.concurrency()[0]);
            }
            requireNothingParked(stack);
            results.context("load average at end", loadAverage());
        }
        // a failed run keeps its data and logs for a look; a passed one leaves nothing behind
        Directories.deleteRecursively(data);
        return results;
    }

    /** /proc/loadavg's 1, 5 and 15 minute figures: the machine is shared, figures are read beside it. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** What the stack burns doing nothing: its consumers' polling, the event processors, housekeeping. */
    private void idleCpu(LauncherProcess stack) throws InterruptedException {
        Map<String, Double> before = ProcessCpu.secondsByName(stack.pid(), stack.dataDir());
        long t0 = System.nanoTime();
        Thread.sleep(sizes.slice().toMillis());
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> used = ProcessCpu.difference(before, ProcessCpu.secondsByName(stack.pid(), stack.dataDir()));
        used.remove("benchmark client");
        results.add("cpu", "whole stack CPU while idle (of " + Runtime.getRuntime().availableProcessors() + " cores)",
                used.values().stream().mapToDouble(Double::doubleValue).sum() / seconds, "cores", null, null, null);
    }

    private double[] baselines(LauncherProcess stack) throws Exception {
        RawBaselines raw = new RawBaselines(sizes.slice());
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("postgres"), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE bench");
        }
        String url = stack.jdbcUrl("bench");
        for (int clients : new int[] {1, 4, 16}) {
            results.add("raw", "PostgreSQL single-row INSERT commits/s, " + clients + " client(s)",
                    raw.postgresCommitsPerSecond(url, "postgres", "postgres", clients), "/s", null, null, null);
        }
        results.add("raw", "PostgreSQL 50-row batched INSERTs/s (1 client)",
                raw.postgresBatchesPerSecond(url, "postgres", "postgres"), "/s", null, null, null);
        double[] kafka = raw.kafkaRecordsPerSecond(stack.kafkaClient(), sizes.kafkaRecords());
        results.add("raw", "Kafka produce records/s (500 B, acks=all)", kafka[0], "/s", null, null, null);
        results.add("raw", "Kafka consume records/s (500 B)", kafka[1], "/s", null, null, null);
        return kafka;
    }

    /** Closed loop at rising concurrency; returns the highest sustained commands/s. */
    private double throughput(LauncherProcess stack, Api gateway, Workload workload) throws Exception {
        double best = 0;
        java.util.Map<String, Double> bestCpu = java.util.Map.of();
        long bestCommands = 0;
        double singleClientCommits = results.figures().stream()
                .filter(f -> f.name().contains("single-row") && f.name().contains(" 16 ")).mapToDouble(Results.Figure::value)
                .findFirst().orElse(0);
        for (int concurrency : sizes.concurrency()) {
            Latencies latencies = new Latencies();
            AtomicLong errors = new AtomicLong();
            java.util.Map<String, AtomicLong> errorKinds = new java.util.concurrent.ConcurrentSkipListMap<>();
            long start = System.nanoTime();
            long end = start + sizes.level().toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            AtomicBoolean sampling = new AtomicBoolean(true);
            double[] peakMemory = {0};
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    peakMemory[0] = Math.max(peakMemory[0], ProcessMemory.residentTree(stack.pid(), stack.dataDir()).values().stream()
                            .mapToDouble(Double::doubleValue).sum());
                    pause(500);
                }
            });
            sampler.start();
            java.util.Map<String, Double> cpuBefore = ProcessCpu.secondsByName(stack.pid(), stack.dataDir());
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    do {   // at least one command per client, even when the machine starts its thread late
                        Workload.Command command = workload.next();
                        long t0 = System.nanoTime();
                        Api.Answer answer = gateway.send("POST", command.path(), command.body());
                        if (answer.ok()) {
                            latencies.record(System.nanoTime() - t0);
                        } else {
                            errors.incrementAndGet();
                            errorKinds.computeIfAbsent(answer.kind(), k -> new AtomicLong()).incrementAndGet();
                        }
                    } while (System.nanoTime() < end);
                });
            }
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
            sampling.set(false);
            sampler.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = latencies.count() / seconds;
            java.util.Map<String, Double> cpu = ProcessCpu.difference(cpuBefore,
                    ProcessCpu.secondsByName(stack.pid(), stack.dataDir()));
            if (rate > best) {
                best = Math.max(best, rate);
                bestCpu = cpu;
                bestCommands = latencies.count();
            }
            String level = "concurrency " + concurrency;
            results.add("cpu", "CPU ms per command, whole stack + client, " + level,
                    cpu.values().stream().mapToDouble(Double::doubleValue).sum() * 1000 / Math.max(1, latencies.count()),
                    "ms", null, null, null);
            String kinds = errorKinds.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue().get())
                    .collect(java.util.stream.Collectors.joining(", "));
            results.add("commands", "gateway commands/s, " + level + " (errors " + errors.get()
                    + (kinds.isEmpty() ? "" : ": " + kinds) + ")", rate, "/s",
                    "≥ 1500", singleClientCommits, null);
            results.add("commands", "p50 latency, " + level, latencies.percentileMillis(50), "ms", null, null, null);
            results.add("commands", "p95 latency, " + level, latencies.percentileMillis(95), "ms", null, null, null);
            results.add("commands", "p99 latency, " + level, latencies.percentileMillis(99), "ms", "≤ 100 @1000/s",
                    null, null);
            results.add("memory", "whole stack resident under load, " + level, peakMemory[0], "MiB", "≤ 2560", null, null);
        }
        results.add("commands", "saturated throughput (best level)", best, "/s", "≥ 1500", null, null);
        long commands = Math.max(1, bestCommands);
        bestCpu.forEach((name, cpuSeconds) -> results.add("cpu", "CPU ms per command at the best level, " + name,
                cpuSeconds * 1000 / commands, "ms", null, null, null));
        return best;
    }

    /**
     * The integrator's way: the same mix as bulk imports of {@link Sizes#importLines()} lines through the gateway,
     * by two clients for one level; lines applied per second, the latency of a file, the CPU per line of each
     * process, and the lag from a file's answer until its last line is in the disclosure read model.
     */
    private void bulk(LauncherProcess stack, Api gateway, Api disclosure, Workload workload) throws Exception {
        int clients = 2;
        int linesPerFile = sizes.importLines();
        Latencies files = new Latencies();
        Latencies lag = new Latencies();
        AtomicLong applied = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong fileNumber = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        ExecutorService checkers = Executors.newFixedThreadPool(2);
        String run = UUID.randomUUID().toString().substring(0, 8);
        java.util.Map<String, Double> cpuBefore = ProcessCpu.secondsByName(stack.pid(), stack.dataDir());
        long start = System.nanoTime();
        long end = start + sizes.level().toNanos();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long file = fileNumber.incrementAndGet();
                    StringBuilder body = new StringBuilder(linesPerFile * 160);
                    for (int i = 0; i < linesPerFile; i++) {
                        body.append(workload.nextImportLine("bulk-" + run + "-" + file + "-" + i)).append('\n');
                    }
                    long t0 = System.nanoTime();
                    Api.Answer answer = gateway.send("POST", "/api/budget/imports", body.toString(),
                            "application/x-ndjson");
                    long answered = System.nanoTime();
                    if (!answer.ok() || answer.body() == null) {
                        refused.addAndGet(linesPerFile);
                        continue;
                    }
                    files.record(answered - t0);
                    applied.addAndGet(answer.body().path("applied").asLong());
                    refused.addAndGet(answer.body().path("rejected").asLong());
                    com.fasterxml.jackson.databind.JsonNode last = answer.body().path("results").path(linesPerFile - 1);
                    String path = "/api/reports/districts/" + last.path("district").asText() + "/years/" + Workload.YEAR
                            + "/projects/" + last.path("target").asText().replaceFirst("^.*:", "");  // project:{d}:{id}
                    long sequence = last.path("sequence").asLong();
                    checkers.submit(() -> awaitSequence(disclosure, path, sequence, answered, lag));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        checkers.shutdown();
        checkers.awaitTermination(5, TimeUnit.MINUTES);
        java.util.Map<String, Double> cpu = ProcessCpu.difference(cpuBefore,
                ProcessCpu.secondsByName(stack.pid(), stack.dataDir()));
        double rate = applied.get() / seconds;
        String label = "bulk imports of " + linesPerFile + " lines, " + clients + " clients";
        results.add("bulk", "lines applied/s, " + label + " (lines refused " + refused.get() + ")", rate, "/s",
                "≥ 1500", null, null);
        results.add("bulk", "file latency p50, " + label, files.percentileMillis(50), "ms", null, null, null);
        results.add("bulk", "file latency p99, " + label, files.percentileMillis(99), "ms", null, null, null);
        results.add("bulk", "projection lag of a file's last line p50 (" + lag.count() + " files)",
                lag.percentileMillis(50), "ms", null, null, null);
        results.add("bulk", "projection lag of a file's last line p99", lag.percentileMillis(99), "ms", "≤ 500", null,
                null);
        long lines = Math.max(1, applied.get());
        cpu.forEach((name, cpuSeconds) -> results.add("cpu", "CPU ms per bulk line, " + name, cpuSeconds * 1000 / lines,
                "ms", null, null, null));
    }

    /** Open loop at a fixed rate; samples acknowledged commands and waits until the disclosure read model shows them. */
    private void lag(Api gateway, Api disclosure, Workload workload, double rate, String label) throws Exception {
        Latencies lag = new Latencies();
        Latencies latency = new Latencies();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        ExecutorService checkers = Executors.newFixedThreadPool(8);
        long intervalNanos = (long) (1e9 / Math.max(1, rate));
        long start = System.nanoTime();
        long end = start + sizes.level().toNanos();
        long sent = 0;
        for (long next = start; next < end; next += intervalNanos) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean sample = sent++ % 20 == 0;
            senders.submit(() -> {
                Workload.Command command = workload.next();
                long t0 = System.nanoTime();
                Api.Answer answer = gateway.send("POST", command.path(), command.body());
                long acked = System.nanoTime();
                if (!answer.ok()) {
                    return;
                }
                latency.record(acked - t0);
                if (sample && answer.body() != null) {
                    long sequence = answer.body().path("sequence").asLong();
                    String path = "/api/reports/districts/" + command.target().district() + "/years/"
                            + Workload.YEAR + "/projects/" + command.target().projectId();
                    checkers.submit(() -> awaitSequence(disclosure, path, sequence, acked, lag));
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        checkers.shutdown();
        checkers.awaitTermination(5, TimeUnit.MINUTES);
        double achieved = sent / ((System.nanoTime() - start) / 1e9);
        results.add("lag", "offered commands/s at " + label + " of saturation", achieved, "/s", null, null, null);
        results.add("lag", "command p99 latency at " + label, latency.percentileMillis(99), "ms", "≤ 100 @1000/s", null,
                null);
        results.add("lag", "projection lag p50 at " + label + " (" + lag.count() + " samples)", lag.percentileMillis(50),
                "ms", null, null, null);
        results.add("lag", "projection lag p99 at " + label, lag.percentileMillis(99), "ms", "≤ 500 @1000/s", null, null);
    }

    /** One project with many events: the auditor's history of it. */
    private void history(Api gateway) throws Exception {
        Workload one = new Workload(1, 1, "history-" + UUID.randomUUID().toString().substring(0, 6));
        one.setUp(gateway);
        Workload.Target target = one.targets().get(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int n = sizes.historyEvents();
        for (int i = 0; i < n - 2; i++) {
            pool.submit(() -> gateway.send("POST", target.path() + "/expenditures",
                    "{\"amount\":\"0.01\",\"date\":\"" + Workload.YEAR + "-05-01\"}"));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        long c0 = System.nanoTime();
        // the whole history, page after page (Link rel="next"), with the largest page the service allows
        String history = target.path() + "/history?limit=5000";
        List<byte[]> pages = gateway.fetchAllPages(history);
        results.add("auditor", "project history, first request after writing (cold: JIT, caches)",
                (System.nanoTime() - c0) / 1e6, "ms", null, null, null);
        gateway.fetchAllPages(history);
        Latencies times = new Latencies();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            pages = gateway.fetchAllPages(history);
            times.record(System.nanoTime() - t0);
        }
        int events = Api.parse(pages.get(0)).path("eventCount").asInt();
        long bytes = pages.stream().mapToLong(page -> page.length).sum();
        results.add("auditor", "project history, " + events + " events in " + pages.size() + " page(s), " + bytes / 1024
                + " KiB, to the last byte (median of 5 after 2)", times.percentileMillis(50), "ms", "≤ 300", null, null);
        long t0 = System.nanoTime();
        gateway.require("POST", target.path() + "/expenditures", "{\"amount\":\"0.01\",\"date\":\"" + Workload.YEAR + "-05-02\"}");
        results.add("auditor", "a command on that project (snapshot load)", (System.nanoTime() - t0) / 1e6, "ms", null,
                null, null);
    }

    /**
     * A district with many events on the journal: the report as of a past date. The synthetic events happened two
     * days ago; {@code asOf} is yesterday, a date of the bureau's zone (its end, Asia/Shanghai), so every event
     * counts whatever the machine's zone and hour; the answer must list every synthetic project.
     */
    private void reportAsOf(LauncherProcess stack, Api gateway) throws Exception {
        String district = "998001";
        produceSynthetic(stack, district, sizes.reportEvents());
        // the journal, not just the timeline, must have every event (a project's last sequence in the timeline
        // once showed while the journal still lagged: 977 of 1,000 projects)
        TopicSize.awaitCaughtUp(stack.kafkaClient(), List.of(Topics.BUDGET_EVENTS, Topics.EVALUATION_EVENTS),
                Duration.ofMinutes(15));
        Latencies times = new Latencies();
        String asOf = io.jixiao.events.BureauTime.today().minusDays(1).toString();
        int projects = (sizes.reportEvents() + 99) / 100;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Api.Answer report = gateway.require("GET", "/api/reports/districts/" + district + "/years/" + Workload.YEAR
                    + "?asOf=" + asOf, null);
            times.record(System.nanoTime() - t0);
            int listed = report.body().at("/projects/items").size();
            if (listed != projects) {
                throw new IllegalStateException("the report asOf " + asOf + " lists " + listed + " projects, not "
                        + projects + ": it did not read the synthetic events");
            }
        }
        results.add("auditor", "district report asOf a date over " + sizes.reportEvents() + " events (median of 3)",
                times.percentileMillis(50) / 1000.0, "s", "≤ 3", null, null);
    }

    /**
     * Every Kafka projection of the suite rebuilt from the start of the topics at once: disclosure-service's
     * journal and timeline, evaluation-service's copy of the money and budget-service's inbox of results, each
     * service through its own admin endpoint, which answers when its projections have caught up. Before it,
     * every projection has caught up with the synthetic events, so the rebuild has the machine to itself.
     */
    private void rebuild(LauncherProcess stack, double kafkaConsume) throws Exception {
        int more = Math.max(0, sizes.rebuildEvents() - sizes.reportEvents());
        produceSynthetic(stack, "998002", more);
        List<String> topics = List.of(Topics.BUDGET_EVENTS, Topics.EVALUATION_EVENTS);
        TopicSize.awaitCaughtUp(stack.kafkaClient(), topics, Duration.ofMinutes(20));
        long total = TopicSize.events(stack.kafkaClient(), topics);
        Map<String, Double> cpuBefore = ProcessCpu.secondsByName(stack.pid(), stack.dataDir());
        long t0 = System.nanoTime();
        Map<String, CompletableFuture<Double>> byService = new LinkedHashMap<>();
        for (String service : List.of("disclosure", "evaluation", "budget")) {
            Api api = stack.direct(service);
            byService.put(service, CompletableFuture.supplyAsync(() -> {
                api.require("POST", "/api/" + service + "/admin/projections/rebuild", null);
                return (System.nanoTime() - t0) / 1e9;
            }));
        }
        CompletableFuture.allOf(byService.values().toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> cpu = ProcessCpu.difference(cpuBefore, ProcessCpu.secondsByName(stack.pid(), stack.dataDir()));
        results.add("rebuild", "rebuild of every projection (all services at once), " + total + " events",
                total / seconds, "events/s", "≥ 20000", kafkaConsume, null);
        for (Map.Entry<String, CompletableFuture<Double>> e : byService.entrySet()) {
            results.add("rebuild", e.getKey() + "-service's projections caught up after", e.getValue().get(), "s",
                    null, null, null);
        }
        cpu.forEach((process, cpuSeconds) -> results.add("cpu", "CPU µs per event of the rebuild, " + process,
                cpuSeconds * 1e6 / total, "µs", null, null, null));
        results.add("cpu", "cores busy during the rebuild (of " + Runtime.getRuntime().availableProcessors() + ")",
                cpu.values().stream().mapToDouble(Double::doubleValue).sum() / seconds, "cores", null, null, null);
        memory(stack, "after rebuild");
    }

    /**
     * Figures over events a projection refused are no figures: every service's dead letters must be empty (a
     * malformed synthetic event once went unnoticed this way, parked one by one by evaluation-service).
     */
    private void requireNothingParked(LauncherProcess stack) {
        long parked = 0;
        for (String service : List.of("budget", "evaluation", "disclosure")) {
            long count = 0;
            for (byte[] page : stack.direct(service)
                    .fetchAllPages("/api/" + service + "/admin/dead-letters?status=PARKED&limit=5000")) {
                for (com.fasterxml.jackson.databind.JsonNode parkedEvent : Api.parse(page)) {
                    // the chain A/B's events stored without a hash are parked on purpose (ChainCostBenchmark)
                    count += parkedEvent.toString().contains(ChainCostBenchmark.UNCHAINED + "-") ? 0 : 1;
                }
            }
            results.add("check", "events parked by " + service + "-service's projections", count, "", "0", null, null);
            parked += count;
        }
        if (parked > 0) {
            throw new IllegalStateException(parked + " events were parked by the projections: the figures are void");
        }
    }

    /** Produces {@code count} budget envelopes for one district straight to Kafka (projects of 100 events each). */
    private String produceSynthetic(LauncherProcess stack, String district, int count) throws Exception {
        Properties p = stack.bulkProducer();
        String lastProject = null;
        LocalDate day = LocalDate.of(Workload.YEAR, 3, 1);
        Instant occurred = Instant.now().minus(Duration.ofDays(2));   // the past: see reportAsOf
        EventMetadata meta = new EventMetadata(district, "benchmark", "bench", "bench", null);
        io.jixiao.events.EventLinks.Chain links = new io.jixiao.events.EventLinks.Chain();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            int project = 0;
            for (int i = 0; i < count; project++) {
                String projectId = "s" + project;
                String key = district + ":" + projectId;
                int events = Math.min(100, count - i);
                for (int seq = 0; seq < events; seq++, i++) {
                    Record payload = seq == 0
                            ? new ProjectRegistered(district, projectId, "bench", "合成项目", ProjectCategory.SPECIAL_FUND,
                            Workload.YEAR, 1)
                            : seq == 1 ? new BudgetAppropriated(district, projectId, 1_000_000_00L,
                            FundSource.GENERAL_PUBLIC_BUDGET, null, day)
                            : new ExpenditureRecorded(district, projectId, 100, day);
                    // linked as budget-service links its events: projections park events without a valid link
                    EventEnvelope envelope = links.link(new EventEnvelope(UUID.randomUUID().toString(),
                            payload.getClass().getSimpleName(), "Project", key, seq, occurred.plusMillis(i), meta,
                            JSON.valueToTree(payload)));
                    ProducerRecord<String, String> record = new ProducerRecord<>(Topics.BUDGET_EVENTS, key,
                            JSON.writeValueAsString(envelope));
                    // as budget-service stamps its records: consumers park records without their owner's name
                    record.headers().add(Topics.PRODUCER_HEADER, PRODUCER);
                    producer.send(record);
                }
                lastProject = projectId + "@" + (events - 1);
            }
        }
        return lastProject;
    }

    private void memory(LauncherProcess stack, String when) {
        Map<String, Double> tree = ProcessMemory.residentTree(stack.pid(), stack.dataDir());
        double postgres = 0;
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (Map.Entry<String, Double> e : tree.entrySet()) {
            if (e.getKey().startsWith("postgres")) {
                postgres += e.getValue();
            } else {
                String name = e.getKey().replaceAll(" \\(\\d+\\)", "");
                int instance = seen.merge(name, 1, Integer::sum);   // a cluster's second instance: "… #2"
                results.add("memory", name + (instance > 1 ? " #" + instance : "") + " resident, " + when,
                        e.getValue(), "MiB", null, null, null);
            }
        }
        results.add("memory", "postgres (all processes) resident, " + when, postgres, "MiB", null, null, null);
        results.add("memory", "whole stack resident, " + when,
                tree.values().stream().mapToDouble(Double::doubleValue).sum(), "MiB", "≤ 2560", null, null);
    }

    /**
     * Polls a project in disclosure-service's read model until its last sequence reaches {@code sequence} and
     * records the time since {@code sinceNanos} (for at most 60 s; a sample that never shows is not recorded).
     */
    private static void awaitSequence(Api disclosure, String path, long sequence, long sinceNanos, Latencies lag) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Api.Answer seen = disclosure.send("GET", path, null);
            if (seen.ok() && seen.body().path("lastSequence").asLong(-1) >= sequence) {
                lag.record(System.nanoTime() - sinceNanos);
                return;
            }
            pause(5);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
