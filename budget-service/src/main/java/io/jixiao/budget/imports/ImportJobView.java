package io.jixiao.budget.imports;

import io.jixiao.budget.imports.ImportJobs.Job;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An import job as its readers see it: where it stands, what its lines came to so far, how fast it goes and how long
 * it still needs.
 *
 * @param status               PENDING (waiting for a worker), RUNNING (being applied, or waiting to be resumed after
 *                             its worker stopped), DONE
 * @param done                 lines with their result (applied + alreadyApplied + rejected)
 * @param linesPerSecond       lines done per second of applying (time the job was not running is not counted); null
 *                             before the first chunk
 * @param estimatedSecondsLeft at that rate; 0 when done, null while no rate is known
 * @param runs                 how many times a worker took the job up (more than 1: it was resumed)
 * @param filesRemoved         the retention period after the job finished has passed: its uploaded file and line
 *                             results were removed (the counts stay); {@code results} is then null
 * @param queue                while PENDING: where the job waits (null once a worker took it up)
 */
@Schema(name = "ImportJob")
public record ImportJobView(String jobId, String status, int total, int done, int applied, int alreadyApplied,
                            int rejected, BigDecimal linesPerSecond, Long estimatedSecondsLeft, Instant submittedAt,
                            Instant startedAt, Instant finishedAt, String submittedBy, List<String> districts,
                            int runs, String results, boolean filesRemoved, Queue queue) {
    static final String PATH = "/api/budget/imports/";

    /**
     * A job not yet taken up by a worker.
     *
     * @param jobsAhead      jobs not done yet that were submitted before this one: a worker takes them first
     * @param waitingSeconds since the job was submitted
     */
    @Schema(name = "ImportJobQueue")
    public record Queue(long jobsAhead, long waitingSeconds) {
    }

    static ImportJobView of(Job job) {
        BigDecimal rate = job.activeMillis() <= 0 || job.done() == 0 ? null
                : BigDecimal.valueOf(job.done() * 1000L).divide(BigDecimal.valueOf(job.activeMillis()), 1,
                RoundingMode.HALF_UP);
        Long left;
        if (ImportJobs.DONE.equals(job.status())) {
            left = 0L;
        } else if (rate == null || rate.signum() == 0) {
            left = null;
        } else {
            left = BigDecimal.valueOf(job.total() - job.done()).divide(rate, 0, RoundingMode.CEILING).longValue();
        }
        Queue queue = job.jobsAhead() == null ? null : new Queue(job.jobsAhead(),
                Math.max(0, Duration.between(job.submittedAt(), Instant.now()).toSeconds()));
        return new ImportJobView(job.id().toString(), job.status(), job.total(), job.done(), job.applied(),
                job.alreadyApplied(), job.rejected(), rate, left, job.submittedAt(), job.startedAt(),
                job.finishedAt(), job.actor(), List.copyOf(job.districts()), job.runs(),
                job.filesRemovedAt() == null ? PATH + job.id() + "/results" : null, job.filesRemovedAt() != null,
                queue);
    }
}
