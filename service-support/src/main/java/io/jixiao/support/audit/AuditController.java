package io.jixiao.support.audit;

import io.jixiao.audit.AuditExport;
import io.jixiao.audit.BrokenLink;
import io.jixiao.audit.ChainVerifier;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.domain.Forbidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit of a service's event store, the same in every service under {@code jixiao.api.path}
 * ({@code /api/budget}, {@code /api/evaluation}, {@code /api/disclosure}): verify a district's (or a project's)
 * hash chains in the live store, naming the first broken link, and export them as one self-contained file that
 * {@code java -jar audit-verifier.jar FILE} checks offline (docs/audit.md). A district's aggregates are those whose
 * id starts with {@code <district>:}; a project's is the aggregate {@code <district>:<project>}.
 * The gateway lets only FINANCE and AUDITOR callers of the district reach it; the service checks the same.
 */
@RestController
@RequestMapping("${jixiao.api.path}/districts/{districtCode}")
@Tag(name = "audit", description = "hash chains of the event store: verify, export")
public class AuditController {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AuditStore store;
    private final String service;
    private final Clock clock;

    public AuditController(AuditStore store, String service, Clock clock) {
        this.store = store;
        this.service = service;
        this.clock = clock;
    }

    /**
     * What a verification found. {@code firstBroken} is absent when every chain holds.
     */
    public record Verification(String service, String district, String project, boolean ok, long events, long chains,
                               long millis, BrokenLink firstBroken) {
    }

    @GetMapping("/audit/verify")
    @Operation(summary = "Check every hash chain of the district in the live store; names the first broken link")
    public Verification verifyDistrict(@PathVariable String districtCode) {
        allowed(districtCode, null);
        long start = System.nanoTime();
        ChainVerifier verifier = store.verifyDistrict(districtCode);
        return result(districtCode, null, verifier, start);
    }

    @GetMapping("/projects/{projectId}/audit/verify")
    @Operation(summary = "Check the hash chain of one project (the aggregate project:<district>:<project>) in the live store")
    public Verification verifyProject(@PathVariable String districtCode, @PathVariable String projectId) {
        allowed(districtCode, projectId);
        long start = System.nanoTime();
        ChainVerifier verifier = store.verifyAggregate(projectAggregate(districtCode, projectId));
        return result(districtCode, projectId, verifier, start);
    }

    @GetMapping("/audit/export")
    @Operation(summary = "The district's events, hashes and canonical-form rules as one file (" + AuditExport.FORMAT
            + ") for java -jar audit-verifier.jar")
    public void exportDistrict(@PathVariable String districtCode, HttpServletResponse response) throws IOException {
        allowed(districtCode, null);
        export(response, districtCode, null, (streamer) -> store.district(districtCode, e -> write(streamer, e)));
    }

    @GetMapping("/projects/{projectId}/audit/export")
    @Operation(summary = "One project's events, hashes and canonical-form rules as one file (" + AuditExport.FORMAT
            + ") for java -jar audit-verifier.jar")
    public void exportProject(@PathVariable String districtCode, @PathVariable String projectId,
                              HttpServletResponse response) throws IOException {
        allowed(districtCode, projectId);
        export(response, districtCode, projectId,
                (streamer) -> store.aggregate(projectAggregate(districtCode, projectId), e -> write(streamer, e)));
    }

    /** A project's aggregate identifier, as every service types its aggregates ({@code project:430203:P1}). */
    static String projectAggregate(String districtCode, String projectId) {
        return "project:" + districtCode + ":" + projectId;
    }

    private void export(HttpServletResponse response, String district, String project,
                        java.util.function.Consumer<AuditExport.Streamer> events) throws IOException {
        String name = service + "-" + district + (project == null ? "" : "-" + project) + "-audit.json";
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        Writer out = new java.io.BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                1 << 16);
        AuditExport.Streamer streamer = new AuditExport.Streamer(out,
                new AuditExport.Header(service, district, project, Instant.now(clock).toString()));
        events.accept(streamer);
        streamer.finish();
    }

    private static boolean write(AuditExport.Streamer streamer, io.jixiao.audit.ChainedEvent e) {
        try {
            streamer.event(e);
            return true;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private Verification result(String district, String project, ChainVerifier verifier, long start) {
        return new Verification(service, district, project, verifier.firstBroken().isEmpty(), verifier.events(),
                verifier.aggregates(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                verifier.firstBroken().orElse(null));
    }

    private static void allowed(String district, String project) {
        if (!CODE.matcher(district).matches() || (project != null && !CODE.matcher(project).matches())) {
            throw new IllegalArgumentException("district and project ids are letters, digits, '_' or '-'");
        }
        CallerContext caller = CallerContext.required();
        if (!(caller.hasRole("FINANCE") || caller.hasRole("AUDITOR")) || !caller.actsInDistrict(district)) {
            throw new Forbidden("AUDIT_FINANCE_OR_AUDITOR", "districtCode",
                    "only FINANCE or AUDITOR callers of district " + district + " may verify or export its history");
        }
    }
}
