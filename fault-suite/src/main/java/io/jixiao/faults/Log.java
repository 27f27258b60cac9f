package io.jixiao.faults;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** The suite's progress on standard output, each line with the seconds since the run started. */
public final class Log {
    private final PrintStream out;
    private final long start = System.nanoTime();

    public Log(PrintStream out) {
        this.out = out;
    }

    public static Log toStdout() {
        return new Log(System.out);
    }

    public synchronized void line(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** Text printed as it is (tables). */
    public synchronized void raw(String text) {
        out.print(text);
        out.flush();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
