package io.jixiao.evaluation.settings;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.settings.DistrictRules.AnnounceRules;
import io.jixiao.events.evaluation.DistrictRulesChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each version of a district's rules is published once, in version order. */
class DistrictRulesTest {
    private static final String KEY = Keys.districtRules("430212");
    private AggregateTestFixture<DistrictRules> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DistrictRules.class);
    }

    private static DistrictRulesChanged version(int n, int month) {
        return new DistrictRulesChanged("430212", "430212:v" + n, n,
                n == 0 ? null : Instant.parse("2026-09-01T00:00:00Z"), List.of(month), new BigDecimal("20"), 8,
                200_000_000L, new BigDecimal("60"), 20);
    }

    @Test
    void theFirstVersionIsPublished() {
        fixture.givenNoPriorActivity()
                .when(new AnnounceRules(KEY, version(0, 8)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(version(0, 8));
    }

    @Test
    void aLaterVersionIsPublished() {
        fixture.given(version(0, 8))
                .when(new AnnounceRules(KEY, version(1, 9)))
                .expectResultMessagePayload(true)
                .expectEvents(version(1, 9));
    }

    @Test
    void aVersionPublishedAlreadyOrAnOlderOneRecordsNothing() {
        fixture.given(version(0, 8), version(1, 9))
                .when(new AnnounceRules(KEY, version(1, 9)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture.given(version(0, 8), version(1, 9))
                .when(new AnnounceRules(KEY, version(0, 8)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }
}
