package io.jixiao.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.local.LocalStackProcesses;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An import job killed at half: a CSV file of {@code lines} lines (units, projects, their appropriations, then spending
 * spread over the projects, each amount to the fen) is uploaded through the gateway with {@code Prefer:
 * respond-async}; its progress is read while it runs; budget-service is killed with SIGKILL once about half the lines
 * are done and started again; the job must then finish by itself, every line applied exactly once (one event per line
 * id in the event store), every project's budget and spending equal to the file's to the fen, and the results
 * downloaded whole (JSON lines and CSV). Its own district, so the faults' ledger is not touched.
 */
public final class ImportJobCrash {
    static final String DISTRICT = "430204";
    private static final int UNITS = 10;
    private static final int PROJECTS = 200;
    private static final long APPROPRIATION_FEN = 100_000_000L;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final FaultStack stack;
    private final Http http;
    private final Log log;

    public ImportJobCrash(FaultStack stack, Http http, Log log) {
        this.stack = stack;
        this.http = http;
        this.log = log;
    }

    /** What the run did and found. */
    public record Result(int lines, long uploadMillis, int doneAtKill, long killedAfterMillis, long restartMillis,
                         long resumedToDoneMillis, long wallMillis, String jobRate, String status, int applied,
                         int alreadyApplied, int rejected, int runs, long linesWithOneEvent, long linesWithMoreEvents,
                         long linesWithoutEvent, int projectsChecked, int projectsDiffering, long fileFen,
                         long ledgerFen, int ndjsonLines, int distinctResultLines, int csvRows, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** The file: its CSV text, the line ids and each project's budget and spending in fen. */
    record ImportFile(String csv, List<String> lineIds, Map<String, long[]> fenByProject) {
    }

    static ImportFile file(int lines) {
        return file(lines, DISTRICT);
    }

    /** As {@link #file(int)}, into {@code district}. */
    static ImportFile file(int lines, String district) {
        StringBuilder csv = new StringBuilder("lineId,op,district,projectId,amount,date,unitId,name,category,"
                + "fiscalYear,source\n");
        List<String> ids = new ArrayList<>(lines);
        Map<String, long[]> fen = new TreeMap<>();
        String year = String.valueOf(Settings.FISCAL_YEAR);
        for (int u = 0; u < UNITS && ids.size() < lines; u++) {
            String id = "iu" + u;
            csv.append(id).append(",registerUnit,").append(district).append(",,,,u").append(u).append(",导入单位")
                    .append(u).append('\n');
            ids.add(id);
        }
        for (int p = 0; p < PROJECTS && ids.size() + 1 < lines; p++) {
            String project = "p" + p;
            csv.append("ip").append(p).append(",registerProject,").append(district).append(',').append(project)
                    .append(",,,u").append(p % UNITS).append(",导入项目").append(p).append(",专项资金,").append(year)
                    .append('\n');
            csv.append("ia").append(p).append(",appropriate,").append(district).append(',').append(project).append(',')
                    .append(yuan(APPROPRIATION_FEN)).append(',').append(year).append("-01-10,,,,,一般公共预算\n");
            ids.add("ip" + p);
            ids.add("ia" + p);
            fen.put(project, new long[] {APPROPRIATION_FEN, 0});
        }
        for (int i = 0; ids.size() < lines; i++) {
            String project = "p" + (i % fen.size());
            long amount = 100 + (i * 7_919L) % 9_900;  // 1.00 to 99.99 yuan, every fen digit used
            csv.append("is").append(i).append(",spend,").append(district).append(',').append(project).append(',')
                    .append(yuan(amount)).append(',').append(year).append("-05-01\n");
            ids.add("is" + i);
            fen.get(project)[1] += amount;
        }
        return new ImportFile(csv.toString(), ids, fen);
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    public Result run(int lines) throws java.io.IOException {
        List<String> failures = new ArrayList<>();
        ImportFile file = file(lines);
        log.line("import job: %d lines (%.1f MB of CSV) into district %s", lines,
                file.csv().length() / 1_048_576.0, DISTRICT);
        Http.Answer settings = http.send("PUT", "/api/budget/districts/" + DISTRICT + "/settings",
                "{\"goalBeforeBudget\":false}", Map.of());
        if (!settings.ok()) {
            throw new IllegalStateException("settings of " + DISTRICT + ": " + settings.brief());
        }
        long t0 = System.nanoTime();
        Http.Answer accepted = http.send("POST", "/api/budget/imports", file.csv().getBytes(StandardCharsets.UTF_8),
                "text/csv", Map.of("Prefer", "respond-async", "Idempotency-Key", "fs-import-job-" + lines));
        long uploadMillis = millisSince(t0);
        if (accepted.status() != 202 || accepted.json() == null) {
            throw new IllegalStateException("the upload was not accepted as a job: " + accepted.brief());
        }
        String job = "/api/budget/imports/" + accepted.json().path("jobId").asText();
        log.line("import job: %s accepted in %d ms", job, uploadMillis);

        JsonNode atKill = awaitProgress(job, j -> j.path("done").asInt() >= lines / 2, "half the lines done",
                Duration.ofMinutes(20));
        int doneAtKill = atKill.path("done").asInt();
        long killedAfter = millisSince(t0);
        stack.processes().kill(LocalStackProcesses.BUDGET);
        long killed = System.nanoTime();
        log.line("import job: budget-service killed (SIGKILL) with %d of %d lines done (%s lines/s)", doneAtKill,
                lines, atKill.path("linesPerSecond").asText());
        stack.processes().start(LocalStackProcesses.BUDGET);
        long restartMillis = millisSince(killed);
        long restarted = System.nanoTime();
        log.line("import job: budget-service healthy again after %d ms; waiting for the job to finish by itself",
                restartMillis);
        JsonNode done = awaitProgress(job, j -> "DONE".equals(j.path("status").asText()), "the job DONE",
                Duration.ofMinutes(30));
        long resumedToDone = millisSince(restarted);
        long wall = millisSince(t0);
        log.line("import job: %s after %.1f s (%s lines/s while applying, %d runs)", done.path("status").asText(),
                wall / 1000.0, done.path("linesPerSecond").asText(), done.path("runs").asInt());

        int applied = done.path("applied").asInt();
        expect(failures, "DONE".equals(done.path("status").asText()), "status " + done.path("status").asText());
        expect(failures, done.path("done").asInt() == lines, "done " + done.path("done").asInt() + " of " + lines);
        expect(failures, applied == lines, "applied " + applied + " of " + lines);
        expect(failures, done.path("alreadyApplied").asInt() == 0, "already applied "
                + done.path("alreadyApplied").asInt());
        expect(failures, done.path("rejected").asInt() == 0, "rejected " + done.path("rejected").asInt());
        expect(failures, done.path("runs").asInt() >= 2, "runs " + done.path("runs").asInt() + " (not resumed?)");

        long[] perLine = eventsPerLine(file.lineIds(), failures);
        int[] ledger = new int[1];
        long[] fen = new long[2];
        for (Map.Entry<String, long[]> p : file.fenByProject().entrySet()) {
            JsonNode project = http.get("/api/budget/districts/" + DISTRICT + "/projects/" + p.getKey()).json();
            long budget = fenOf(project == null ? null : project.path("budget").asText(null));
            long spent = fenOf(project == null ? null : project.path("spent").asText(null));
            fen[0] += p.getValue()[0] + p.getValue()[1];
            fen[1] += budget + spent;
            if (budget != p.getValue()[0] || spent != p.getValue()[1]) {
                ledger[0]++;
                if (ledger[0] <= 5) {
                    failures.add("project " + p.getKey() + ": budget " + budget + " spent " + spent + " fen, the file "
                            + p.getValue()[0] + " and " + p.getValue()[1]);
                }
            }
        }
        expect(failures, ledger[0] == 0, ledger[0] + " projects differ from the file");

        Http.Answer ndjson = http.get(job + "/results.ndjson");
        List<String> jsonLines = ndjson.ok() ? ndjson.body().lines().toList() : List.of();
        Set<Integer> resultLines = new HashSet<>();
        long notApplied = 0;
        for (String l : jsonLines) {
            JsonNode r = JSON.readTree(l);
            resultLines.add(r.path("line").asInt());
            if (!"APPLIED".equals(r.path("status").asText())) {
                notApplied++;
            }
        }
        expect(failures, jsonLines.size() == lines, "JSON-lines download holds " + jsonLines.size() + " results ("
                + ndjson.status() + ")");
        expect(failures, resultLines.size() == lines, resultLines.size() + " distinct lines in the download");
        expect(failures, notApplied == 0, notApplied + " results not APPLIED");
        Http.Answer csv = http.get(job + "/results.csv");
        int csvRows = csv.ok() ? (int) csv.body().lines().count() : 0;
        expect(failures, csvRows == lines + 1, "CSV download holds " + csvRows + " rows (" + csv.status() + ")");

        return new Result(lines, uploadMillis, doneAtKill, killedAfter, restartMillis, resumedToDone, wall,
                done.path("linesPerSecond").asText(), done.path("status").asText(), applied,
                done.path("alreadyApplied").asInt(), done.path("rejected").asInt(), done.path("runs").asInt(),
                perLine[0], perLine[1], perLine[2], file.fenByProject().size(), ledger[0], fen[0], fen[1],
                jsonLines.size(), resultLines.size(), csvRows, failures);
    }

    /** Polls the job until {@code until} holds for it, logging its progress every two seconds. */
    private JsonNode awaitProgress(String job, java.util.function.Predicate<JsonNode> until, String what,
                                   Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastLog = 0;
        while (System.nanoTime() < deadline) {
            Http.Answer a = http.get(job);
            JsonNode j = a.ok() ? a.json() : null;
            if (j != null) {
                if (until.test(j)) {
                    return j;
                }
                if (System.nanoTime() - lastLog > 2_000_000_000L) {
                    lastLog = System.nanoTime();
                    JsonNode queue = j.path("queue");
                    if (queue.isObject()) {  // PENDING: no worker has taken it up yet
                        log.line("import job: queued, %d jobs ahead, waiting %d s, %d lines", queue.path("jobsAhead")
                                .asLong(), queue.path("waitingSeconds").asLong(), j.path("total").asInt());
                    } else {
                        log.line("import job: %s, %d of %d lines done, %s lines/s, about %s s left", j.path("status")
                                .asText(), j.path("done").asInt(), j.path("total").asInt(), j.path("linesPerSecond")
                                .asText(), j.path("estimatedSecondsLeft").asText());
                    }
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("import job " + job + ": not " + what + " within " + timeout);
    }

    /** How many of the file's line ids have one event, more, none (budget-service's event store, this district). */
    private long[] eventsPerLine(List<String> lineIds, List<String> failures) {
        return eventsPerLine(stack, DISTRICT, lineIds, failures);
    }

    /**
     * How many of {@code lineIds} have one event, more, none in budget-service's event store ({@code district}); a
     * failure for each line recorded more than once or not at all.
     */
    static long[] eventsPerLine(FaultStack stack, String district, List<String> lineIds, List<String> failures) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = stack.connect(LocalStackProcesses.BUDGET);
             PreparedStatement q = c.prepareStatement("SELECT m ->> 'requestId', count(*) FROM (SELECT "
                     + "convert_from(metadata, 'UTF8')::jsonb AS m FROM domainevententry) e WHERE m ->> 'districtCode' "
                     + "= ? AND m ->> 'requestId' IS NOT NULL GROUP BY 1")) {
            q.setString(1, district);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read budget-service's event store", e);
        }
        long one = 0;
        long more = 0;
        long none = 0;
        for (String id : lineIds) {
            long n = counts.getOrDefault(id, 0L);
            if (n == 1) {
                one++;
            } else if (n == 0) {
                none++;
            } else {
                more++;
            }
        }
        expect(failures, more == 0, more + " lines recorded more than once");
        expect(failures, none == 0, none + " lines not recorded");
        expect(failures, counts.size() == lineIds.size(), counts.size() + " request ids in the district's events, "
                + lineIds.size() + " lines in the file");
        return new long[] {one, more, none};
    }

    private static long fenOf(String yuan) {
        return yuan == null ? -1 : new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void expect(List<String> failures, boolean holds, String what) {
        if (!holds) {
            failures.add(what);
        }
    }

    /** The figures as text. */
    public static String report(Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nimport job killed at half — %d lines: %s%n", r.lines(),
                r.passed() ? "PASSED" : "FAILED"));
        out.append(String.format(Locale.ROOT, "  upload %d ms; budget-service killed after %.1f s with %d lines done; "
                        + "healthy again after %.1f s; the job finished by itself %.1f s later; %.1f s in all%n",
                r.uploadMillis(), r.killedAfterMillis() / 1000.0, r.doneAtKill(), r.restartMillis() / 1000.0,
                r.resumedToDoneMillis() / 1000.0, r.wallMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "  job: %s, %d applied, %d already applied, %d rejected, %d runs, "
                        + "%s lines/s while applying (%.0f lines/s over the whole wall time)%n", r.status(), r.applied(),
                r.alreadyApplied(), r.rejected(), r.runs(), r.jobRate(), r.lines() * 1000.0 / Math.max(1, r.wallMillis())));
        out.append(String.format(Locale.ROOT, "  event store: %d lines with one event, %d with more, %d with none%n",
                r.linesWithOneEvent(), r.linesWithMoreEvents(), r.linesWithoutEvent()));
        out.append(String.format(Locale.ROOT, "  ledger: %d projects, %d differ; budget + spending %s yuan in the file, "
                        + "%s yuan recorded%n", r.projectsChecked(), r.projectsDiffering(), yuan(r.fileFen()),
                yuan(r.ledgerFen())));
        out.append(String.format(Locale.ROOT, "  results: %d JSON lines (%d distinct lines), %d CSV rows with the "
                + "header%n", r.ndjsonLines(), r.distinctResultLines(), r.csvRows()));
        r.failures().forEach(f -> out.append("  FAILED: ").append(f).append('\n'));
        return out.toString();
    }
}
