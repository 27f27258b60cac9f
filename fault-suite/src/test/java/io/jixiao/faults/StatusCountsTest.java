package io.jixiao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusCountsTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void theShareOfTwoHundredsLeavesRefusalsOutAndCountsEveryOtherFailure() {
        StatusCounts counts = new StatusCounts();
        for (int i = 0; i < 17; i++) {
            counts.record("f7 outage", "POST", new Http.Answer(201, "application/json", null, false, "{}"));
        }
        counts.record("f7 outage", "POST", new Http.Answer(200, "application/json", null, true, "{}"));
        counts.record("f7 outage", "POST", new Http.Answer(503, PROBLEM, "1", false, "{}"));
        counts.record("f7 outage", "POST", new Http.Answer(Http.NO_ANSWER, null, null, false, ""));
        counts.record("f7 outage", "POST", new Http.Answer(422, PROBLEM, null, false, "{}"));
        counts.record("f7 after", "POST", new Http.Answer(503, PROBLEM, "1", false, "{}"));

        assertThat(counts.okShare("f7 outage")).isEqualTo(18.0 / 20);
        assertThat(counts.okShare("f7 after")).isZero();
        assertThat(counts.okShare("no such window")).isEqualTo(1.0);
    }
}
