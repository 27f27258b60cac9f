package io.jixiao.evaluation.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of every district's rules (table {@code district_rule_version}). A change never overwrites:
 * it adds version n+1, so the version a score names can always be read again. Version 0 is built in. Every version
 * is published ({@link RulesPublisher}): evaluation-service is the one owner of a district's rules.
 */
@Component
public class RuleVersions {
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final RulesPublisher publisher;

    public RuleVersions(JdbcTemplate jdbc, ObjectMapper objectMapper, RulesPublisher publisher) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.publisher = publisher;
    }

    /** Every district with a stored version. */
    public List<String> districts() {
        return jdbc.queryForList("SELECT DISTINCT district_code FROM district_rule_version", String.class);
    }

    /** The rules in force for a district now. */
    public RuleVersion current(String districtCode) {
        List<RuleVersion> rows = jdbc.query("SELECT * FROM district_rule_version WHERE district_code = ? "
                + "ORDER BY version_no DESC LIMIT 1", this::row, districtCode);
        return rows.isEmpty() ? RuleVersion.builtIn(districtCode) : rows.get(0);
    }

    public Optional<RuleVersion> find(String districtCode, int number) {
        if (number == 0) {
            return Optional.of(RuleVersion.builtIn(districtCode));
        }
        return jdbc.query("SELECT * FROM district_rule_version WHERE district_code = ? AND version_no = ?", this::row,
                districtCode, number).stream().findFirst();
    }

    /** Every version, oldest (the built-in v0) first. */
    public List<RuleVersion> history(String districtCode) {
        List<RuleVersion> all = new ArrayList<>();
        all.add(RuleVersion.builtIn(districtCode));
        all.addAll(jdbc.query("SELECT * FROM district_rule_version WHERE district_code = ? ORDER BY version_no",
                this::row, districtCode));
        return all;
    }

    /** What {@link #save} did: the version now in force, and whether it is new. */
    public record Saved(RuleVersion version, boolean created) {
    }

    /**
     * Records {@code rules} as the district's next version, unless they equal the current ones (then nothing
     * changes). {@code expectedVersion} (from {@code If-Match}) must name the current version when given. A new
     * version is published ({@code DistrictRulesChanged}, after the one it replaces if that was not published yet)
     * in the transaction that stores it: stored and published, or neither.
     */
    @Transactional
    public Saved save(String districtCode, EvaluationRules rules, Long expectedVersion, String actor,
                      String correlationId, String note) {
        RuleVersion current = current(districtCode);
        if (expectedVersion != null && expectedVersion != current.number()) {
            throw new Conflict("VERSION_MISMATCH", "If-Match names version " + expectedVersion
                    + " but the settings are at version " + current.number() + "; read them again and retry", true);
        }
        if (RulesJson.same(current.rules(), rules)) {
            return new Saved(current, false);
        }
        int next = current.number() + 1;
        try {
            jdbc.update("INSERT INTO district_rule_version (district_code, version_no, rules, note, actor, "
                            + "correlation_id) VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?)", districtCode, next,
                    json(rules), note, actor, correlationId);
        } catch (DuplicateKeyException e) {
            throw new Conflict("CONCURRENT_MODIFICATION", "another request changed the settings of " + districtCode
                    + " at the same time; read them again and retry");
        }
        RuleVersion saved = find(districtCode, next).orElseThrow();
        publisher.announce(current);
        publisher.announce(saved);
        return new Saved(saved, true);
    }

    /** The version a recorded score names, e.g. {@code 430212:v3}. */
    public RuleVersion byId(String ruleVersionId) {
        int colon = ruleVersionId.lastIndexOf(":v");
        if (colon < 0) {
            throw new NotFound("ruleVersion", "'" + ruleVersionId + "' is not a rule version id such as 430212:v3");
        }
        String district = ruleVersionId.substring(0, colon);
        int number;
        try {
            number = Integer.parseInt(ruleVersionId.substring(colon + 2));
        } catch (NumberFormatException e) {
            throw new NotFound("ruleVersion", "'" + ruleVersionId + "' is not a rule version id such as 430212:v3");
        }
        return find(district, number).orElseThrow(() -> new NotFound("ruleVersion", "no rule version " + ruleVersionId));
    }

    private String json(EvaluationRules rules) {
        try {
            return objectMapper.writeValueAsString(RulesJson.write(rules));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RuleVersion row(ResultSet rs, int i) throws SQLException {
        String district = rs.getString("district_code");
        int number = rs.getInt("version_no");
        EvaluationRules rules;
        try {
            rules = RulesJson.read(objectMapper.readTree(rs.getString("rules")), DefaultRules.standard());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rules of " + district + " v" + number + " are not JSON", e);
        }
        Timestamp created = rs.getTimestamp("created_at");
        return new RuleVersion(RuleVersion.id(district, number), district, number, rules,
                created == null ? null : created.toInstant(), rs.getString("actor"), rs.getString("note"));
    }
}
