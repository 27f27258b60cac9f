package io.jixiao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite's short mode on the cluster (three Kafka node processes, two instances of each domain service,
 * the gateway balancing over them), in a failsafe execution of its own: a Kafka node killed with SIGKILL and
 * restarted, one instance of each service killed and restarted, the instance serving an import killed mid-request
 * and the import retried with the same key, the load running; nothing acknowledged lost
 * or applied twice, the ledgers equal to the fen, at least 95 % of the writes answered 2xx while the node is down.
 * Fault 8 also shows the work split between the two budget-service instances (both hold tracking segments and
 * answer commands before the kill) and the survivor taking every segment over within 30 s after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {
    private static final java.util.List<Faults.FaultResult> RESULTS = new java.util.ArrayList<>();
    private static Suite suite;

    @BeforeAll
    static void startTheCluster() {
        String file = System.getProperty("jixiao.fault-suite.report");
        if (file != null) {
            new java.io.File(file).delete();
        }
        Log log = Log.toStdout();
        suite = Suite.start(Settings.shortMode(), log, false, true);
    }

    @AfterAll
    static void stopTheCluster() {
        if (suite != null) {
            SharedSuite.report(Report.summary(RESULTS, null, null, suite.writes(), suite.reads(),
                    suite.startup(), suite.log().elapsed()));
            suite.close();
        }
    }

    private static Faults.FaultResult run(int number) {
        Faults.FaultResult result = suite.fault(number);
        RESULTS.add(result);
        SharedSuite.report(Report.fault(result));
        return FaultChecks.assertHeld(result, suite);
    }

    @Test
    @Order(1)
    void killAKafkaNodeAndRestartIt() {
        Faults.FaultResult r = run(7);
        assertThat(r.okShareDuringOutage()).as("share of writes answered 2xx while the node was down: %s",
                r.writesDuringOutage()).isGreaterThanOrEqualTo(Faults.REQUIRED_OK_SHARE_NODE_DOWN);
        assertThat(r.acknowledgedDuringOutage()).as("commands accepted while the node was down").isPositive();
    }

    @Test
    @Order(2)
    void killOneInstanceOfEachServiceAndRestartThem() {
        Faults.FaultResult r = run(8);
        assertThat(r.notes()).anyMatch(note -> note.contains("journalled after"));
        assertThat(r.notes()).as("both budget-service instances held segments and acknowledged commands before the kill")
                .anyMatch(note -> note.startsWith("before the kill: segments"));
        assertThat(r.notes()).as("the survivor took every segment over").anyMatch(note -> note.contains("held every segment"));
    }

    @Test
    @Order(3)
    void killTheInstanceServingARequestAndRetryIt() {
        Faults.FaultResult r = run(9);
        assertThat(r.failures()).as("the import killed mid-request, retried with the same key").isEmpty();
        assertThat(r.notes()).anyMatch(note -> note.contains("the same file and key sent again: 2xx"));
    }
}
