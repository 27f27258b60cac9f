package io.jixiao.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MidRequestKillTest {

    @Test
    void findsAProcessThreadByItsName() throws Exception {
        long self = ProcessHandle.current().pid();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Thread probe = new Thread(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mrk-probe");
        probe.start();
        started.await();
        assertThat(MidRequestKill.runsThreadNamed(self, "mrk-probe")).isTrue();
        assertThat(MidRequestKill.runsThreadNamed(self, "mrk-absent")).isFalse();
        release.countDown();
        probe.join();
        // the native thread leaves /proc/PID/task a moment after the Java thread has ended
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(MidRequestKill.runsThreadNamed(self,
                "mrk-probe")).as("after the thread ended").isFalse());
        assertThat(MidRequestKill.runsThreadNamed(Long.MAX_VALUE, "mrk-probe")).as("no such process").isFalse();
    }
}
