package io.jixiao.budget.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.budget.imports.ImportResult.LineResult;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.domain.Conflict;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import jobs and their per-line results in PostgreSQL ({@code V18__import_jobs.sql}): created from an upload
 * (once per caller and Idempotency-Key), read for progress, results and downloads, and advanced by
 * {@link ImportJobWorker} one chunk at a time (a chunk's results and the job's counts in one transaction, each
 * line's result written once).
 */
@Repository
public class ImportJobs {
    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    /** The correlation id of every event a job records: its own id, so its events can be told from others'. */
    static final String CORRELATION_PREFIX = "import-job:";
    private static final int PAGE = 5000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public ImportJobs(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /**
     * A job as stored, without its file; {@code jobsAhead}: while PENDING, the jobs not done yet that were submitted
     * before it (a worker takes them first, oldest first), else null.
     */
    public record Job(int no, UUID id, String actor, Set<String> districts, String status, int total, int done,
                      int applied, int alreadyApplied, int rejected, int sentThrough, long activeMillis, int runs,
                      Instant submittedAt, Instant startedAt, Instant finishedAt, Instant filesRemovedAt,
                      Long jobsAhead) {
        String correlationId() {
            return CORRELATION_PREFIX + id;
        }
    }

    /** What an upload asks for: the file as it came and who sent it. */
    record Upload(CallerContext caller, String fingerprint, Set<String> districts, String contentType,
                  String charset, byte[] body, int total) {
    }

    /** The file of a job and the caller it runs as. */
    record Payload(CallerContext caller, String contentType, String charset, byte[] body) {
    }

    /** The rights the uploader had, stored with the job: every line is applied with them, also after a restart. */
    record StoredCaller(Set<String> roles, Set<String> districts, Set<String> units, String agency) {
    }

    /**
     * The job of this upload: a new one, or, when the caller sent the same Idempotency-Key before, that job (the
     * same file) or a 409 {@code IDEMPOTENCY_KEY_REUSED} (another file). Returns whether it existed before.
     */
    Created create(Upload upload) {
        CallerContext caller = upload.caller();
        String key = caller.requestId();
        if (key != null) {
            Optional<Created> earlier = earlier(caller.actor(), key, upload.fingerprint());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        UUID id = UUID.randomUUID();
        String stored;
        try {
            stored = json.writeValueAsString(new StoredCaller(caller.roles(), caller.districts(), caller.units(),
                    caller.agency()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int inserted = jdbc.update(con -> {
            var s = con.prepareStatement("INSERT INTO import_job (job_id, actor, idempotency_key, fingerprint, caller, "
                    + "districts, content_type, charset, body, status, total, submitted_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now()) ON CONFLICT (actor, idempotency_key) DO NOTHING");
            s.setObject(1, id);
            s.setString(2, caller.actor());
            s.setString(3, key);
            s.setString(4, upload.fingerprint());
            s.setString(5, stored);
            s.setArray(6, con.createArrayOf("varchar", new TreeSet<>(upload.districts()).toArray()));
            s.setString(7, upload.contentType());
            s.setString(8, upload.charset());
            s.setBytes(9, upload.body());
            s.setString(10, PENDING);
            s.setInt(11, upload.total());
            return s;
        });
        if (inserted == 0) {  // the same key raced in from a parallel retry: answer what it created
            return earlier(caller.actor(), key, upload.fingerprint()).orElseThrow();
        }
        return new Created(find(id).orElseThrow(), false);
    }

    /** A job and whether the upload had created it before (a retry). */
    record Created(Job job, boolean replayed) {
    }

    private Optional<Created> earlier(String actor, String key, String fingerprint) {
        List<String> fingerprints = jdbc.queryForList("SELECT fingerprint FROM import_job WHERE actor = ? AND "
                + "idempotency_key = ?", String.class, actor, key);
        if (fingerprints.isEmpty()) {
            return Optional.empty();
        }
        if (!fingerprints.get(0).equals(fingerprint)) {
            throw new Conflict("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key '" + key + "' was used for another file; "
                    + "send a new file with a new key");
        }
        return Optional.of(new Created(jdbc.queryForObject(SELECT + "WHERE actor = ? AND idempotency_key = ?", JOB,
                actor, key), true));
    }

    private static final String SELECT = "SELECT job_no, job_id, actor, districts, status, total, done, applied, "
            + "already_applied, rejected, sent_through, active_millis, runs, submitted_at, started_at, finished_at, "
            + "files_removed_at, CASE WHEN status = 'PENDING' THEN (SELECT count(*) FROM import_job ahead WHERE "
            + "ahead.status <> 'DONE' AND ahead.job_no < import_job.job_no) END AS jobs_ahead FROM import_job ";

    private static final RowMapper<Job> JOB = (rs, n) -> new Job(rs.getInt("job_no"), rs.getObject("job_id",
            UUID.class), rs.getString("actor"), strings(rs.getArray("districts")), rs.getString("status"),
            rs.getInt("total"), rs.getInt("done"), rs.getInt("applied"), rs.getInt("already_applied"),
            rs.getInt("rejected"), rs.getInt("sent_through"), rs.getLong("active_millis"), rs.getInt("runs"),
            instant(rs, "submitted_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
            instant(rs, "files_removed_at"), (Long) rs.getObject("jobs_ahead"));

    public Optional<Job> find(UUID id) {
        return jdbc.query(SELECT + "WHERE job_id = ?", JOB, id).stream().findFirst();
    }

    Optional<Job> find(int no) {
        return jdbc.query(SELECT + "WHERE job_no = ?", JOB, no).stream().findFirst();
    }

    /**
     * The jobs {@code caller} may read, newest first: its own, and those whose every district it acts in; {@code
     * limit} of them after the job number {@code afterNo} (null: from the newest).
     */
    List<Job> readableBy(CallerContext caller, Long afterNo, int limit) {
        return jdbc.query(con -> {
            var s = con.prepareStatement(SELECT + "WHERE (actor = ? OR (cardinality(districts) > 0 AND (? OR "
                    + "districts <@ ?::varchar[]))) AND job_no < ? ORDER BY job_no DESC LIMIT ?");
            s.setString(1, caller.actor());
            s.setBoolean(2, caller.districts().contains(CallerContext.EVERY));
            s.setArray(3, con.createArrayOf("varchar", caller.districts().toArray()));
            s.setLong(4, afterNo == null ? Long.MAX_VALUE : afterNo);
            s.setInt(5, limit);
            return s;
        }, JOB);
    }

    /** Jobs not done yet, oldest first (what a worker may claim). */
    List<Integer> open() {
        return jdbc.queryForList("SELECT job_no FROM import_job WHERE status <> 'DONE' ORDER BY job_no", Integer.class);
    }

    Payload payload(Job job) {
        return jdbc.queryForObject("SELECT caller, content_type, charset, body FROM import_job WHERE job_no = ?",
                (rs, n) -> {
                    StoredCaller c;
                    try {
                        c = json.readValue(rs.getString("caller"), StoredCaller.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("job " + job.id() + ": unreadable caller", e);
                    }
                    CallerContext caller = new CallerContext(job.actor(), c.roles(), c.districts(), c.units(),
                            c.agency(), job.correlationId(), null);
                    return new Payload(caller, rs.getString("content_type"), rs.getString("charset"),
                            rs.getBytes("body"));
                }, job.no());
    }

    /** Line numbers of the job that have their result. */
    Set<Integer> linesDone(int jobNo) {
        return new HashSet<>(jdbc.queryForList("SELECT line FROM import_job_result WHERE job_no = ?", Integer.class,
                jobNo));
    }

    void started(int jobNo) {
        jdbc.update("UPDATE import_job SET status = ?, started_at = coalesce(started_at, now()), runs = runs + 1, "
                + "updated_at = now() WHERE job_no = ?", RUNNING, jobNo);
    }

    /** Before a chunk is sent: the lines up to {@code through} (processing order) may be applied from now on. */
    void sending(int jobNo, int through) {
        jdbc.update("UPDATE import_job SET sent_through = greatest(sent_through, ?), updated_at = now() "
                + "WHERE job_no = ?", through, jobNo);
    }

    /**
     * A chunk's results and the job's counts, in one transaction; a line that has its result already keeps it and
     * is not counted again.
     */
    void record(int jobNo, List<LineResult> results, long millis) {
        tx.executeWithoutResult(status -> {
            int[] written = jdbc.batchUpdate("INSERT INTO import_job_result (job_no, line, line_id, op, district, "
                    + "target, status, sequence, rule, field, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (job_no, line) DO NOTHING", results.stream().map(r -> new Object[] {jobNo,
                    r.line(), storable(r.lineId()), storable(r.op()), storable(r.district()), storable(r.target()),
                    r.status(), r.sequence(), r.rule(), storable(r.field()), storable(r.message())}).toList());
            int applied = 0;
            int already = 0;
            int rejected = 0;
            for (int i = 0; i < written.length; i++) {
                if (written[i] == 0) {
                    continue;
                }
                switch (results.get(i).status()) {
                    case "APPLIED" -> applied++;
                    case "ALREADY_APPLIED" -> already++;
                    default -> rejected++;
                }
            }
            jdbc.update("UPDATE import_job SET done = done + ?, applied = applied + ?, already_applied = "
                    + "already_applied + ?, rejected = rejected + ?, active_millis = active_millis + ?, updated_at = "
                    + "now() WHERE job_no = ?", applied + already + rejected, applied, already, rejected, millis, jobNo);
        });
    }

    void finished(int jobNo) {
        jdbc.update("UPDATE import_job SET status = ?, finished_at = now(), updated_at = now() WHERE job_no = ?",
                DONE, jobNo);
    }

    /**
     * Removes the uploaded file and the line results of every job that finished before {@code finishedBefore} and
     * still has them, keeping the job's row and counts; returns the job numbers swept. Several instances may sweep at
     * once: a job another one is sweeping is left to it.
     */
    List<Integer> removeFiles(Instant finishedBefore) {
        return tx.execute(status -> {
            List<Integer> swept = jdbc.queryForList("SELECT job_no FROM import_job WHERE status = 'DONE' AND "
                    + "files_removed_at IS NULL AND finished_at < ? ORDER BY job_no FOR UPDATE SKIP LOCKED",
                    Integer.class, Timestamp.from(finishedBefore));
            for (Integer no : swept) {
                jdbc.update("DELETE FROM import_job_result WHERE job_no = ?", no);
                jdbc.update("UPDATE import_job SET body = NULL, files_removed_at = now(), updated_at = now() "
                        + "WHERE job_no = ?", no);
            }
            return swept;
        });
    }

    /** Up to {@code limit} results after line {@code afterLine}, in line order. */
    List<LineResult> results(int jobNo, long afterLine, int limit) {
        return jdbc.query("SELECT line, line_id, op, district, target, status, sequence, rule, field, message FROM "
                + "import_job_result WHERE job_no = ? AND line > ? ORDER BY line LIMIT ?", (rs, n) -> new LineResult(
                rs.getInt("line"), rs.getString("line_id"), rs.getString("op"), rs.getString("district"),
                rs.getString("target"), rs.getString("status"), (Long) rs.getObject("sequence"), rs.getString("rule"),
                rs.getString("field"), rs.getString("message")), jobNo, afterLine, limit);
    }

    /** Every result so far, in line order, a page at a time (a download of any size in bounded memory). */
    void eachResult(int jobNo, Consumer<LineResult> sink) {
        long after = -1;
        while (true) {
            List<LineResult> page = results(jobNo, after, PAGE);
            page.forEach(sink);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).line();
        }
    }

    /**
     * Which of {@code lines} (aggregate id → line ids) were recorded by events of this job's own correlation id:
     * after a run died between applying a chunk and recording its results, such a line answers ALREADY_APPLIED when
     * sent again, but it was this job that applied it.
     */
    Set<String> appliedByJob(Job job, Set<String> targets) {
        if (targets.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query(con -> {
            var s = con.prepareStatement("SELECT aggregateidentifier || ' ' || (convert_from(metadata, 'UTF8')::jsonb "
                    + "->> 'requestId') FROM domainevententry WHERE aggregateidentifier = ANY(?) AND "
                    + "convert_from(metadata, 'UTF8')::jsonb ->> 'correlationId' = ?");
            s.setArray(1, con.createArrayOf("varchar", targets.toArray()));
            s.setString(2, job.correlationId());
            return s;
        }, (rs, n) -> rs.getString(1)));
    }

    /** Text PostgreSQL can hold: a NUL or a lone surrogate a client sent is kept as U+FFFD in the stored result. */
    static String storable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == 0 || (Character.isSurrogate(c) && !pair);
            if (bad && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
                if (pair) {
                    out.append(text.charAt(++i));
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static Set<String> strings(Array array) throws SQLException {
        Set<String> values = new TreeSet<>();
        for (Object o : (Object[]) array.getArray()) {
            values.add((String) o);
        }
        return values;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
