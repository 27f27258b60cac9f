package io.jixiao.disclosure.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jixiao.disclosure.finding.DisclosureFacts;
import io.jixiao.disclosure.finding.FindingRow;
import io.jixiao.disclosure.finding.RuleCatalogue;
import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.fixture.PublishedRules;
import io.jixiao.events.evaluation.DistrictRulesChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 渌口区 2023 under the version of its rules in force at each instant: its built-in 1–8月 (version 0, in force since
 * always) until evaluation-service puts 1–9月 in force; a report as of an instant before the change stays, byte for
 * byte, what it was before the change was known.
 */
class RulesInForceTest {
    private static final FixtureEvents FIXTURE = FixtureEvents.load("lukou-2023");
    private static final Instant CHANGED = Instant.parse("2024-03-01T02:00:00Z");
    private static final DistrictRulesChanged V1 = new DistrictRulesChanged("430212", "430212:v1", 1, CHANGED,
            List.of(9), BigDecimal.valueOf(20), 8, 200_000_000L, BigDecimal.valueOf(60), 20);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private static DistrictReport report(List<DistrictRulesChanged> known, Instant asOf) {
        DistrictLedger ledger = DistrictReportFold.foldUpTo(FIXTURE.events(), asOf);
        return DistrictReportFold.report(ledger, 2023, RulesInForce.at("430212", known, asOf), asOf);
    }

    @Test
    void aReportBeforeAChangeIsWhatItWasAndNamesTheEarlierVersion() throws Exception {
        Instant before = CHANGED.minusSeconds(1);
        DistrictReport beforeTheChangeWasKnown = report(List.of(PublishedRules.LUKOU_V0), before);
        DistrictReport afterwards = report(List.of(V1, PublishedRules.LUKOU_V0), before);
        assertThat(JSON.writeValueAsBytes(afterwards)).isEqualTo(JSON.writeValueAsBytes(beforeTheChangeWasKnown));
        assertThat(afterwards.ruleVersion()).isEqualTo("disclosure-rules/1+430212:v0");
        assertThat(afterwards.settings().monitoringCheckpointMonth()).isEqualTo(8);
    }

    @Test
    void fromTheChangeOnTheReportAndTheFindingsUseTheNewVersion() throws Exception {
        DistrictReport before = report(List.of(PublishedRules.LUKOU_V0, V1), CHANGED.minusMillis(1));
        DistrictReport after = report(List.of(PublishedRules.LUKOU_V0, V1), CHANGED);
        assertThat(after.ruleVersion()).isEqualTo("disclosure-rules/1+430212:v1");
        assertThat(after.settings().monitoringCheckpointMonth()).isEqualTo(9);
        assertThat(JSON.writeValueAsString(after.performance().monitoring()))
                .isNotEqualTo(JSON.writeValueAsString(before.performance().monitoring()));

        DistrictLedger ledger = DistrictReportFold.foldUpTo(FIXTURE.events(), CHANGED);
        List<FindingRow> findings = RuleCatalogue.evaluate(new DisclosureFacts(ledger, 2023,
                RulesInForce.at("430212", List.of(PublishedRules.LUKOU_V0, V1), CHANGED), CHANGED));
        assertThat(findings).isNotEmpty().extracting(FindingRow::ruleVersion)
                .containsOnly("disclosure-rules/1+430212:v1");
    }

    @Test
    void aDistrictWhoseRulesHaveNotArrivedIsNamedUnpublished() {
        DistrictSettings settings = RulesInForce.at("430211", List.of(PublishedRules.LUKOU_V0), CHANGED);
        assertThat(settings.ruleVersion()).isEqualTo("disclosure-rules/1+430211:unpublished");
        assertThat(settings.monitoringCheckpointMonth()).isEqualTo(7);
    }
}
