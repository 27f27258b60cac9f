package io.jixiao.support.projection;

import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.Paging;
import io.jixiao.support.web.Paging.Page;
import io.jixiao.support.web.Paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on a service's Kafka projections, the same in every service under {@code jixiao.admin.path}
 * ({@code /api/budget/admin}, {@code /api/evaluation/admin}, {@code /api/disclosure/admin}; by default
 * {@code /api/<spring.application.name without -service>/admin}): the parked (dead-letter) events, a retry
 * of one after its cause was fixed, and a rebuild of every projection from the start of the topics.
 * The gateway lets only callers of every district ({@code *}) reach it.
 */
@RestController
@RequestMapping("${jixiao.admin.path}")
@Tag(name = "admin", description = "projections: dead letters, retry, rebuild")
public class ProjectionAdminController {
    private static final String STATUS = "PARKED|RETRIED";
    private final ProjectionRunners runners;
    private final JdbcTemplate jdbc;

    public ProjectionAdminController(ProjectionRunners runners, JdbcTemplate jdbc) {
        this.runners = runners;
        this.jdbc = jdbc;
    }

    /** @param projections each projection's rebuild: events read, of how many, and how long it took */
    public record RebuildResult(List<String> rebuilt, long millis, List<RebuildProgress> projections) {
    }

    /** One parked event: where it was read, what it was, why it was refused, and what became of it. */
    public record ParkedEvent(long id, String projection, String topic, int partition, long offset, String eventId,
                              String eventType, String error, String status, Instant parkedAt, Instant resolvedAt) {
    }

    /** The answer to a retry: applied now, or still parked with the error of this attempt. */
    public record RetryResult(long id, boolean applied, ParkedEvent deadLetter) {
    }

    @PostMapping("/projections/rebuild")
    @Operation(summary = "Rebuild every projection from offset 0; answers when all have caught up with the topics' ends")
    public RebuildResult rebuild() throws Exception {
        long start = System.nanoTime();
        List<ProjectionRunner> all = runners.all();
        // each projection has its own consumer, thread and tables: they rebuild side by side
        List<CompletableFuture<Void>> rebuilds = all.stream().map(ProjectionRunner::rebuild).toList();
        CompletableFuture.allOf(rebuilds.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        return new RebuildResult(all.stream().map(ProjectionRunner::name).sorted().toList(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), rebuildProgress());
    }

    @GetMapping("/projections/rebuild")
    @Operation(summary = "How far each projection's last rebuild has come: events read of the events its topics held "
            + "when it began (state IDLE, REBUILDING or REBUILT); the log says the same every 2 s")
    public List<RebuildProgress> rebuildProgress() {
        return runners.all().stream().map(ProjectionRunner::rebuildProgress)
                .sorted(java.util.Comparator.comparing(RebuildProgress::projection)).toList();
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Events a projection could not apply, oldest first (optionally only PARKED or RETRIED ones), "
            + "a page at a time (Link rel=\"next\" while there are more)")
    public ResponseEntity<List<ParkedEvent>> parked(
            @Parameter(description = "PARKED (still waiting) or RETRIED (applied by a retry); absent = all")
            @RequestParam(required = false) String status,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.AFTER_DOC + " (a dead letter's id)") @RequestParam(required = false)
            String after) {
        PageRequest page = Paging.request(limit, after);
        List<ParkedEvent> fetched;
        if (status == null || status.isBlank()) {
            fetched = jdbc.query("SELECT * FROM projection_dead_letter WHERE id > ? ORDER BY id LIMIT ?",
                    ProjectionAdminController::row, page.afterNumber(), page.limit() + 1);
        } else if (!status.matches(STATUS)) {
            throw new IllegalArgumentException("status must be PARKED or RETRIED");
        } else {
            fetched = jdbc.query("SELECT * FROM projection_dead_letter WHERE status = ? AND id > ? ORDER BY id LIMIT ?",
                    ProjectionAdminController::row, status, page.afterNumber(), page.limit() + 1);
        }
        Page<ParkedEvent> parked = Paging.of(fetched, page, ParkedEvent::id);
        return ResponseEntity.ok().headers(Paging.headers(parked, page)).body(parked.items());
    }

    @PostMapping("/dead-letters/{id}/retry")
    @Operation(summary = "Apply a parked event again (after its cause was fixed); if it fails again it stays parked "
            + "with the new error (404 unknown id, 409 not parked any more)")
    public RetryResult retry(@PathVariable long id) {
        ParkedEvent parked = find(id);
        if (!"PARKED".equals(parked.status())) {
            throw new Conflict("NOT_PARKED", "dead letter " + id + " is " + parked.status() + ", not PARKED");
        }
        ProjectionRunner runner = runners.get(parked.projection())
                .orElseThrow(() -> new NotFound("projection", "no projection " + parked.projection() + " in this service"));
        boolean applied = runner.retryParked(id);
        return new RetryResult(id, applied, find(id));
    }

    private ParkedEvent find(long id) {
        return jdbc.query("SELECT * FROM projection_dead_letter WHERE id = ?", ProjectionAdminController::row, id)
                .stream().findFirst().orElseThrow(() -> new NotFound("id", "no dead letter " + id));
    }

    private static ParkedEvent row(ResultSet rs, int i) throws SQLException {
        java.sql.Timestamp resolved = rs.getTimestamp("resolved_at");
        return new ParkedEvent(rs.getLong("id"), rs.getString("projection"), rs.getString("topic"),
                rs.getInt("partition_no"), rs.getLong("record_offset"), rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("error"), rs.getString("status"),
                rs.getTimestamp("parked_at").toInstant(), resolved == null ? null : resolved.toInstant());
    }
}
