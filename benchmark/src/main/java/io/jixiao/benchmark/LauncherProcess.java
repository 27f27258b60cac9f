package io.jixiao.benchmark;

import io.jixiao.infra.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The local stack exactly as a user starts it ({@code java -jar local-stack.jar}), on free ports in a
 * temporary data directory, so that start time and resident memory are what a user gets.
 */
public final class LauncherProcess implements AutoCloseable {
    private final Process process;
    private final Path dataDir;
    private final Map<String, Integer> ports;
    private final Duration startTime;
    private final boolean cluster;
    private static final String KAFKA_ADMIN_PASSWORD = io.jixiao.infra.KafkaUsers.randomPassword();
    /** Fresh for each benchmark run; never printed. */
    private static final Map<String, String> CALLER_KEYS = Map.of(
            "budget", io.jixiao.identity.CallerKey.random(),
            "evaluation", io.jixiao.identity.CallerKey.random(),
            "disclosure", io.jixiao.identity.CallerKey.random());

    private LauncherProcess(Process process, Path dataDir, Map<String, Integer> ports, Duration startTime,
                            boolean cluster) {
        this.cluster = cluster;
        this.process = process;
        this.dataDir = dataDir;
        this.ports = ports;
        this.startTime = startTime;
    }

    public static LauncherProcess start(Path launcherJar, Path dataDir, Duration timeout) throws Exception {
        return start(launcherJar, dataDir, timeout, false);
    }

