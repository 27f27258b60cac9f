package io.jixiao.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The short-mode suite, started once per test JVM (failsafe runs every IT class in one) and stopped when it exits,
 * so that the faults, the bad input and the poison events share one stack and its start-up time.
 */
final class SharedSuite {
    private static Suite suite;

    private SharedSuite() {
    }

    static synchronized Suite get() {
        if (suite == null) {
            String file = System.getProperty("jixiao.fault-suite.report");
            if (file != null) {
                try {
                    Files.deleteIfExists(Path.of(file));
                } catch (IOException e) {
                    System.out.println("cannot remove " + file + ": " + e);
                }
            }
            Settings settings = Settings.shortMode();
            Log log = Log.toStdout();
            log.line("fault suite, short mode (the tests): %d workers, Kafka down %d s, PostgreSQL down %d s",
                    settings.workers(), settings.kafkaOutage().toSeconds(), settings.postgresOutage().toSeconds());
            suite = Suite.start(settings, log, false);
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "fault-suite-stop"));
        }
        return suite;
    }

    /** Prints a block of figures and appends it to the report file failsafe names (target/fault-suite-short.txt). */
    static void report(String text) {
        System.out.print(text);
        String file = System.getProperty("jixiao.fault-suite.report");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.out.println("cannot append to " + file + ": " + e);
            }
        }
    }
}
