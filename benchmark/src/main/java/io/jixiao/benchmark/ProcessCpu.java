package io.jixiao.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time (user + system) from /proc, summed by process name over the stack's processes (as in
 * {@link ProcessMemory}) plus this benchmark's own JVM as "benchmark client". Dividing a level's CPU
 * by its commands gives the cost of a command in each process: a figure that other load on the machine
 * does not distort, unlike throughput.
 */
public final class ProcessCpu {
    /** USER_HZ: /proc/<pid>/stat counts clock ticks of 1/100 s on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** name → CPU seconds consumed so far. */
    public static Map<String, Double> secondsByName(long root, Path dataDir) {
        return secondsByName(root, dataDir, false);
    }

    /**
     * As {@link #secondsByName(long, Path)}; with {@code postgresByDatabase}, PostgreSQL's backends are named by the
     * database they serve ({@code postgres budget}; its own processes {@code postgres}), from their process title.
     */
    public static Map<String, Double> secondsByName(long root, Path dataDir, boolean postgresByDatabase) {
        Map<String, Double> out = new TreeMap<>();
        for (String key : ProcessMemory.residentTree(root, dataDir).keySet()) {
            long pid = Long.parseLong(key.substring(key.lastIndexOf('(') + 1, key.length() - 1));
            String name = ProcessMemory.name(pid);
            out.merge(postgresByDatabase && name.equals("postgres") ? postgresName(pid) : name, seconds(pid),
                    Double::sum);
        }
        out.put("benchmark client", seconds(ProcessHandle.current().pid()));
        return out;
    }

    /** after − before, per name; names absent before count from zero. */
    public static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> out = new TreeMap<>();
        after.forEach((name, seconds) -> out.put(name, seconds - before.getOrDefault(name, 0.0)));
        return out;
    }

    /** A backend's title is "postgres: USER DATABASE HOST(PORT) STATE". */
    private static String postgresName(long pid) {
        String[] title = ProcessMemory.cmdline(pid).trim().split(" +");
        return title.length >= 4 && title[0].equals("postgres:") && title[3].contains("(")
                ? "postgres " + title[2] : "postgres";
    }

    static double seconds(long pid) {
        return ticks(pid, 11) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of {@code pid}'s children that ended and were waited for ({@code cutime + cstime}): for this JVM,
     * the processes it started and saw end.
     */
    static double reapedChildrenSeconds(long pid) {
        return ticks(pid, 13) / TICKS_PER_SECOND;
    }

    /** The sum of the two tick counts at {@code first} and {@code first + 1} after the command name; 0 if unreadable. */
    private static long ticks(long pid, int first) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // fields after the parenthesised command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[first]) + Long.parseLong(fields[first + 1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
