package io.jixiao.faults;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks every fault must pass, for the single stack's and the cluster's tests. */
final class FaultChecks {
    private FaultChecks() {
    }

    /**
     * Nothing acknowledged lost, nothing applied twice, every stored event projected once, the read models' totals
     * equal to the ledger's to the fen, honest answers, every command answered definitively.
     */
    static Faults.FaultResult assertHeld(Faults.FaultResult result, Suite suite) {
        int number = result.number();
        Verifier.Verification v = result.verification();
        assertThat(result.acknowledged()).as("commands acknowledged during fault %d", number).isPositive();
        assertThat(v.lost()).as("acknowledged but not stored").isEmpty();
        assertThat(v.duplicated()).as("stored more than once").isEmpty();
        assertThat(v.storedUnacknowledged()).as("stored but never acknowledged").isEmpty();
        assertThat(v.caughtUp()).as("projections caught up").isTrue();
        assertThat(v.missingInJournal()).as("stored events missing in the district journal").isEmpty();
        assertThat(v.missingInTimeline()).as("stored events missing in the project timeline").isEmpty();
        assertThat(v.missingInEvaluation()).as("stored events missing in evaluation's budget copy").isEmpty();
        assertThat(v.phantoms()).as("projected rows without a stored event").isZero();
        assertThat(v.totalsMatch()).as("totals: %s", Report.totals(v)).isTrue();
        assertThat(result.violations()).as("500s, 503s without Retry-After, errors not problem+json: %s",
                suite.writes().violationSamples()).isZero();
        assertThat(result.unresolved()).as("commands without a definitive answer").isZero();
        assertThat(result.passed()).as("fault %d passed", number).isTrue();
        return result;
    }
}
