package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void pickDistinctAnswersDifferentPortsThatAreFreeAgainAfterwards() {
        int[] ports = FreePorts.pickDistinct(50);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(50);
        assertThat(Arrays.stream(ports).filter(FreePorts::inUse).toArray()).isEmpty();
    }

    @Test
    void portsComeFromBelowTheEphemeralRangeSoNoOutgoingConnectionCanTakeThem() {
        int ephemeralStart = FreePorts.ephemeralRangeStart();
        assertThat(ephemeralStart).isGreaterThan(FreePorts.LOWEST);
        assertThat(Arrays.stream(FreePorts.pickDistinct(20)).boxed()).allSatisfy(port ->
                assertThat(port).isBetween(FreePorts.LOWEST, ephemeralStart - 1));
    }

    @Test
    void aPortSomeoneListensOnIsInUse() throws Exception {
        try (var listening = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(FreePorts.inUse(listening.getLocalPort())).isTrue();
        }
    }
}
