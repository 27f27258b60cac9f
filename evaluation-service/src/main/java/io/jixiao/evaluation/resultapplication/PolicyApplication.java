package io.jixiao.evaluation.resultapplication;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.Views;
import io.jixiao.evaluation.assessment.EvaluationCommands.ApplyResult;
import io.jixiao.evaluation.assessment.EvaluationView;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Planned;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Preview;
import io.jixiao.evaluation.settings.EvaluationRules;
import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.evaluation.settings.RuleVersion;
import io.jixiao.evaluation.settings.RuleVersions;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RuleViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a previewed policy to a district's year (decision 0033): refuses unless the figures are still those of
 * the preview (409 {@code PREVIEW_OUTDATED}); puts the policy in force as the district's next rule version and
 * records the run (table {@code result_application_run}) in one transaction; then sends one {@code ApplyResult} per
 * planned evaluation, with the budgets the preview used, so every {@code EvaluationResultApplied} carries the change
 * previewed. A retry with the same {@code Idempotency-Key} finds its run and only finishes what is left; the
 * aggregate records a result once in any case.
 */
@Component
public class PolicyApplication {
    public static final String OUTDATED = "PREVIEW_OUTDATED";
    private static final TypeReference<List<Planned>> PLAN = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> REFUSED = new TypeReference<>() {
    };

    private final DistrictResults results;
    private final RuleVersions rules;
    private final EvaluationView evaluations;
    private final CommandSender commands;
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final TransactionTemplate transaction;

    public PolicyApplication(DistrictResults results, RuleVersions rules, EvaluationView evaluations,
                             CommandSender commands, JdbcTemplate jdbc, ObjectMapper objectMapper,
                             PlatformTransactionManager transactions) {
        this.results = results;
        this.rules = rules;
        this.evaluations = evaluations;
        this.commands = commands;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * One applying request as recorded: the rule version it put in force, what it planned to record, the evaluations
     * refused on the way (evaluation id → rule), and whether it finished.
     */
    public record Run(String runId, String districtCode, int year, String requestFingerprint, String previewFingerprint,
                      String ruleVersion, boolean newRuleVersion, List<Planned> plan, Map<String, String> refused,
                      boolean completed) {
    }

    /** What {@link #apply} did: the run, and whether the request was a retry answered from it. */
    public record Outcome(Run run, boolean replayed) {
    }

    public Outcome apply(String districtCode, int year, ResultApplicationRules candidate, String previewFingerprint,
                         String note) {
        CallerContext caller = CallerContext.required();
        String requestFingerprint = PolicyPreview.digest(districtCode + "|" + year + "|" + DistrictResults.form(candidate) + "|"
                + previewFingerprint + "|" + note);
        if (caller.requestId() != null) {
            Optional<Run> earlier = find(districtCode, caller.requestId());
            if (earlier.isPresent()) {
                if (!earlier.get().requestFingerprint().equals(requestFingerprint)) {
                    throw new Conflict("IDEMPOTENCY_KEY_REUSED", "request id '" + caller.requestId()
                            + "' was already used for a different request");
                }
                return new Outcome(finish(earlier.get()), true);
            }
        }
        RuleVersion inForce = rules.current(districtCode);
        Preview now = results.preview(districtCode, year, candidate, inForce);
        if (!now.fingerprint().equals(previewFingerprint)) {
            throw new Conflict(OUTDATED, "the figures of district " + districtCode + "'s " + year + " evaluations under "
                    + "this policy changed since the preview (fingerprint " + previewFingerprint + ", now "
                    + now.fingerprint() + "); preview again and apply what it shows");
        }
        EvaluationRules current = inForce.rules();
        EvaluationRules next = current.withResultApplication(candidate);
        String runId = UUID.randomUUID().toString();
        Run run = transaction.execute(status -> {
            RuleVersions.Saved saved = rules.save(districtCode, next, (long) inForce.number(), caller.actor(),
                    caller.correlationId(), note);
            try {
                jdbc.update("INSERT INTO result_application_run (run_id, district_code, fiscal_year, request_id, "
                                + "request_fingerprint, preview_fingerprint, rule_version, new_rule_version, plan, actor, "
                                + "correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)", runId,
                        districtCode, year, caller.requestId(), requestFingerprint, previewFingerprint,
                        saved.version().id(), saved.created(), Views.json(objectMapper, now.plan()), caller.actor(),
                        caller.correlationId());
            } catch (DuplicateKeyException e) {
                status.setRollbackOnly();
                throw new Conflict("CONCURRENT_MODIFICATION", "another request with Idempotency-Key '"
                        + caller.requestId() + "' is applying a policy to " + districtCode + " now; retry it");
            }
            return new Run(runId, districtCode, year, requestFingerprint, previewFingerprint, saved.version().id(),
                    saved.created(), now.plan(), Map.of(), false);
        });
        return new Outcome(finish(run), false);
    }

    /**
     * Records the planned results not recorded yet, under the run's rule version and with the budgets the preview
     * used; an evaluation refused by its aggregate on the way (e.g. returned since) is listed, not retried.
     */
    private Run finish(Run run) {
        if (run.completed()) {
            return run;
        }
        ResultApplicationRules policy = rules.byId(run.ruleVersion()).rules().resultApplication();
        Map<String, String> refused = new LinkedHashMap<>(run.refused());
        for (Planned planned : run.plan()) {
            boolean recorded = evaluations.find(run.districtCode(), planned.evaluationId())
                    .map(e -> !e.applications().isEmpty()).orElse(false);
            if (recorded) {
                continue;  // by this run before it was interrupted, or the aggregate would answer "unchanged"
            }
            try {
                commands.send(new ApplyResult(Keys.evaluation(run.districtCode(), planned.evaluationId()),
                        run.year() + 1, planned.budgetsFen(), policy, run.ruleVersion()), run.districtCode());
            } catch (RuntimeException failure) {
                Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof RuleViolation r) {  // BUDGET_NOT_YET_KNOWN included
                    refused.put(planned.evaluationId(), r.rule());
                } else if (cause instanceof Conflict c) {
                    refused.put(planned.evaluationId(), c.rule());
                } else {
                    throw failure;  // infrastructure: the run stays open; a retry with its key finishes it
                }
            }
        }
        jdbc.update("UPDATE result_application_run SET refused = CAST(? AS jsonb), completed_at = now() "
                + "WHERE run_id = ?", Views.json(objectMapper, refused), run.runId());
        return new Run(run.runId(), run.districtCode(), run.year(), run.requestFingerprint(), run.previewFingerprint(),
                run.ruleVersion(), run.newRuleVersion(), run.plan(), Map.copyOf(refused), true);
    }

    private Optional<Run> find(String districtCode, String requestId) {
        return jdbc.query("SELECT * FROM result_application_run WHERE district_code = ? AND request_id = ?",
                (rs, i) -> run(rs), districtCode, requestId).stream().findFirst();
    }

    private Run run(ResultSet rs) throws SQLException {
        String refused = rs.getString("refused");
        return new Run(rs.getString("run_id"), rs.getString("district_code"), rs.getInt("fiscal_year"),
                rs.getString("request_fingerprint"), rs.getString("preview_fingerprint"), rs.getString("rule_version"),
                rs.getBoolean("new_rule_version"), Views.read(objectMapper, rs.getString("plan"), PLAN),
                refused == null ? Map.of() : Views.read(objectMapper, refused, REFUSED),
                rs.getTimestamp("completed_at") != null);
    }
}
