package io.jixiao.support.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.Topics;
import io.jixiao.support.kafka.KafkaSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** All Kafka projections of a service; they start consuming once the application is ready. */
public class ProjectionRunners implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {
    private final Map<String, ProjectionRunner> byName;
    private volatile boolean started;

    public ProjectionRunners(List<Projection> projections, JdbcTemplate jdbc, TransactionTemplate tx,
                             ObjectMapper objectMapper, KafkaSettings kafka) {
        this.byName = projections.stream().collect(Collectors.toMap(Projection::name,
                p -> new ProjectionRunner(p, jdbc, tx, objectMapper, kafka, Topics.OWNERS)));
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (!started) {
            started = true;
            byName.values().forEach(ProjectionRunner::start);
        }
    }

    public Optional<ProjectionRunner> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<ProjectionRunner> all() {
        return List.copyOf(byName.values());
    }

    @Override
    public void close() {
        byName.values().forEach(ProjectionRunner::close);
    }
}
