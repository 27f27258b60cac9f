package io.jixiao.budget.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Removes finished import jobs' files: {@code jixiao.imports.jobs.retention} (default 30 days) after a job finished,
 * its uploaded file and its line results are deleted, every {@code jixiao.imports.jobs.retention-sweep} (default an
 * hour). The job itself stays readable, with its counts and {@code filesRemoved: true}; its results answer 410
 * {@code IMPORT_FILES_REMOVED}.
 */
@Component
public class ImportJobRetention implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ImportJobRetention.class);

    private final ImportJobs jobs;
    private final Duration retention;
    private final Duration every;
    private ScheduledExecutorService sweeper;

    public ImportJobRetention(ImportJobs jobs,
                              @Value("${jixiao.imports.jobs.retention:P30D}") Duration retention,
                              @Value("${jixiao.imports.jobs.retention-sweep:PT1H}") Duration every) {
        if (retention.isNegative() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("jixiao.imports.jobs.retention must not be negative and "
                    + "jixiao.imports.jobs.retention-sweep must be positive");
        }
        this.jobs = jobs;
        this.retention = retention;
        this.every = every;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (sweeper == null) {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "import-job-retention");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Removes the files of the jobs that finished more than the retention period ago; the job numbers swept. */
    List<Integer> sweep() {
        List<Integer> swept = jobs.removeFiles(Instant.now().minus(retention));
        if (!swept.isEmpty()) {
            log.info("import jobs {}: files and results removed, {} after they finished", swept, retention);
        }
        return swept;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("import job retention sweep failed (trying again in {}): {}", every, e.toString());
        }
    }

    @Override
    public synchronized void destroy() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }
}