    /**
     * As {@link #start(Path, Path, Duration)}; {@code cluster}: {@code local-stack.jar --cluster} (three Kafka nodes,
     * two instances of each domain service, the gateway balancing over them).
     */
    public static LauncherProcess start(Path launcherJar, Path dataDir, Duration timeout, boolean cluster)
            throws Exception {
        Map<String, Integer> ports = pickPorts(cluster);
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", launcherJar.toString(), "--no-fixtures"));
        if (cluster) {
            command.add("--cluster");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JIXIAO_DATA", dataDir.toString());
        env.put("JIXIAO_GATEWAY_PORT", String.valueOf(ports.get("gateway")));
        env.put("JIXIAO_BUDGET_PORT", String.valueOf(ports.get("budget")));
        env.put("JIXIAO_EVALUATION_PORT", String.valueOf(ports.get("evaluation")));
        env.put("JIXIAO_DISCLOSURE_PORT", String.valueOf(ports.get("disclosure")));
        env.put("JIXIAO_PG_PORT", String.valueOf(ports.get("pg")));
        env.put("JIXIAO_KAFKA_PORT", String.valueOf(ports.get("kafka")));
        env.put("JIXIAO_KAFKA_CONTROLLER_PORT", String.valueOf(ports.get("kafka-controller")));
        env.put("JIXIAO_KAFKA_ADMIN_PASSWORD", KAFKA_ADMIN_PASSWORD);
        // the benchmark calls services directly (rebuilds, dead letters, lag): it chooses their caller keys
        for (String service : CALLER_KEYS.keySet()) {
            env.put("JIXIAO_CALLER_KEY_" + service.toUpperCase(java.util.Locale.ROOT), CALLER_KEYS.get(service));
        }
        // the load generator is one client: lift the gateway's per-client rate limit for this run
        // (as variables the gateway inherits: with --cluster its SPRING_APPLICATION_JSON lists the instances)
        env.putAll(io.jixiao.local.LocalStackProcesses.GATEWAY_WITHOUT_RATE_LIMITS);
        Files.createDirectories(dataDir);
        long started = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<Boolean> up = new CompletableFuture<>();
        Path log = dataDir.resolve("launcher.out");
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.startsWith("Jixiao is up")) {
                        up.complete(true);
                    }
                }
                up.complete(false);
            } catch (IOException e) {
                up.complete(false);
            }
        }, "launcher-output");
        pump.setDaemon(true);
        pump.start();
        boolean ready;
        try {
            ready = up.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            ready = false;
        }
        if (!ready) {
            process.destroy();
            throw new IllegalStateException("the local stack did not come up; its output: " + log + "\n"
                    + String.join("\n", tail(log, 40)));
        }
        return new LauncherProcess(process, dataDir, ports, Duration.ofNanos(System.nanoTime() - started), cluster);
    }

    /**
     * Free ports for the stack. A cluster also takes Kafka's and its controller's port + 2 and + 4 and each domain
     * service's port + 10 (the second instance; local-stack's README): those must be free and distinct too.
     */
    static Map<String, Integer> pickPorts(boolean cluster) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int[] free = FreePorts.pickDistinct(7);
            Map<String, Integer> ports = Map.of("gateway", free[0], "budget", free[1], "evaluation", free[2],
                    "disclosure", free[3], "pg", free[4], "kafka", free[5], "kafka-controller", free[6]);
            if (!cluster || derivedPortsFree(ports)) {
                return ports;
            }
        }
        throw new IllegalStateException("no free block of ports for a cluster after 100 attempts");
    }

    private static boolean derivedPortsFree(Map<String, Integer> ports) {
        List<Integer> all = clusterPorts(ports);
        return all.stream().distinct().count() == all.size()
                && all.subList(ports.size(), all.size()).stream().noneMatch(FreePorts::inUse);
    }

    /** Every port a cluster started with {@code ports} listens on: those seven, then the derived ones. */
    static List<Integer> clusterPorts(Map<String, Integer> ports) {
        List<Integer> all = new ArrayList<>(ports.values());
        for (String service : List.of("budget", "evaluation", "disclosure")) {
            all.add(ports.get(service) + 10);   // the second instance
        }
        for (String kafka : List.of("kafka", "kafka-controller")) {
            all.add(ports.get(kafka) + 2);
            all.add(ports.get(kafka) + 4);
        }
        return all;
    }

    public boolean cluster() {
        return cluster;
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.get("gateway");
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** {@code service} (budget, evaluation, disclosure) called directly, as the gateway would. */
    public Api direct(String service) {
        return Api.direct(serviceUrl(service), service + "-service", CALLER_KEYS.get(service));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + ports.get("pg") + "/" + database;
    }

    /**
     * Client properties of the stack's broker (every node of a cluster) as its admin: every client logs in (the
     * launcher's broker has ACLs).
     */
    public Map<String, Object> kafkaClient() {
        int kafka = ports.get("kafka");
        String bootstrap = cluster ? "localhost:" + kafka + ",localhost:" + (kafka + 2) + ",localhost:" + (kafka + 4)
                : "localhost:" + kafka;
        return Map.of("bootstrap.servers", bootstrap, "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                io.jixiao.infra.KafkaUsers.clientJaasConfig("admin", KAFKA_ADMIN_PASSWORD));
    }

    /**
     * A producer of the stack's broker for bulk loads of synthetic events: idempotent, all replicas, batched, string
     * keys and values (envelopes as JSON).
     */
    public Properties bulkProducer() {
        Properties p = new Properties();
        p.putAll(kafkaClient());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Duration startTime() {
        return startTime;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Whether the stack's processes (PostgreSQL's included) used under 0.3 CPU-s over the next second: its consumers
     * and event processors are done with what came before.
     */
    public boolean quietForASecond() throws InterruptedException {
        Map<String, Double> before = ProcessCpu.secondsByName(pid(), dataDir, true);
        Thread.sleep(1000);
        double used = ProcessCpu.difference(before, ProcessCpu.secondsByName(pid(), dataDir, true)).entrySet().stream()
                .filter(e -> !e.getKey().equals("benchmark client")).mapToDouble(Map.Entry::getValue).sum();
        return used < 0.3;
    }

    /** Until a {@linkplain #quietForASecond() quiet second}, for at most {@code limit}. */
    public void awaitQuiet(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!quietForASecond() && System.nanoTime() < deadline) {
            // the stack is still applying what came before
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();   // SIGTERM: the launcher stops its children, Kafka and PostgreSQL
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
