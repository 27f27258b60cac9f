package io.jixiao.support.audit;

import io.jixiao.audit.Anchor;
import io.jixiao.audit.AnchorVerifier;
import io.jixiao.audit.AuditExport;
import io.jixiao.audit.BrokenLink;
import io.jixiao.audit.CanonicalForm;
import io.jixiao.audit.PublicKeys;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit of a service's event store, the same in every service under {@code jixiao.api.path}
 * ({@code /api/budget}, {@code /api/evaluation}, {@code /api/disclosure}): verify a district's (or a project's)
 * hash chains in the live store, naming the first broken link, and export them as one self-contained file that
 * {@code java -jar audit-verifier.jar FILE} checks offline (docs/audit.md). A district's aggregates are those whose
 * id starts with {@code <district>:}; a project's is the aggregate {@code <district>:<project>}.
 * The gateway lets only FINANCE and AUDITOR callers of the district reach it; the service checks the same.
 * A FINANCE caller signs the district's chain heads on demand ({@code POST …/audit/anchors}); verify and export
 * check and carry the signed anchors and the public keys ({@code GET …/audit/keys}).
 */
@RestController
@RequestMapping("${jixiao.api.path}/districts/{districtCode}")
@Tag(name = "audit", description = "hash chains of the event store: verify, export")
public class AuditController {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AuditStore store;
    private final AnchorStore anchors;
    private final String service;
    private final Clock clock;

    public AuditController(AuditStore store, AnchorStore anchors, String service, Clock clock) {
        this.store = store;
        this.anchors = anchors;
        this.service = service;
        this.clock = clock;
    }

    /**
     * What a verification found. {@code firstBroken} is absent when every chain and every signed anchor holds.
     */
    public record Verification(String service, String district, String project, boolean ok, long events, long chains,
                               long anchors, long millis, BrokenLink firstBroken) {
    }

    /** A signed anchor as the API shows it (hashes hex, signature base64). */
    public record AnchorView(String service, String district, long sequence, String anchoredAt, int chains,
                             String root, String keyId, String signature, String previousHash, String hash) {
        static AnchorView of(Anchor a) {
            return new AnchorView(a.service(), a.district(), a.sequence(), a.anchoredAt(), a.heads().size(),
                    CanonicalForm.hex(a.root()), a.keyId(), java.util.Base64.getEncoder().encodeToString(a.signature()),
                    CanonicalForm.hex(a.previousHash()), CanonicalForm.hex(a.hash()));
        }
    }

    /** A public key anchors are checked with. */
    public record KeyView(String keyId, String algorithm, String publicKey, boolean signsNewAnchors) {
    }

    @PostMapping("/audit/anchors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign the heads of every hash chain of the district now, as one Merkle root (FINANCE only)")
    public AnchorView anchor(@PathVariable String districtCode) {
        CallerContext caller = CallerContext.required();
        if (!CODE.matcher(districtCode).matches()) {
            throw new IllegalArgumentException("district ids are letters, digits, '_' or '-'");
        }
        if (!caller.hasRole("FINANCE") || !caller.actsInDistrict(districtCode)) {
            throw new Forbidden("AUDIT_ANCHOR_FINANCE", "districtCode",
                    "only FINANCE callers of district " + districtCode + " may sign its chain heads");
        }
        return AnchorView.of(anchors.anchor(districtCode, caller.requestId()));
    }

    @GetMapping("/audit/keys")
    @Operation(summary = "The Ed25519 public keys this service's anchors are checked with (X.509, base64)")
    public List<KeyView> keys(@PathVariable String districtCode) {
        allowed(districtCode, null);
        PublicKeys keys = anchors.keys().publicKeys();
        return keys.all().entrySet().stream().map(e -> new KeyView(e.getKey(), PublicKeys.ALGORITHM,
                PublicKeys.encode(e.getValue()), e.getKey().equals(anchors.keys().keyId()))).toList();
    }

    @GetMapping("/audit/verify")
    @Operation(summary = "Check every hash chain of the district in the live store; names the first broken link")
    public Verification verifyDistrict(@PathVariable String districtCode) {
        allowed(districtCode, null);
        long start = System.nanoTime();
        return verify(districtCode, null, start);
    }

    @GetMapping("/projects/{projectId}/audit/verify")
    @Operation(summary = "Check the hash chain of one project (the aggregate project:<district>:<project>) in the live store")
    public Verification verifyProject(@PathVariable String districtCode, @PathVariable String projectId) {
        allowed(districtCode, projectId);
        long start = System.nanoTime();
        return verify(districtCode, projectId, start);
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
                new AuditExport.Header(service, district, project, Instant.now(clock).toString()),
                anchors.anchors(district), anchors.keys().publicKeys());
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

    /** The anchors first, then the chains event by event against the heads the anchors signed. */
    private Verification verify(String district, String project, long start) {
        String aggregate = project == null ? null : projectAggregate(district, project);
        Predicate<String> inScope = aggregate == null ? a -> true : aggregate::equals;
        AnchorVerifier anchorVerifier = new AnchorVerifier(anchors.keys().publicKeys(), inScope);
        AuditStore.Checked checked = new AuditStore.Checked(0, 0, Optional.empty());
        if (anchorVerifier.checkAnchors(anchors.anchors(district))) {
            checked = aggregate == null ? store.verifyDistrict(district, anchorVerifier)
                    : store.verifyAggregate(aggregate, anchorVerifier);
        }
        Optional<BrokenLink> broken = anchorVerifier.firstBroken().or(checked::firstBroken).or(anchorVerifier::finish);
        return new Verification(service, district, project, broken.isEmpty(), checked.events(),
                checked.aggregates(), anchorVerifier.anchors(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                broken.orElse(null));
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
