package io.jixiao.budget.imports;

import io.jixiao.support.context.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bulk import for the budget-management platform: JSON lines or CSV, one command per line, a result per line. */
@RestController
@Tag(name = "imports", description = "bulk import, one command per line")
public class ImportController {
    static final String NDJSON = "application/x-ndjson";
    static final String JSON_LINES = "application/json-lines";
    static final String JSONL = "application/jsonl";
    static final String CSV = "text/csv";

    private final BulkImport imports;
    private final int maxLines;

    public ImportController(BulkImport imports, @Value("${jixiao.imports.max-lines:50000}") int maxLines) {
        this.imports = imports;
        this.maxLines = maxLines;
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
                    + "Unit registrations apply first; lines of one target apply in file order.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = NDJSON, schema = @Schema(implementation = ImportLineDoc.class),
                            examples = @ExampleObject(value = "{\"lineId\":\"l1\",\"op\":\"appropriate\","
                                    + "\"district\":\"430203\",\"projectId\":\"czj-xxh\",\"amount\":\"300000.00\","
                                    + "\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}")),
                    @Content(mediaType = CSV, schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = "lineId,op,district,projectId,amount,date\n"
                                    + "l2,spend,430203,czj-xxh,1000.00,2023-03-01"))}))
    public ImportResult importLines(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                : Charset.forName(request.getCharacterEncoding());
        List<ImportLine> lines;
        try (Reader body = new InputStreamReader(request.getInputStream(), charset)) {
            lines = contentType.startsWith(CSV) ? ImportParser.csv(body, maxLines)
                    : ImportParser.jsonLines(body, maxLines);
        } catch (ImportParser.TooManyLines e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the import holds no lines");
        }
        CallerContext caller = CallerContext.required();
        return imports.apply(lines, caller);
    }
}
