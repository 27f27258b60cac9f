package io.jixiao.evaluation.settings;

import io.jixiao.support.web.District;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.access.Act;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.IfMatch;
import io.jixiao.support.web.Paging.Page;
import io.jixiao.support.web.Paging.PageRequest;
import io.jixiao.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A district's evaluation rules as versioned configuration: read the version in force, replace it (a new
 * version; history is kept), read any version a score names.
 */
@RestController
@RequestMapping("/api/evaluation/districts/{districtCode}/settings")
public class SettingsController {
    private final RuleVersions versions;

    public SettingsController(RuleVersions versions) {
        this.versions = versions;
    }

    /** A rule version as the API shows it. */
    public record SettingsState(String districtCode, String ruleVersion, int version, Instant createdAt, String actor,
                                String note, @Schema(implementation = SettingsDocument.class) ObjectNode settings) {
        static SettingsState of(RuleVersion v) {
            return new SettingsState(v.districtCode(), v.id(), v.number(), v.createdAt(), v.actor(), v.note(),
                    RulesJson.write(v.rules()));
        }
    }

    @GetMapping
    @Operation(summary = "The rules in force (version 0 = the built-in defaults of docs/rules.md)")
    public ResponseEntity<SettingsState> get(@PathVariable @District String districtCode) {
        RuleVersion v = versions.current(districtCode);
        return ResponseEntity.ok().eTag(IfMatch.etag(v.number())).body(SettingsState.of(v));
    }

    @PutMapping
    @Operation(summary = "Replace the rules: a new version, merged over the built-in defaults (omitted = default)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = SettingsDocument.class))))
    public ResponseEntity<SettingsState> put(@PathVariable @District String districtCode,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestBody JsonNode body) {
        Act.CHANGE_SETTINGS.require(districtCode);
        EvaluationRules rules = RulesJson.read(body, DefaultRules.forDistrict(districtCode));
        CallerContext caller = CallerContext.required();
        String note = body.path("note").isTextual() ? body.path("note").asText() : null;
        if (note != null && !note.matches(Keys.TEXT)) {
            // the body is read as a tree, which service-support's text guard does not see: a NUL would reach the
            // database (and be refused there with a 500)
            throw InvalidInput.of("SETTINGS_INVALID", "note", Keys.TEXT_MESSAGE);
        }
        RuleVersions.Saved saved = versions.save(districtCode, rules, IfMatch.version(ifMatch), caller.actor(),
                caller.correlationId(), note);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(IfMatch.etag(saved.version().number())).body(SettingsState.of(saved.version()));
    }

    @GetMapping("/versions")
    @Operation(summary = "Every version of the district's rules, v0 first, a page at a time (Link rel=\"next\")")
    public ResponseEntity<List<SettingsState>> history(@PathVariable @District String districtCode,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.AFTER_DOC + " (a version number)") @RequestParam(required = false)
            String after) {
        PageRequest page = Paging.request(limit, after);
        Page<SettingsState> shown = Paging.slice(versions.history(districtCode).stream().map(SettingsState::of)
                .toList(), page, s -> String.valueOf(s.version()));
        return ResponseEntity.ok().headers(Paging.headers(shown, page)).body(shown.items());
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "One version of the district's rules (the ruleVersion a score records is {d}:v{version})")
    public SettingsState version(@PathVariable @District String districtCode,
                                 @PathVariable int version) {
        return versions.find(districtCode, version).map(SettingsState::of)
                .orElseThrow(() -> new NotFound("version", "no version " + version + " of the settings of " + districtCode));
    }

    /** The settings document (for the OpenAPI description; the service reads it field by field). */
    @Schema(description = "A district's rule settings. Every part is optional on PUT; what is omitted takes the "
            + "built-in default. Decimals may be numbers or strings.")
    public record SettingsDocument(
            @Schema(description = "lower bounds of 优, 良, 中 (差 is below 中)", example = "{\"优\":\"90\",\"良\":\"80\",\"中\":\"60\"}")
            Map<String, String> gradeBands,
            ResultApplicationDocument resultApplication,
            MonitoringDocument monitoring,
            WeightsDocument weights,
            @Schema(description = "达成 / 部分达成 / 未达成 → {min, max, default} shares of the weight (0–1)")
            Map<String, BandDocument> qualitativeBands,
            DisclosureDocument disclosure,
            @Schema(description = "why the rules changed (kept with the version)") String note) {
    }

    public record ResultApplicationDocument(
            @Schema(allowableValues = {"BY_GRADE", "CUT_GOOD_AND_BELOW"}) String policy,
            @Schema(description = "grade → measure", example = "{\"优\":\"重点保障\",\"良\":\"优先保障\",\"中\":\"减少安排\",\"差\":\"取消安排\"}")
            Map<String, String> measures,
            @Schema(description = "measure → share of the full-year budget cut (fraction)", example = "{\"减少安排\":\"0.10\",\"取消安排\":\"1.00\"}")
            Map<String, String> cutRatios,
            @Schema(description = "CUT_GOOD_AND_BELOW: share cut from every project graded 良 or below", example = "0.10")
            String cutShare) {
    }

    public record MonitoringDocument(
            @Schema(example = "[6, 7]") List<Integer> checkpointMonths,
            @Schema(example = "20") String tolerancePoints,
            KeyMonitoringDocument keyMonitoring) {
    }

    public record KeyMonitoringDocument(@Schema(description = "yuan", example = "2000000.00") String minBudget,
                                        @Schema(example = "60") String executionBelowPercent,
                                        @Schema(example = "8") Integer month) {
    }

    public record WeightsDocument(@Schema(example = "100") String total,
                                  @Schema(allowableValues = {"ALWAYS", "DECLARED_COMPLETE"}) String enforcement,
                                  @Schema(example = "10") String budgetExecutionDefault) {
    }

    public record DisclosureDocument(@Schema(description = "performance goals are published within this many days "
            + "of the budget's approval (1–366)", example = "20") Integer goalsDeadlineDays) {
    }

    public record BandDocument(String min, String max, @Schema(name = "default") String defaultShare) {
    }
}
