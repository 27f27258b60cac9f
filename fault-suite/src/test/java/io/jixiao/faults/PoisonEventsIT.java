package io.jixiao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Poison events are parked and reported while later events still reach the read model; a retry re-applies. */
class PoisonEventsIT {

    @Test
    void poisonEventsAreParkedReportedAndRetried() {
        PoisonEvents.Result result = SharedSuite.get().poison();
        SharedSuite.report(Report.poison(result));
        assertThat(result.failures()).isEmpty();
    }
}
