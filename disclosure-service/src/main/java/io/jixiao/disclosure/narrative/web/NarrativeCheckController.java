package io.jixiao.disclosure.narrative.web;

import io.jixiao.disclosure.narrative.DocxText;
import io.jixiao.disclosure.narrative.NarrativeHtml;
import io.jixiao.disclosure.narrative.NarrativeResult;
import io.jixiao.disclosure.web.BadParameter;
import io.jixiao.disclosure.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Narrative checks: a draft's figures and direction words checked against the records, and the kept checks. */
@RestController
@RequestMapping("/api/disclosure/districts/{districtCode}/years/{year}/narrative-checks")
@Tag(name = "narrative-checks", description = "Every figure and direction word of a draft report checked against the records")
public class NarrativeCheckController {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    static final String REPLAYED = "Idempotent-Replayed";
    private final NarrativeCheckService checks;
    private final long maxBytes;

    public NarrativeCheckController(NarrativeCheckService checks,
                                    @Value("${jixiao.narrative.max-draft-bytes:5242880}") long maxBytes) {
        this.checks = checks;
        this.maxBytes = maxBytes;
    }

    @PostMapping
    @Operation(summary = "Check a draft",
            description = "The body is the draft: text/plain (UTF-8 unless the charset says otherwise) or a Word "
                    + "document (" + DOCX + "). Answers every numeric claim with its sentence, span, what it states, "
                    + "the figure of the records it should match (report field and events) and a verdict: CONSISTENT, "
                    + "CONTRADICTED, INCONSISTENT or UNVERIFIABLE. The check is kept (201); a retry with the same "
                    + "Idempotency-Key and draft answers the kept check (200, Idempotent-Replayed: true), with "
                    + "another draft 409. 400 empty or unreadable draft, 404 no records for the district or year, "
                    + "413 draft larger than the limit (default 5 MB), 415 neither text nor .docx; nothing is kept "
                    + "then. format=html answers the zh-CN page.")
    @RequestBody(content = {@Content(mediaType = "text/plain", schema = @Schema(type = "string")),
            @Content(mediaType = DOCX, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "201", description = "The kept check", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = NarrativeCheckView.class)),
            @Content(mediaType = "text/html", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "200", description = "A retry: the check kept for this Idempotency-Key",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = NarrativeCheckView.class)))
    @ApiResponse(responseCode = "413", description = "The draft is larger than the limit; nothing kept",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "415", description = "The draft is neither text/plain nor .docx; nothing kept",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public ResponseEntity<?> check(
            @PathVariable String districtCode, @PathVariable int year,
            @Parameter(description = "check against the records as of a date (end of that day, Asia/Shanghai) or an "
                    + "ISO instant; absent = now") @RequestParam(required = false) String asOf,
            @Parameter(schema = @Schema(allowableValues = {"json", "html"}))
            @RequestParam(defaultValue = "json") String format,
            HttpServletRequest request) throws IOException {
        Params.district(districtCode);
        Params.year(year);
        Instant at = Params.asOf(asOf);
        format(format);
        NarrativeCheckService.Draft draft = readDraft(request);
        NarrativeCheckView view = checks.check(districtCode, year, at, asOf, draft);
        return answer(view, draft.text(), format, Boolean.TRUE.equals(view.replayed())
                ? ResponseEntity.ok().header(REPLAYED, "true")
                : ResponseEntity.created(URI.create("/api/disclosure/districts/" + districtCode + "/years/" + year
                + "/narrative-checks/" + view.checkId())));
    }

    @GetMapping
    @Operation(summary = "The kept checks of a district's year", description = "Who checked which draft (SHA-256), "
            + "when, against which records, with the count of each verdict.")
    public List<NarrativeCheckSummary> list(@PathVariable String districtCode, @PathVariable int year) {
        Params.district(districtCode);
        Params.year(year);
        return checks.list(districtCode, year);
    }

    @GetMapping("/{checkId}")
    @Operation(summary = "One kept check", description = "format=html answers the zh-CN page of the kept draft.")
    public ResponseEntity<?> get(@PathVariable String districtCode, @PathVariable int year,
                                 @PathVariable String checkId,
                                 @Parameter(schema = @Schema(allowableValues = {"json", "html"}))
                                 @RequestParam(defaultValue = "json") String format) {
        Params.district(districtCode);
        Params.year(year);
        Params.id("checkId", checkId);
        format(format);
        NarrativeCheckStore.Kept kept = checks.kept(districtCode, year, checkId);
        return answer(kept.view(), kept.draftText(), format, ResponseEntity.ok());
    }

    private static void format(String format) {
        if (!format.equals("json") && !format.equals("html")) {
            throw new BadParameter("format", "must be json or html");
        }
    }

    private static ResponseEntity<?> answer(NarrativeCheckView view, String draftText, String format,
                                            ResponseEntity.BodyBuilder builder) {
        if (format.equals("html")) {
            return builder.contentType(HTML).body(NarrativeHtml.render(draftText,
                    new NarrativeResult(view.districtCode(), view.year(), draftText.length(), view.claims()),
                    new NarrativeHtml.Header(view.districtCode(), view.districtName() == null ? view.districtCode()
                            : view.districtName(), view.year(), view.checkId(),
                            view.checkedBy(), view.checkedAt().toString(), view.asOf().toString(),
                            view.records().eventsFolded(), view.records().lastEventAt() == null ? null
                            : view.records().lastEventAt().toString())));
        }
        return builder.contentType(MediaType.APPLICATION_JSON).body(view);
    }

    /** The body as a draft: size-limited, text or .docx, decoded and not empty; each refusal names its field. */
    private NarrativeCheckService.Draft readDraft(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            if (declared > maxBytes) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                throw tooLarge();
            }
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                throw tooLarge();
            }
        }
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            throw new NarrativeProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_DRAFT", "Content-Type",
                    "is not a media type: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new NarrativeProblem(HttpStatus.BAD_REQUEST, "EMPTY_DRAFT", "draft", "is empty");
        }
        String sha = Hashes.sha256(bytes);
        boolean docx = type != null && (type.toString().startsWith(DOCX)
                || MediaType.APPLICATION_OCTET_STREAM.includes(type) && DocxText.looksLikeZip(bytes));
        String text;
        String format;
        if (docx) {
            try {
                text = DocxText.text(bytes);
            } catch (DocxText.NotADocx e) {
                throw new NarrativeProblem(HttpStatus.BAD_REQUEST, "UNREADABLE_DRAFT", "draft",
                        "is not a readable Word document (.docx): " + e.getMessage());
            }
            format = "DOCX";
        } else if (type != null && type.getType().equals("text") && type.getSubtype().equals("plain")) {
            text = decode(bytes, type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset());
            format = "TEXT";
        } else {
            throw new NarrativeProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_DRAFT", "draft",
                    "must be text/plain or a Word document (" + DOCX + "), not " + (type == null ? "untyped" : type));
        }
        if (text.isBlank()) {
            throw new NarrativeProblem(HttpStatus.BAD_REQUEST, "EMPTY_DRAFT", "draft", "has no text");
        }
        return new NarrativeCheckService.Draft(text, format, sha);
    }

    private NarrativeProblem tooLarge() {
        return new NarrativeProblem(HttpStatus.PAYLOAD_TOO_LARGE, "DRAFT_TOO_LARGE", "draft",
                "is larger than " + maxBytes + " bytes");
    }

    private static String decode(byte[] bytes, Charset charset) {
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NarrativeProblem(HttpStatus.BAD_REQUEST, "UNREADABLE_DRAFT", "draft",
                    "is not " + charset.name() + " text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                throw new NarrativeProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_DRAFT", "draft",
                        "is not text (control character U+" + String.format("%04X", (int) c) + " at " + i + ")");
            }
        }
        return text;
    }
}
