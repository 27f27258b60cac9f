package io.jixiao.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.infra.FreePorts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ports a cluster run takes beyond the seven it names: free and distinct, or the launcher cannot bind them. */
class LauncherProcessTest {

    @Test
    void aClusterGetsItsDerivedPortsFreeAndDistinct() {
        List<Integer> ports = LauncherProcess.clusterPorts(LauncherProcess.pickPorts(true));

        assertThat(ports).hasSize(14).doesNotHaveDuplicates().allSatisfy(port -> assertThat(FreePorts.inUse(port))
                .as("port " + port + " in use").isFalse());
    }
}
