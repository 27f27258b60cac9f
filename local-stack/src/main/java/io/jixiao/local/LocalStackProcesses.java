package io.jixiao.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four Jixiao services as child JVMs, started, stopped, killed and restarted by name. The
 * launcher uses it, and so can end-to-end and fault tests:
 *
 * <pre>{@code
 * try (LocalStackProcesses stack = LocalStackProcesses.builder()
 *         .homeDirectory(tempDir)                      // logs/ and run/ go here
 *         .postgres(pg.serverUrl(), "postgres", "postgres")
 *         .kafka(kafka.bootstrapServers())
 *         .build()) {
 *     stack.startAll();
 *     stack.kill(LocalStackProcesses.BUDGET);          // kill -9
 *     stack.start(LocalStackProcesses.BUDGET);         // back, and healthy
 * }
 * }</pre>
 *
 * Databases {@code budget}, {@code evaluation} and {@code disclosure} must exist on the server.
 */
public final class LocalStackProcesses implements AutoCloseable {
    /**
     * The gateway's environment for a load generator, one client sending thousands of requests a second: its rate
     * limits ({@code jixiao.limits.*}, relaxed binding) out of the way. Environment variables, not
     * {@code SPRING_APPLICATION_JSON}, which with several instances lists them.
     */
    public static final Map<String, String> GATEWAY_WITHOUT_RATE_LIMITS = Map.of(
            "JIXIAO_LIMITS_REQUESTSPERSECOND", "1000000",
            "JIXIAO_LIMITS_BURST", "1000000",
            "JIXIAO_LIMITS_FAILEDAUTHENTICATIONSPERSECOND", "1000000",
            "JIXIAO_LIMITS_FAILEDAUTHENTICATIONBURST", "1000000");


    public static final String BUDGET = "budget-service";
    public static final String EVALUATION = "evaluation-service";
    public static final String DISCLOSURE = "disclosure-service";
    public static final String GATEWAY = "gateway";
    public static final List<String> DOMAIN_SERVICES = List.of(BUDGET, EVALUATION, DISCLOSURE);
    public static final List<String> ALL_SERVICES = List.of(BUDGET, EVALUATION, DISCLOSURE, GATEWAY);
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Path logsDirectory;
    private final PidFiles pidFiles;
    private final Duration healthTimeout;
    private final Map<String, String> callerKeys;
    private volatile boolean closed;

    LocalStackProcesses(Map<String, ServiceSpec> specs, Path homeDirectory, Duration healthTimeout,
                        Map<String, String> callerKeys) {
        this.callerKeys = callerKeys;
        this.logsDirectory = homeDirectory.resolve("logs").toAbsolutePath();
        this.pidFiles = new PidFiles(homeDirectory.resolve("run").toAbsolutePath());
        this.healthTimeout = healthTimeout;
        specs.values().forEach(this::register);
    }

    /**
     * The key {@code service} checks the gateway's caller assertions with: for tools and tests that must call a
     * service directly as the gateway would (the benchmark's baselines), never printed.
     */
    public String callerKey(String service) {
        String key = callerKeys.get(service);
        if (key == null) {
            throw new IllegalArgumentException(service + " has no caller key");
        }
        return key;
    }

    /** {@code BUDGET} for budget-service: how environment variables per service end. */
    static String variableSuffix(String service) {
        return service.replace("-service", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static LocalStackProcessesBuilder builder() {
        return new LocalStackProcessesBuilder();
    }

    public synchronized ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service named " + name + "; known: " + services.keySet());
        }
        return service;
    }

    public synchronized List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    public String gatewayUrl() {
        return service(GATEWAY).baseUrl();
    }

    public Path logsDirectory() {
        return logsDirectory;
    }

    /**
     * Adds another instance (e.g. {@code service(BUDGET).spec().withName("budget-service-2").withPort(8091)})
     * with its own log and pid file; {@link #stopAll()} stops it too. Start it with {@link #start(String)}.
     */
    public synchronized ServiceProcess addInstance(ServiceSpec spec) {
        if (services.containsKey(spec.name())) {
            throw new IllegalArgumentException(spec.name() + " exists already");
        }
        return register(spec);
    }

    /** Stops children a hard-killed earlier run left behind (recorded in {@code run/}). */
    public List<String> stopOrphans() {
        return pidFiles.stopOrphans();
    }

    /** Every domain service instance in parallel, then the gateway, each awaited until healthy. */
    public void startAll() {
        Map<String, Runnable> starts = new LinkedHashMap<>();
        services().stream().map(ServiceProcess::name).filter(name -> !name.equals(GATEWAY))
                .forEach(name -> starts.put("start-" + name, () -> start(name)));
        Parallel.run(starts);
        start(GATEWAY);
    }

    /** Starts {@code name} and waits until it is healthy. */
    public ServiceProcess start(String name) {
        ServiceProcess service = service(name);
        synchronized (service) { // close() sets the flag before it stops each service under this lock
            if (closed) {
                throw new IllegalStateException("the stack is stopping");
            }
            service.start();
        }
        service.awaitHealthy(healthTimeout);
        return service;
    }

    /** Graceful stop: SIGTERM, then a hard kill after {@link ServiceProcess#STOP_GRACE}. */
    public void stop(String name) {
        service(name).stop();
    }

    /** {@code kill -9}. */
    public void kill(String name) {
        service(name).kill();
    }

    /** Stops {@code name}, starts it again and waits until it is healthy. */
    public ServiceProcess restart(String name) {
        stop(name);
        return start(name);
    }

    /** The gateway first, then every other instance in parallel. */
    public void stopAll() {
        service(GATEWAY).stop();
        Map<String, Runnable> stops = new LinkedHashMap<>();
        services().forEach(service -> stops.put("stop-" + service.name(), service::stop));
        Parallel.run(stops);
    }

    /** Refuses further starts and stops every child. */
    @Override
    public void close() {
        closed = true;
        stopAll();
    }

    private ServiceProcess register(ServiceSpec spec) {
        ServiceProcess service = new ServiceProcess(spec, logsDirectory.resolve(spec.name() + ".log"), pidFiles);
        services.put(spec.name(), service);
        return service;
    }
}
