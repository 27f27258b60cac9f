package io.jixiao.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path directory;

    @Test
    void tailShowsOnlyTheLastRun() throws Exception {
        Path log = directory.resolve("logs").resolve("budget-service.log");
        LogFiles.prepare(log, "starting budget-service");
        Files.writeString(log, "first run\n", StandardOpenOption.APPEND);
        LogFiles.prepare(log, "starting budget-service again");
        Files.writeString(log, "line 1\nline 2\nline 3\n", StandardOpenOption.APPEND);

        assertThat(LogFiles.tail(log, 10).lines())
                .hasSize(4)
                .endsWith("line 1", "line 2", "line 3")
                .first().asString().contains("starting budget-service again");
        assertThat(LogFiles.tail(log, 2).lines()).containsExactly("line 2", "line 3");
    }

    @Test
    void tailOfAMissingLogSaysSo() {
        assertThat(LogFiles.tail(directory.resolve("nothing.log"), 5)).startsWith("(no log file at ");
    }
}
