package io.jixiao.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resident set sizes from /proc: a process and all its descendants (the launcher, PostgreSQL, the services). */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** name (pid) → resident MiB, for the process tree under {@code root}. */
    public static Map<String, Double> residentTree(long root) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (long pid : tree(root)) {
            double mib = residentMib(pid);
            if (mib > 0) {
                out.put(name(pid) + " (" + pid + ")", mib);
            }
        }
        return out;
    }

    static List<Long> tree(long root) {
        List<Long> pids = new ArrayList<>();
        pids.add(root);
        ProcessHandle.of(root).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    static double residentMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return 0;
    }

    static String name(long pid) {
        try {
            String cmd = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
            for (String known : List.of("budget-service", "evaluation-service", "disclosure-service", "gateway",
                    "local-stack")) {
                if (cmd.contains(known + ".jar")) {
                    return known.equals("local-stack") ? "launcher+kafka" : known;
                }
            }
            return cmd.contains("postgres") ? "postgres" : cmd.split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
