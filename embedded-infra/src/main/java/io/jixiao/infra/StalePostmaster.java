package io.jixiao.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a hard-killed owner leaves in a PostgreSQL data directory: a {@code postmaster.pid}
 * naming a process that is gone, or an orphaned postmaster that still runs on that directory
 * (pg_ctl detaches the postmaster, so it outlives a {@code kill -9} of the JVM that started it).
 */
final class StalePostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private StalePostmaster() {
    }

    /**
     * Clears a stale pid file or stops an orphaned postmaster, unless another live owner (it holds
     * zonky's {@code epg-lock}) uses the directory: then this throws.
     */
    static void clear(Path dataDirectory) {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return; // also keeps a fresh directory empty for initdb
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(ZONKY_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory);
            }
            clearUnlocked(dataDirectory);
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dataDirectory, e);
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException(dataDirectory + " is used by another running PostgreSQL owner");
    }

    private static void clearUnlocked(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.warn("Removing stale {} (process {} is gone)", pidFile, pid.get());
            deleteQuietly(pidFile);
            return;
        }
        Optional<String> command = process.get().info().command();
        if (command.isEmpty()) {
            return; // cannot tell what it is: let PostgreSQL's own interlock decide
        }
        if (Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            LOG.warn("Stopping orphaned postmaster {} on {}", pid.get(), dataDirectory);
            stopOrphan(process.get(), Path.of(command.get()), dataDirectory);
        } else {
            LOG.warn("Removing stale {} (process {} is now {})", pidFile, pid.get(), command.get());
            deleteQuietly(pidFile);
        }
    }

    private static void stopOrphan(ProcessHandle postmaster, Path postgresBinary, Path dataDirectory) {
        Path pgCtl = postgresBinary.resolveSibling("pg_ctl");
        if (Files.isExecutable(pgCtl) && runPgCtlStop(pgCtl, dataDirectory)) {
            return;
        }
        postmaster.destroyForcibly();
        try {
            postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an orphaned postmaster", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("orphaned postmaster " + postmaster.pid() + " does not stop", e);
        }
    }

    private static boolean runPgCtlStop(Path pgCtl, Path dataDirectory) {
        List<String> command = List.of(pgCtl.toString(), "-D", dataDirectory.toString(),
                "stop", "-m", "fast", "-w", "-t", Long.toString(STOP_TIMEOUT.toSeconds()));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(STOP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            LOG.warn("pg_ctl stop failed: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Removing unreadable {}", pidFile);
            deleteQuietly(pidFile);
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
