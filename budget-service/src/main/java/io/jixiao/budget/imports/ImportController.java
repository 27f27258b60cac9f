package io.jixiao.budget.imports;

import io.jixiao.support.context.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk import for the budget-management platform: JSON lines or CSV, one command per line, a result per line; applied
 * at once, or stored and applied as a job ({@link ImportJobWorker}) when the caller prefers it or the file is large.
 */
@RestController
@Tag(name = "imports", description = "bulk import, one command per line")
public class ImportController {
    static final String NDJSON = "application/x-ndjson";
    static final String JSON_LINES = "application/json-lines";
    static final String JSONL = "application/jsonl";
    static final String CSV = "text/csv";

    static final String RESPOND_ASYNC = "respond-async";

    private final BulkImport imports;
    private final ImportJobs jobs;
    private final ImportJobWorker worker;
    private final int maxLines;
    private final int maxJobLines;

    public ImportController(BulkImport imports, ImportJobs jobs, ImportJobWorker worker,
                            @Value("${jixiao.imports.max-lines:50000}") int maxLines,
                            @Value("${jixiao.imports.jobs.max-lines:200000}") int maxJobLines) {
        this.imports = imports;
        this.jobs = jobs;
        this.worker = worker;
        this.maxLines = maxLines;
        this.maxJobLines = Math.max(maxLines, maxJobLines);
    }

    /** One line of the schema (every field but lineId, op and district depends on op; see README.md). */
    @Schema(name = "ImportLine", description = "one command; JSON lines: one object per line; CSV: the same names "
            + "in a header row. ops: " + "registerUnit, registerProject, appropriate, adjust, carryOver, spend, "
            + "basicBudget, basicAdjust, basicSpend, threePublicBudget, threePublicSpend, transfer, debtOpening, "
            + "debtLimit, bond, principal, interest")
    public record ImportLineDoc(
            @Schema(description = "the line's idempotency key, scoped by district and target", requiredMode =
                    Schema.RequiredMode.REQUIRED, example = "2023-approp-czj-xxh") String lineId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "appropriate") String op,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "430203") String district,
            String projectId, String unitId, Integer fiscalYear, Integer year, String name, String category,
            Integer projectCount, String previousProjectId, Boolean aggregate, Integer staffingAuthorized,
            Integer staffingActual, @Schema(description = "yuan, at most two decimals", example = "300000.00")
            String amount, String source, String docNo, String date, String basis, String reason, Integer fromYear,
            @Schema(name = "class", description = "PERSONNEL or PUBLIC") String expenditureClass, String kind,
            String type, String bondId, List<Integer> termYears, String purpose, Long expectedVersion) {
    }

    @PostMapping(path = "/api/budget/imports", consumes = {NDJSON, JSON_LINES, JSONL, CSV},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply a file of commands, each line on its own; safe to resend whole (lineId)",
            description = "Lines of a district the caller may not act in are rejected (DISTRICT_NOT_ALLOWED). "
                    + "Unit registrations apply first; lines of one target apply in file order. With "
                    + "`Prefer: respond-async`, and always for a file of more than jixiao.imports.max-lines (50,000) "
                    + "lines, the file is stored and applied as a job: 202 with `Location: /api/budget/imports/{jobId}` "
                    + "(at most jixiao.imports.jobs.max-lines, 200,000). The same Idempotency-Key with the same file "
                    + "answers the same job; with another file 409 IDEMPOTENCY_KEY_REUSED.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = NDJSON, schema = @Schema(implementation = ImportLineDoc.class),
                            examples = @ExampleObject(value = "{\"lineId\":\"l1\",\"op\":\"appropriate\","
                                    + "\"district\":\"430203\",\"projectId\":\"czj-xxh\",\"amount\":\"300000.00\","
                                    + "\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}")),
                    @Content(mediaType = CSV, schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = "lineId,op,district,projectId,amount,date\n"
                                    + "l2,spend,430203,czj-xxh,1000.00,2023-03-01"))}),
            responses = {
                    @ApiResponse(responseCode = "200", description = "applied now: a result per line",
                            content = @Content(schema = @Schema(implementation = ImportResult.class))),
                    @ApiResponse(responseCode = "202", description = "stored as a job; Location names it",
                            headers = @Header(name = "Location", description = "/api/budget/imports/{jobId}"),
                            content = @Content(schema = @Schema(implementation = ImportJobView.class)))})
    public ResponseEntity<Object> importLines(
            HttpServletRequest request,
            @Parameter(description = "respond-async: store the file and answer 202 with the job")
            @RequestHeader(name = "Prefer", required = false) String prefer) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                : Charset.forName(request.getCharacterEncoding());
        byte[] body = request.getInputStream().readAllBytes();
        List<ImportLine> lines;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(body), charset)) {
            lines = contentType.startsWith(CSV) ? ImportParser.csv(reader, maxJobLines)
                    : ImportParser.jsonLines(reader, maxJobLines);
        } catch (ImportParser.TooManyLines e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the import holds no lines");
        }
        CallerContext caller = CallerContext.required();
        boolean asked = prefer != null && Arrays.stream(prefer.split(",")).map(String::trim)
                .anyMatch(p -> p.equalsIgnoreCase(RESPOND_ASYNC));
        if (!asked && lines.size() <= maxLines) {
            return ResponseEntity.ok(imports.apply(lines, caller));
        }
        Set<String> districts = new TreeSet<>();
        for (ImportLine line : lines) {
            String d = line.get("district");
            if (d != null && ImportOps.DISTRICT.matcher(d).matches() && caller.actsInDistrict(d)) {
                districts.add(d);
            }
        }
        String mediaType = contentType.startsWith(CSV) ? CSV : NDJSON;
        ImportJobs.Created created = jobs.create(new ImportJobs.Upload(caller, fingerprint(mediaType, charset, body),
                districts, mediaType, charset.name(), body, lines.size()));
        worker.wake();
        ResponseEntity.BodyBuilder answer = ResponseEntity.accepted()
                .location(URI.create(ImportJobView.PATH + created.job().id()))
                .header("Idempotent-Replayed", String.valueOf(created.replayed()));
        if (asked) {
            answer.header("Preference-Applied", RESPOND_ASYNC);
        }
        return answer.body(ImportJobView.of(created.job()));
    }

    private static String fingerprint(String mediaType, Charset charset, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((mediaType + ";" + charset.name() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
