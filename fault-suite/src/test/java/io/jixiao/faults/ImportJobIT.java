package io.jixiao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An import job (5,000 lines in the short mode) killed at half: budget-service gets SIGKILL once about half the lines
 * are done and is started again; the job finishes by itself, every line is applied exactly once, the projects' budgets
 * and spending equal the file's to the fen, and the results download whole.
 */
class ImportJobIT {

    @Test
    void anImportJobKilledAtHalfFinishesByItselfAndAppliesEveryLineOnce() {
        Suite suite = SharedSuite.get();
        int lines = suite.settings().importJobLines();
        ImportJobCrash.Result r = suite.importJob(lines);
        SharedSuite.report(ImportJobCrash.report(r));
        assertThat(r.doneAtKill()).as("lines done when budget-service was killed").isBetween(1, lines - 1);
        assertThat(r.status()).isEqualTo("DONE");
        assertThat(r.runs()).as("runs of the job (resumed after the kill)").isGreaterThanOrEqualTo(2);
        assertThat(r.applied()).isEqualTo(lines);
        assertThat(r.alreadyApplied()).isZero();
        assertThat(r.rejected()).isZero();
        assertThat(r.linesWithOneEvent()).isEqualTo(lines);
        assertThat(r.linesWithMoreEvents()).isZero();
        assertThat(r.linesWithoutEvent()).isZero();
        assertThat(r.projectsDiffering()).isZero();
        assertThat(r.ledgerFen()).isEqualTo(r.fileFen());
        assertThat(r.ndjsonLines()).isEqualTo(lines);
        assertThat(r.distinctResultLines()).isEqualTo(lines);
        assertThat(r.csvRows()).isEqualTo(lines + 1);
        assertThat(r.failures()).isEmpty();
    }
}
