package io.jixiao.evaluation.resultapplication;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.access.Act;
import io.jixiao.evaluation.assessment.EvaluationView;
import io.jixiao.evaluation.resultapplication.ResultApplicationApi.ApplyAnswer;
import io.jixiao.evaluation.resultapplication.ResultApplicationApi.PolicyDocument;
import io.jixiao.evaluation.resultapplication.ResultApplicationApi.PreviewAnswer;
import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.evaluation.settings.RuleVersion;
import io.jixiao.evaluation.settings.RuleVersions;
import io.jixiao.evaluation.settings.RulesJson;
import io.jixiao.events.Labelled;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.support.web.District;
import io.jixiao.support.web.FiscalYear;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Iterator;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 结果应用预演 and applying a policy to a district's year (decision 0033). {@code {year}} is the year of the
 * evaluations as the district report counts them (a self-evaluation of that fiscal year, a key evaluation carried
 * out in it); their results change the budgets of {@code year + 1}.
 */
@RestController
@RequestMapping("/api/evaluation/districts/{districtCode}/years/{year}/result-application")
public class ResultApplicationController {
    static final String RULE = "RESULT_POLICY_INVALID";
    private static final String FINGERPRINT = "previewFingerprint";
    private static final String NOTE = "note";
    private static final Set<String> FIELDS = Set.of("policy", "measures", "cutRatios", "cutShare",
            "acceptedSelfEvaluationsOnly", NOTE, FINGERPRINT);

    private final DistrictResults results;
    private final PolicyApplication application;
    private final RuleVersions rules;
    private final EvaluationView evaluations;

    public ResultApplicationController(DistrictResults results, PolicyApplication application, RuleVersions rules,
                                       EvaluationView evaluations) {
        this.results = results;
        this.application = application;
        this.rules = rules;
        this.evaluations = evaluations;
    }

    @PostMapping("/preview")
    @Operation(summary = "结果应用预演 (FINANCE, AUDITOR): per graded project the grade, measure, ratio, budget and "
            + "next-year change under the candidate policy and under the policy in force, per-unit and district "
            + "totals, and a fingerprint of the figures. Records nothing. 422 RESULT_POLICY_INVALID naming each field",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = PolicyDocument.class))))
    public PreviewAnswer preview(@PathVariable @District String districtCode, @PathVariable @FiscalYear int year,
                                 @RequestBody JsonNode body) {
        Act.PREVIEW_RESULT_POLICY.require(districtCode);
        ResultApplicationRules candidate = read(districtCode, body, false);
        RuleVersion inForce = rules.current(districtCode);
        PolicyPreview.Preview preview = results.preview(districtCode, year, candidate, inForce);
        return PreviewAnswer.of(preview, DistrictResults.document(candidate),
                DistrictResults.document(inForce.rules().resultApplication()));
    }

    @PostMapping("/apply")
    @Operation(summary = "Applies the previewed policy (FINANCE): it becomes the district's rule version in force and "
            + "every graded evaluation of the year without an applied result records its EvaluationResultApplied "
            + "with the change previewed (201); a retry with the same Idempotency-Key applies nothing again (200). "
            + "409 PREVIEW_OUTDATED when the figures changed since the preview; 422 RESULT_POLICY_INVALID",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = PolicyDocument.class))))
    public ResponseEntity<ApplyAnswer> apply(@PathVariable @District String districtCode,
                                             @PathVariable @FiscalYear int year, @RequestBody JsonNode body) {
        Act.APPLY_RESULT_POLICY.require(districtCode);
        ResultApplicationRules candidate = read(districtCode, body, true);
        String note = body.path(NOTE).isTextual() ? body.path(NOTE).asText()
                : "结果应用：" + year + " 年评价结果按此政策应用于 " + (year + 1) + " 年预算";
        PolicyApplication.Outcome outcome = application.apply(districtCode, year, candidate,
                body.path(FINGERPRINT).asText(), note);
        boolean recorded = !outcome.replayed() && (outcome.run().newRuleVersion() || !outcome.run().plan().isEmpty());
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Jixiao-Outcome", recorded ? "APPLIED" : "UNCHANGED")
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(ApplyAnswer.of(outcome.run(), evaluations.ofYear(districtCode, year)));
    }

    /** The candidate over the built-in defaults (as a settings PUT reads it); every faulty field named at once. */
    private static ResultApplicationRules read(String districtCode, JsonNode body, boolean applying) {
        InvalidInput.Collector problems = new InvalidInput.Collector(RULE);
        if (body != null && body.isObject()) {
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!FIELDS.contains(field) && !isGrade(field)) {
                    problems.add(field, "unknown field of a result-application policy");
                }
            }
            JsonNode note = body.path(NOTE);
            if (!note.isMissingNode() && !(note.isTextual() && note.asText().matches(Keys.TEXT))) {
                problems.add(NOTE, Keys.TEXT_MESSAGE);
            }
            JsonNode fingerprint = body.path(FINGERPRINT);
            if (applying && !(fingerprint.isTextual() && fingerprint.asText().matches("[0-9a-f]{32}"))) {
                problems.add(FINGERPRINT, "the fingerprint of the preview being applied (32 hex digits) is missing");
            }
        }
        ResultApplicationRules candidate = null;
        try {
            candidate = RulesJson.readResultApplication(body,
                    DefaultRules.forDistrict(districtCode).resultApplication(), RULE);
        } catch (InvalidInput e) {
            e.problems().forEach(p -> problems.add(p.field(), p.message()));
        }
        problems.throwIfAny();
        return candidate;
    }

    private static boolean isGrade(String key) {
        try {
            Labelled.parse(Grade.class, key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
