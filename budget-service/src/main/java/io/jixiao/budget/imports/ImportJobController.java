package io.jixiao.budget.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.budget.imports.ImportJobs.Job;
import io.jixiao.budget.imports.ImportResult.LineResult;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.domain.Forbidden;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.CsvCells;
import io.jixiao.support.web.Paging;
import io.jixiao.support.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Import jobs for their readers: the bureau (FINANCE), the platform (INTEGRATION) and auditors (AUDITOR) who act in
 * every district of a job's lines, and whoever sent it. Progress, the per-line results a page at a time, and every
 * result so far as one download (JSON lines or CSV).
 */
@RestController
@Tag(name = "imports", description = "bulk import, one command per line")
public class ImportJobController {
    private static final List<String> READERS = List.of("FINANCE", "INTEGRATION", "AUDITOR");
    private static final String CSV_HEADER = "line,lineId,op,district,target,status,sequence,rule,field,message";
    private static final String GONE = "410 IMPORT_FILES_REMOVED once the job's files were removed, "
            + "jixiao.imports.jobs.retention (30 days) after it finished; the job itself stays readable "
            + "(filesRemoved: true).";

    private final ImportJobs jobs;
    private final ObjectMapper json;
    private final Problems problems;

    public ImportJobController(ImportJobs jobs, ObjectMapper json, Problems problems) {
        this.jobs = jobs;
        this.json = json;
        this.problems = problems;
    }

    /** A page of jobs. */
    public record JobList(List<ImportJobView> jobs) {
    }

    /** A page of a job's line results, in line order. */
    public record ResultPage(String jobId, String status, int total, int done, List<LineResult> results) {
    }

