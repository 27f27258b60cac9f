package io.jixiao.budget.imports;

import io.jixiao.budget.imports.ImportJobs.Job;
import io.jixiao.budget.imports.ImportJobs.Payload;
import io.jixiao.budget.imports.ImportResult.LineResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Runs import jobs: one thread per instance that claims an open job (PENDING, or RUNNING when the instance that ran it
 * died), applies its lines chunk by chunk through {@link BulkImport} with the uploader's rights, and records each
 * chunk's results and counts in one transaction. The claim is a PostgreSQL session advisory lock held on a connection
 * of its own for the whole run: two instances never run one job, and the lock of a killed instance goes with its
 * connection, so the job resumes as soon as any instance looks (at start-up, then every {@code poll}).
 *
 * <p>Order: the job's unit registrations first, then every other line, each in file order (as a synchronous import
 * orders a file). A line is applied at most once whatever happens: every command carries the line's id as its request
 * id (a line sent again answers ALREADY_APPLIED); lines a dead run may have sent without recording their results are
 * sent again, and an ALREADY_APPLIED answer whose event carries this job's correlation id is recorded as APPLIED, so
 * the counts say what the job did, once.
 */
@Component
public class ImportJobWorker implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ImportJobWorker.class);
    private static final String LOCK = "SELECT pg_try_advisory_lock(hashtext('import_job'), ?)";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('import_job'), ?)";
    /** Attempts of a chunk some of whose lines failed for no rule (database unreachable …) before they are recorded. */
    private static final int CHUNK_ATTEMPTS = 3;

    private final ImportJobs jobs;
    private final BulkImport imports;
    private final DataSource dataSource;
    private final int chunkLines;
    private final long pollMillis;
    private final int maxLines;
    private final Object signal = new Object();
    private volatile boolean stopped;
    private Thread thread;

    public ImportJobWorker(ImportJobs jobs, BulkImport imports, DataSource dataSource,
                           @Value("${jixiao.imports.jobs.chunk-lines:1000}") int chunkLines,
                           @Value("${jixiao.imports.jobs.poll-millis:2000}") long pollMillis,
                           @Value("${jixiao.imports.jobs.max-lines:200000}") int maxLines) {
        this.jobs = jobs;
        this.imports = imports;
        this.dataSource = dataSource;
        this.chunkLines = Math.max(1, chunkLines);
        this.pollMillis = Math.max(50, pollMillis);
        this.maxLines = maxLines;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (thread == null && !stopped) {
            thread = new Thread(this::loop, "import-jobs");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** A job was submitted: look now rather than at the next poll. */
    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            t.join(10_000);
        }
    }

    private void loop() {
        while (!stopped) {
            boolean worked = false;
            try {
                worked = runOpenJobs();
            } catch (RuntimeException | SQLException e) {
                if (!stopped) {
                    log.warn("import jobs: {} (trying again in {} ms)", e.toString(), pollMillis);
                }
            }
            if (!worked && !stopped) {
                synchronized (signal) {
                    try {
                        signal.wait(pollMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Runs every open job this instance can claim; whether it ran one. */
    boolean runOpenJobs() throws SQLException {
        List<Integer> open = jobs.open();
        if (open.isEmpty()) {
            return false;
        }
        boolean ran = false;
        try (Connection claim = dataSource.getConnection()) {
            claim.setAutoCommit(true);
            for (int no : open) {
                if (stopped || !lock(claim, LOCK, no)) {
                    continue;
                }
                try {
                    Optional<Job> job = jobs.find(no);
                    if (job.isPresent() && !ImportJobs.DONE.equals(job.get().status())) {
                        run(job.get(), claim);
                        ran = true;
                    }
                } finally {
                    if (claim.isValid(2)) {
                        lock(claim, UNLOCK, no);
                    }
                }
            }
        }
        return ran;
    }

    private static boolean lock(Connection c, String sql, int no) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, no);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void run(Job job, Connection claim) throws SQLException {
        Payload payload = jobs.payload(job);
        List<ImportLine> lines = parse(payload);
        List<ImportLine> order = new ArrayList<>(lines.size());
        lines.stream().filter(l -> "registerUnit".equals(l.get("op"))).forEach(order::add);
        lines.stream().filter(l -> !"registerUnit".equals(l.get("op"))).forEach(order::add);
        Set<Integer> done = jobs.linesDone(job.no());
        jobs.started(job.no());
        log.info("import job {} ({} lines by {}): {} run, {} lines done before", job.id(), order.size(), job.actor(),
                job.runs() == 0 ? "first" : "resumed", done.size());
        List<Integer> pending = new ArrayList<>();
        for (int position = 0; position < order.size(); position++) {
            if (!done.contains(order.get(position).line())) {
                pending.add(position);
            }
        }
        for (int from = 0; from < pending.size(); from += chunkLines) {
            List<Integer> positions = pending.subList(from, Math.min(pending.size(), from + chunkLines));
            if (stopped || !claim.isValid(2)) {
                log.info("import job {}: stopped with {} of {} lines done; it resumes where it stopped", job.id(),
                        done.size() + from, order.size());
                return;
            }
            int last = positions.get(positions.size() - 1);
            jobs.sending(job.no(), last + 1);
            runChunk(job, payload, positions.stream().map(order::get).toList(), positions.get(0) < job.sentThrough());
        }
        jobs.finished(job.no());
        Job end = jobs.find(job.no()).orElseThrow();
        log.info("import job {} done: {} lines, {} applied, {} already applied, {} rejected, {} ms applying",
                job.id(), end.total(), end.applied(), end.alreadyApplied(), end.rejected(), end.activeMillis());
    }

    private void runChunk(Job job, Payload payload, List<ImportLine> chunk, boolean mayHaveBeenSent) {
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            List<LineResult> results = imports.apply(chunk, payload.caller()).results();
            boolean failedWithoutRule = results.stream().anyMatch(r -> "INTERNAL".equals(r.rule()));
            if (failedWithoutRule && attempt < CHUNK_ATTEMPTS && !stopped) {
                log.warn("import job {}: lines of a chunk failed for no rule (attempt {}); sending it again", job.id(),
                        attempt);
                pause(attempt * 2000L);
                mayHaveBeenSent = true;
                continue;
            }
            if (mayHaveBeenSent) {
                results = ownReplaysAsApplied(job, results);
            }
            jobs.record(job.no(), results, (System.nanoTime() - start) / 1_000_000);
            return;
        }
    }

    /** ALREADY_APPLIED answers to lines whose events this job recorded in a run that died before recording them. */
    private List<LineResult> ownReplaysAsApplied(Job job, List<LineResult> results) {
        Map<String, Integer> replayed = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            LineResult r = results.get(i);
            if ("ALREADY_APPLIED".equals(r.status()) && r.target() != null) {
                replayed.put(r.target() + " " + r.lineId(), i);
            }
        }
        Set<String> targets = new java.util.HashSet<>();
        replayed.keySet().forEach(k -> targets.add(k.substring(0, k.indexOf(' '))));
        Set<String> own = jobs.appliedByJob(job, targets);
        List<LineResult> fixed = new ArrayList<>(results);
        replayed.forEach((key, i) -> {
            if (own.contains(key)) {
                LineResult r = fixed.get(i);
                fixed.set(i, new LineResult(r.line(), r.lineId(), r.op(), r.district(), r.target(), "APPLIED",
                        r.sequence(), r.rule(), r.field(), r.message()));
            }
        });
        return fixed;
    }

    private List<ImportLine> parse(Payload payload) {
        try (Reader body = new InputStreamReader(new ByteArrayInputStream(payload.body()),
                Charset.forName(payload.charset()))) {
            return payload.contentType().startsWith(ImportController.CSV) ? ImportParser.csv(body, maxLines)
                    : ImportParser.jsonLines(body, maxLines);
        } catch (IOException e) {
            throw new IllegalStateException("a stored import cannot be read", e);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
