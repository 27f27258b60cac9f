package io.jixiao.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/** Formats a KRaft log directory once; a formatted directory (it has meta.properties) is left as it is. */
final class KafkaStorage {

    private KafkaStorage() {
    }

    static boolean isFormatted(Path logDirectory) {
        return Files.isRegularFile(logDirectory.resolve("meta.properties"));
    }

    static void formatIfNeeded(Path logDirectory, Properties brokerSettings) {
        formatIfNeeded(logDirectory, brokerSettings, Uuid.randomUuid().toString());
    }

    /**
     * The cluster id of the first formatted directory of {@code logDirectories} (the nodes of one cluster), or a
     * new one: a node formatted later joins the cluster of the others.
     */
    static String clusterId(java.util.List<Path> logDirectories) {
        for (Path directory : logDirectories) {
            if (isFormatted(directory)) {
                Properties meta = new Properties();
                try (java.io.InputStream in = Files.newInputStream(directory.resolve("meta.properties"))) {
                    meta.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + directory.resolve("meta.properties"), e);
                }
                return meta.getProperty("cluster.id");
            }
        }
        return Uuid.randomUuid().toString();
    }

    /** Formats {@code logDirectory} for cluster {@code clusterId} unless it is formatted. */
    static void formatIfNeeded(Path logDirectory, Properties brokerSettings, String clusterId) {
        if (isFormatted(logDirectory)) {
            return;
        }
        Path configFile = writeTemporaryConfig(brokerSettings);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] arguments = {"format", "--config", configFile.toString(),
            "--cluster-id", clusterId};
        int exitCode;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(arguments, printStream);
        } catch (Exception e) { // Scala code: TerseFailure is a checked exception thrown undeclared
            throw new IllegalStateException(failure(logDirectory, output), e);
        } finally {
            deleteQuietly(configFile);
        }
        if (exitCode != 0) {
            throw new IllegalStateException(failure(logDirectory, output) + " (exit code " + exitCode + ")");
        }
    }

    private static String failure(Path logDirectory, ByteArrayOutputStream output) {
        return "formatting " + logDirectory + " failed: " + output.toString(StandardCharsets.UTF_8).strip();
    }

    private static Path writeTemporaryConfig(Properties settings) {
        try {
            Path file = Files.createTempFile("kafka-format-", ".properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                settings.store(out, "embedded broker, for kafka-storage format");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray file in the temporary directory is harmless
        }
    }
}
