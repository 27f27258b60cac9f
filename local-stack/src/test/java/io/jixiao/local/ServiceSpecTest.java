package io.jixiao.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {
    private final ServiceSpec budget = new ServiceSpec("budget-service", Path.of("/jars/budget-service.jar"), 8081, 256,
            Map.of());

    @Test
    void servicesRunOnC1UnlessTheFullCompilerIsAskedFor() {
        assertThat(budget.command(Path.of("/jdk/bin/java"), Map.of())).containsExactly("/jdk/bin/java", "-Xss512k",
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.2",
                "-Dfile.encoding=UTF-8", "-jar", "/jars/budget-service.jar");
        assertThat(budget.command(Path.of("java"), Map.of("JIXIAO_JIT", "c2")))
                .doesNotContain("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.2").contains("-XX:+UseSerialGC");
    }

    @Test
    void extraOptionsAreAppendedBeforeTheJar() {
        assertThat(budget.command(Path.of("java"), Map.of("JIXIAO_SERVICE_JAVA_OPTS", " -Da=1   -Db=2 ")))
                .endsWith("-Da=1", "-Db=2", "-jar", "/jars/budget-service.jar");
    }

    @Test
    void anUnknownCompilerChoiceStopsTheStartWithItsName() {
        assertThatThrownBy(() -> budget.command(Path.of("java"), Map.of("JIXIAO_JIT", "graal")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'graal'");
    }
}
