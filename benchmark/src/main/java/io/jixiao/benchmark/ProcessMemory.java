package io.jixiao.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resident memory (PSS) from /proc: a process and all its descendants (the launcher, PostgreSQL, the services). */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /**
     * name (pid) → resident MiB, for the process tree under {@code root} plus every process whose command
     * line names {@code dataDir} (PostgreSQL: pg_ctl daemonizes it out of the launcher's tree).
     */
    public static Map<String, Double> residentTree(long root, Path dataDir) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<Long> pids = tree(root);
        ProcessHandle.allProcesses().forEach(h -> {
            if (!pids.contains(h.pid()) && cmdline(h.pid()).contains(dataDir.toString())) {
                pids.add(h.pid());
                h.descendants().forEach(d -> pids.add(d.pid()));
            }
        });
        for (long pid : pids) {
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

    static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Proportional set size (PSS) in MiB: resident pages, shared ones divided among their sharers, so that
     * PostgreSQL's shared buffers count once across its processes and the figures add up.
     */
    static double residentMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
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
