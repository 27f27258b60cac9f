package io.jixiao.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fault suite as one command:
 *
 * <pre>
 * java -jar fault-suite/target/fault-suite.jar [--short] [--cluster] [--faults=1,2,3,4,5,6] [--bad-requests=N] [--workers=N]
 *                                              [--import-job-lines=N] [--no-import-job]
 *                                              [--no-bad-input] [--no-poison] [--keep] [--report=FILE]
 * </pre>
 *
 * It starts PostgreSQL and Kafka in this JVM and the four service jars as processes (free ports, temporary
 * directories), drives a steady load, injects the six faults one at a time and compares the ledger with the
 * stores and read models after each, runs an import job killed at half ({@link ImportJobCrash}), sends the bad requests, runs the poison-event scenario, prints the figures
 * and exits 0 only if everything held. {@code --short} is the mode the tests run. {@code --cluster} runs on three
 * Kafka node processes and two instances of each domain service, with the cluster's faults (7: a Kafka node killed,
 * 8: one instance of each service killed, 9: the instance serving a request killed mid-request) and neither the import job, the bad input nor the poison events.
 */
public final class FaultSuite {
    /**
     * The faults of {@code --cluster}: a Kafka node killed, one instance of each service killed, the instance serving
     * a request killed mid-request.
     */
    static final List<Integer> CLUSTER_FAULTS = List.of(7, 8, 9);

    private FaultSuite() {
    }

    /** Everything one run found. */
    public record Outcome(List<Faults.FaultResult> faults, ImportJobCrash.Result importJob, BadInput.Result badInput,
                          PoisonEvents.Result poison, String text) {
        public boolean passed() {
            return faults.stream().allMatch(Faults.FaultResult::passed) && (badInput == null || badInput.passed())
                    && (importJob == null || importJob.passed()) && (poison == null || poison.passed());
        }
    }

    public static void main(String[] args) {
        Settings settings = Settings.full();
        List<Integer> faults = List.of(1, 2, 3, 4, 5, 6);
        boolean badInput = true;
        boolean poison = true;
        boolean keep = false;
        Integer badRequests = null;
        Integer workers = null;
        Integer importLines = null;
        boolean importJob = true;
        boolean cluster = false;
        boolean faultsGiven = false;
        Path report = null;
        for (String arg : args) {
            if (arg.equals("--short")) {
                settings = Settings.shortMode();
            } else if (arg.equals("--cluster")) {
                cluster = true;
            } else if (arg.startsWith("--faults=")) {
                faults = Arrays.stream(arg.substring(9).split(",")).filter(s -> !s.isBlank()).map(Integer::valueOf).toList();
                faultsGiven = true;
            } else if (arg.startsWith("--bad-requests=")) {
                badRequests = Integer.valueOf(arg.substring(15));
            } else if (arg.startsWith("--workers=")) {
                workers = Integer.valueOf(arg.substring(10));
            } else if (arg.startsWith("--import-job-lines=")) {
                importLines = Integer.valueOf(arg.substring(19));
            } else if (arg.equals("--no-import-job")) {
                importJob = false;
            } else if (arg.equals("--no-bad-input")) {
                badInput = false;
            } else if (arg.equals("--no-poison")) {
                poison = false;
            } else if (arg.equals("--keep")) {
                keep = true;
            } else if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring(9));
            } else {
                System.err.println("usage: java -jar fault-suite.jar [--short] [--cluster] [--faults=1,2,3,4,5,6] [--bad-requests=N] "
                        + "[--workers=N] [--import-job-lines=N] [--no-import-job] [--no-bad-input] [--no-poison] [--keep] "
                        + "[--report=FILE]");
                System.exit(2);
            }
        }
        if (badRequests != null) {
            settings = settings.withBadRequests(badRequests);
        }
        if (workers != null) {
            settings = settings.withWorkers(workers);
        }
        if (importLines != null) {
            settings = settings.withImportJobLines(importLines);
        }
        if (cluster) {
            faults = faultsGiven ? faults : CLUSTER_FAULTS;
            badInput = false;
            poison = false;
        }
        if (!importJob || cluster) {
            settings = settings.withImportJobLines(0);
        }
        Log log = Log.toStdout();
        Outcome outcome;
        try {
            outcome = run(settings, faults, badInput, poison, keep, cluster, log);
        } catch (RuntimeException e) {
            log.line("the suite could not run: %s", e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        if (report != null) {
            try {
                Files.writeString(report, outcome.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.line("cannot write %s: %s", report, e);
            }
        }
        log.line("fault suite (%s): %s", settings.name(), outcome.passed() ? "PASSED" : "FAILED");
        System.exit(outcome.passed() ? 0 : 1);
    }

    /** Runs the whole suite on a fresh stack and stops it afterwards. */
    public static Outcome run(Settings settings, List<Integer> faultNumbers, boolean badInput, boolean poison,
                              boolean keep, Log log) {
        return run(settings, faultNumbers, badInput, poison, keep, false, log);
    }

    /** As {@link #run(Settings, List, boolean, boolean, boolean, Log)}; {@code cluster}: on the cluster. */
    public static Outcome run(Settings settings, List<Integer> faultNumbers, boolean badInput, boolean poison,
                              boolean keep, boolean cluster, Log log) {
        if (cluster) {
            log.line("fault suite on the cluster, %s mode: %d workers, a Kafka node killed for %d s, faults %s",
                    settings.name(), settings.workers(), settings.brokerOutage().toSeconds(), faultNumbers);
        } else {
            log.line("fault suite, %s mode: %d workers, Kafka down %d s, PostgreSQL down %d s, %d bad requests",
                    settings.name(), settings.workers(), settings.kafkaOutage().toSeconds(),
                    settings.postgresOutage().toSeconds(), settings.badRequests());
        }
        try (Suite suite = Suite.start(settings, log, keep, cluster)) {
            Thread stopOnCtrlC = new Thread(suite::close, "fault-suite-stop");
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
            try {
                List<Faults.FaultResult> results = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                for (int n : faultNumbers) {
                    Faults.FaultResult r = suite.fault(n);
                    results.add(r);
                    text.append(Report.fault(r));
                    log.raw(Report.fault(r));
                }
                ImportJobCrash.Result job = settings.importJobLines() > 0
                        ? suite.importJob(settings.importJobLines()) : null;
                if (job != null) {
                    text.append(ImportJobCrash.report(job));
                    log.raw(ImportJobCrash.report(job));
                }
                BadInput.Result bad = badInput ? suite.badInput(settings.badRequests()) : null;
                if (bad != null) {
                    text.append(Report.badInput(bad));
                    log.raw(Report.badInput(bad));
                }
                PoisonEvents.Result p = poison ? suite.poison() : null;
                if (p != null) {
                    text.append(Report.poison(p));
                    log.raw(Report.poison(p));
                }
                String summary = Report.summary(results, bad, p, suite.writes(), suite.reads(), suite.startup(),
                        log.elapsed());
                text.append(summary);
                log.raw(summary);
                return new Outcome(results, job, bad, p, "\n==== fault suite (" + settings.name() + ") ====\n" + text);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
            }
        }
    }
}