    @GetMapping("/api/budget/imports")
    @Operation(summary = "Import jobs the caller may read, newest first, a page at a time",
            description = "The caller's own jobs and those whose every district the caller acts in (FINANCE, "
                    + "INTEGRATION, AUDITOR; other roles 403 IMPORT_READERS_ONLY).")
    public ResponseEntity<JobList> list(
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.AFTER_DOC) @RequestParam(required = false) String after) {
        CallerContext caller = CallerContext.required();
        requireReader(caller);
        Paging.PageRequest page = Paging.request(limit, after);
        List<Job> fetched = jobs.readableBy(caller, after == null ? null : page.afterNumber(), page.limit() + 1);
        Paging.Page<Job> shown = Paging.of(fetched, page, Job::no);
        return ResponseEntity.ok().headers(Paging.headers(shown, page))
                .body(new JobList(shown.items().stream().map(ImportJobView::of).toList()));
    }

    @GetMapping("/api/budget/imports/{jobId}")
    @Operation(summary = "An import job: status, lines done of total, applied / already applied / rejected so far, "
            + "rate and estimated time left; while PENDING its place in the queue (jobs ahead, seconds waiting)",
            description = "404 for an unknown job; 403 DISTRICT_NOT_PERMITTED when the caller neither sent it nor "
                    + "acts in every district of its lines.")
    public ImportJobView job(@PathVariable String jobId) {
        return ImportJobView.of(readable(jobId));
    }

    @GetMapping("/api/budget/imports/{jobId}/results")
    @Operation(summary = "A job's line results so far, in line order, a page at a time (after = a line number)",
            description = GONE)
    public ResponseEntity<ResultPage> results(
            @PathVariable String jobId,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.AFTER_DOC + " (a line number)") @RequestParam(required = false)
            String after) {
        Job job = withResults(jobId);
        Paging.PageRequest page = Paging.request(limit, after);
        Paging.Page<LineResult> shown = Paging.of(jobs.results(job.no(), page.afterNumber(), page.limit() + 1), page,
                LineResult::line);
        return ResponseEntity.ok().headers(Paging.headers(shown, page))
                .body(new ResultPage(job.id().toString(), job.status(), job.total(), job.done(), shown.items()));
    }

    @GetMapping(path = "/api/budget/imports/{jobId}/results.ndjson")
    @Operation(summary = "Every line result so far as JSON lines (application/x-ndjson), streamed, in line order",
            description = GONE)
    public void resultsAsJsonLines(@PathVariable String jobId, HttpServletResponse response) throws IOException {
        Job job = withResults(jobId);
        download(job, response, ImportController.NDJSON, "ndjson", null, r -> {
            try {
                return json.writeValueAsString(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @GetMapping(path = "/api/budget/imports/{jobId}/results.csv")
    @Operation(summary = "Every line result so far as CSV (text/csv, UTF-8), streamed, in line order",
            description = "Columns: " + CSV_HEADER + ". Cells a spreadsheet would read as a formula are written as "
                    + "text. " + GONE)
    public void resultsAsCsv(@PathVariable String jobId, HttpServletResponse response) throws IOException {
        Job job = withResults(jobId);
        download(job, response, ImportController.CSV, "csv", CSV_HEADER, r -> Stream.of(String.valueOf(r.line()),
                r.lineId(), r.op(), r.district(), r.target(), r.status(),
                r.sequence() == null ? null : String.valueOf(r.sequence()), r.rule(), r.field(), r.message())
                .map(CsvCells::cell).collect(Collectors.joining(",")));
    }

    private void download(Job job, HttpServletResponse response, String mediaType, String extension, String header,
                          java.util.function.Function<LineResult, String> row) throws IOException {
        response.setContentType(mediaType + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + job.id() + "-results."
                + extension + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                1 << 16);
        if (header != null) {
            out.write(header);
            out.write('\n');
        }
        try {
            jobs.eachResult(job.no(), r -> {
                try {
                    out.write(row.apply(r));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** A job's results were removed after the retention period ({@link ImportJobRetention}). */
    static final class FilesRemoved extends RuntimeException {
        FilesRemoved(Job job) {
            super("the files and line results of import job " + job.id() + " were removed at "
                    + job.filesRemovedAt() + ", after the retention period; its counts are at "
                    + ImportJobView.PATH + job.id());
        }
    }

    @ExceptionHandler(FilesRemoved.class)
    ResponseEntity<ProblemDetail> filesRemoved(FilesRemoved e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.build(HttpStatus.GONE, "Gone", e.getMessage(), "IMPORT_FILES_REMOVED",
                        List.of(new Problems.FieldProblem("jobId", e.getMessage())), request.getRequestURI()));
    }

    /** The job, if the caller may read it and its results are still kept (410 {@code IMPORT_FILES_REMOVED}). */
    private Job withResults(String jobId) {
        Job job = readable(jobId);
        if (job.filesRemovedAt() != null) {
            throw new FilesRemoved(job);
        }
        return job;
    }

    /** The job, if the caller may read it (404 unknown, 403 otherwise). */
    private Job readable(String jobId) {
        CallerContext caller = CallerContext.required();
        requireReader(caller);
        Job job = parse(jobId).flatMap(jobs::find)
                .orElseThrow(() -> new NotFound("jobId", "no import job " + jobId));
        if (caller.isSystem() || caller.actor().equals(job.actor())) {
            return job;
        }
        if (job.districts().isEmpty() || !job.districts().stream().allMatch(caller::actsInDistrict)) {
            throw new Forbidden("DISTRICT_NOT_PERMITTED", "jobId", caller.actor() + " may not read import job "
                    + jobId + ": it holds lines of districts " + job.districts());
        }
        return job;
    }

    private static void requireReader(CallerContext caller) {
        if (!caller.isSystem() && READERS.stream().noneMatch(caller::hasRole)) {
            throw new Forbidden("IMPORT_READERS_ONLY", "role", "only FINANCE, INTEGRATION or AUDITOR read import jobs");
        }
    }

    private static java.util.Optional<UUID> parse(String jobId) {
        try {
            return java.util.Optional.of(UUID.fromString(jobId));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
