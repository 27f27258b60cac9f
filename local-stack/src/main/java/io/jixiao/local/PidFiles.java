package io.jixiao.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records each running child in {@code <run dir>/<name>.pid} (its pid and jar), so that children
 * orphaned by a hard kill of the launcher can be stopped by the next launcher.
 */
final class PidFiles {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path directory;

    PidFiles(Path directory) {
        this.directory = directory;
    }

    void record(String name, long pid, Path jar) {
        try {
            Files.createDirectories(directory);
            Files.write(file(name), List.of(Long.toString(pid), jar.toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file of " + name, e);
        }
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the pid file of " + name, e);
        }
    }

    /** Stops every recorded process that still runs its recorded jar; returns their names. */
    List<String> stopOrphans() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> stopped = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                orphan(file).ifPresent(process -> {
                    stop(process);
                    stopped.add(name + " (pid " + process.pid() + ")");
                });
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pid files in " + directory, e);
        }
        return stopped;
    }

    private Path file(String name) {
        return directory.resolve(name + ".pid");
    }

    private static Optional<ProcessHandle> orphan(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() < 2 || !lines.get(0).matches("\\d+")) {
            return Optional.empty();
        }
        String jar = lines.get(1);
        return ProcessHandle.of(Long.parseLong(lines.get(0)))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(jar));
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        if (!exitedWithin(process, STOP_GRACE)) {
            process.destroyForcibly();
            exitedWithin(process, STOP_GRACE);
        }
    }

    static boolean exitedWithin(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
