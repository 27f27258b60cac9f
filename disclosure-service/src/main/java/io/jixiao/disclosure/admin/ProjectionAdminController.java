package io.jixiao.disclosure.admin;

import io.jixiao.support.domain.NotFound;
import io.jixiao.support.projection.ProjectionRunner;
import io.jixiao.support.projection.ProjectionRunners;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the projections: rebuild from the start of the topics, and the parked (dead-letter) events. */
@RestController
@RequestMapping("/api/disclosure/admin")
public class ProjectionAdminController {
    private final ProjectionRunners runners;
    private final JdbcTemplate jdbc;

    public ProjectionAdminController(ProjectionRunners runners, JdbcTemplate jdbc) {
        this.runners = runners;
        this.jdbc = jdbc;
    }

    public record RebuildResult(List<String> rebuilt, long millis) {
    }

    public record ParkedEvent(long id, String projection, String topic, int partition, long offset, String eventId,
                              String eventType, String error, String status, Instant parkedAt) {
    }

    /** Rebuilds every projection from offset 0 and answers when all have caught up with the topics' ends. */
    @PostMapping("/projections/rebuild")
    public RebuildResult rebuild() throws Exception {
        long start = System.nanoTime();
        List<ProjectionRunner> all = runners.all();
        for (ProjectionRunner runner : all) {
            runner.rebuild().get(10, TimeUnit.MINUTES);
        }
        return new RebuildResult(all.stream().map(ProjectionRunner::name).sorted().toList(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @GetMapping("/dead-letters")
    public List<ParkedEvent> parked() {
        return jdbc.query("SELECT * FROM projection_dead_letter ORDER BY id", (rs, i) -> new ParkedEvent(rs.getLong("id"),
                rs.getString("projection"), rs.getString("topic"), rs.getInt("partition_no"), rs.getLong("record_offset"),
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("error"), rs.getString("status"),
                rs.getTimestamp("parked_at").toInstant()));
    }

    @PostMapping("/dead-letters/{id}/retry")
    public Map<String, Object> retry(@PathVariable long id) {
        List<String> projection = jdbc.queryForList("SELECT projection FROM projection_dead_letter WHERE id = ?",
                String.class, id);
        if (projection.isEmpty()) {
            throw new NotFound("id", "no parked event " + id);
        }
        ProjectionRunner runner = runners.get(projection.get(0))
                .orElseThrow(() -> new NotFound("projection", "no projection " + projection.get(0)));
        return Map.of("id", id, "applied", runner.retryParked(id));
    }
}
