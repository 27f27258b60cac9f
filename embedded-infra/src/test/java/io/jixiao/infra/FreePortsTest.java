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
}
