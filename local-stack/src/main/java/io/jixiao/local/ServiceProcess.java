package io.jixiao.local;

import io.jixiao.infra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One service instance run as a child JVM, its output appended to its own log file. It can be
 * started again after {@link #stop()} or {@link #kill()}.
 */
public final class ServiceProcess {

    /** How long {@link #stop()} waits after SIGTERM before it kills. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final ServiceSpec spec;
    private final Path logFile;
    private final PidFiles pidFiles;
    private volatile Process process;

    public ServiceProcess(ServiceSpec spec, Path logFile) {
        this(spec, logFile, null);
    }

    ServiceProcess(ServiceSpec spec, Path logFile, PidFiles pidFiles) {
        this.spec = spec;
        this.logFile = logFile.toAbsolutePath();
        this.pidFiles = pidFiles;
    }

    public String name() {
        return spec.name();
    }

    public ServiceSpec spec() {
        return spec;
    }

    public int port() {
        return spec.port();
    }

    /** {@code http://localhost:<port>}. */
    public String baseUrl() {
        return spec.baseUrl();
    }

    public Path logFile() {
        return logFile;
    }

    /** The pid of the running process, or of the last one if it has exited. */
    public long pid() {
        return current().pid();
    }

    public boolean isAlive() {
        Process running = process;
        return running != null && running.isAlive();
    }

    /** Completes when the current process exits. */
    public CompletableFuture<Process> onExit() {
        return current().onExit();
    }

    /** Launches the JVM and returns at once; see {@link #awaitHealthy(Duration)}. */
    public synchronized ServiceProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name() + " already runs as pid " + process.pid());
        }
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException("no jar for " + name() + " at " + spec.jar()
                    + "; build it first: ./mvnw -DskipTests package");
        }
        if (FreePorts.inUse(port())) {
            throw new IllegalStateException("port " + port() + " for " + name() + " is already in use");
        }
        LogFiles.prepare(logFile, "starting " + name() + " on port " + port());
        ProcessBuilder builder = new ProcessBuilder(spec.command(JAVA))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> environment = builder.environment();
        environment.putAll(spec.environment());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name(), e);
        }
        if (pidFiles != null) {
            pidFiles.record(name(), process.pid(), spec.jar());
        }
        return this;
    }

    /**
     * Waits until {@code GET /actuator/health} answers UP. Fails early with a
     * {@link ServiceStartException} when the process exits, or when {@code timeout} passes.
     */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process running = current();
        while (!HealthProbe.isUp(baseUrl())) {
            if (!running.isAlive()) {
                throw new ServiceStartException(this, name() + " exited with code " + running.exitValue()
                        + " before it was healthy");
            }
            if (System.nanoTime() >= deadline) {
                throw new ServiceStartException(this, name() + " was not healthy within " + timeout.toSeconds() + " s");
            }
            waitForExit(running, POLL_INTERVAL);
        }
    }

    /** SIGTERM (graceful shutdown), then after {@link #STOP_GRACE} a hard kill. */
    public synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        if (!waitForExit(running, STOP_GRACE)) {
            killHard(running);
        }
        forgetPid();
    }

    /** {@code kill -9}: no shutdown of any kind, as in a crash. */
    public synchronized void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        killHard(running);
        forgetPid();
    }

    /** {@link #stop()}, then {@link #start()}; does not wait for health. */
    public synchronized ServiceProcess restart() {
        stop();
        return start();
    }

    /** The last {@code lines} lines of this service's log. */
    public String logTail(int lines) {
        return LogFiles.tail(logFile, lines);
    }

    @Override
    public String toString() {
        return name() + " on port " + port();
    }

    private Process current() {
        Process running = process;
        if (running == null) {
            throw new IllegalStateException(name() + " was never started");
        }
        return running;
    }

    private void forgetPid() {
        if (pidFiles != null) {
            pidFiles.forget(name());
        }
    }

    private static void killHard(Process running) {
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
        waitForExit(running, STOP_GRACE);
    }

    private static boolean waitForExit(Process running, Duration timeout) {
        try {
            return running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pid " + running.pid(), e);
        }
    }
}
