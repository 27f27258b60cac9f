package io.jixiao.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/** The child processes' log files: rotation, start markers and tails. */
final class LogFiles {

    private static final long ROTATE_AT_BYTES = 20L * 1024 * 1024;
    private static final long TAIL_WINDOW_BYTES = 256L * 1024;
    private static final String MARKER = "===== ";

    private LogFiles() {
    }

    /** Moves a log larger than 20 MiB to {@code <name>.1}, then appends a line saying what starts. */
    static void prepare(Path logFile, String startLine) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            if (Files.exists(logFile) && Files.size(logFile) > ROTATE_AT_BYTES) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(logFile, MARKER + Instant.now() + " " + startLine + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare log file " + logFile, e);
        }
    }

    /**
     * The last {@code lines} lines of {@code logFile} written since the last start marker (read from
     * its last 256 KiB), or a note that it is missing.
     */
    static String tail(Path logFile, int lines) {
        if (!Files.isRegularFile(logFile)) {
            return "(no log file at " + logFile + ")";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            long start = Math.max(0, channel.size() - TAIL_WINDOW_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the window is full
            }
            List<String> all = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).lines().toList();
            int lastStart = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).startsWith(MARKER)) {
                    lastStart = i;
                }
            }
            int from = Math.max(lastStart, all.size() - lines);
            return String.join(System.lineSeparator(), all.subList(from, all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
