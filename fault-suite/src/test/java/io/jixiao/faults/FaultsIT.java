package io.jixiao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite in short mode, each with the load running: nothing acknowledged is lost, nothing is applied
 * twice, every stored event is projected once, the read models' totals equal the ledger's to the fen, and the
 * answers during the outage are honest (503 with Retry-After, never 500).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static Faults.FaultResult run(int number) {
        Faults.FaultResult result = SharedSuite.get().fault(number);
        SharedSuite.report(Report.fault(result));
        return FaultChecks.assertHeld(result, SharedSuite.get());
    }

    @Test
    @Order(1)
    void killBudgetServiceAndRestartIt() {
        run(1);
    }

    @Test
    @Order(2)
    void stopKafkaAndStartItAgain() {
        Faults.FaultResult r = run(2);
        assertThat(r.acknowledgedDuringOutage()).as("commands go on being accepted while Kafka is down").isPositive();
    }

    @Test
    @Order(3)
    void killDisclosureServiceMidProjectionAndRestartIt() {
        run(3);
    }

    @Test
    @Order(4)
    void stopPostgresAndStartItAgain() {
        Faults.FaultResult r = run(4);
        long unavailable = SharedSuite.get().writes().count("f4 outage", StatusCounts.Bucket.UNAVAILABLE_503);
        assertThat(unavailable).as("503 answers while PostgreSQL is down").isPositive();
    }

    @Test
    @Order(5)
    void runTwoDisclosureInstancesAndKillOne() {
        run(5);
    }

    @Test
    @Order(6)
    void retryEveryRequestAsIfItsAnswerWasLost() {
        Faults.FaultResult r = run(6);
        assertThat(r.verification().replayedAnswers()).as("retries answered as replays").isPositive();
    }

    @AfterAll
    static void printViolations() {
        SharedSuite.report("honest-answer violations so far: writes " + SharedSuite.get().writes().violations()
                + ", reads " + SharedSuite.get().reads().violations() + "\n");
    }
}
