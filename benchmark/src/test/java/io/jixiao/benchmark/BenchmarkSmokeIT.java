package io.jixiao.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark in smoke mode (seconds, tiny sizes), so that it cannot rot; figures are printed, not asserted on speed. */
class BenchmarkSmokeIT {

    @Test
    void smokeRunMeasuresEveryFigure() throws Exception {
        Results results = new Benchmark(Benchmark.Sizes.smoke())
                .run(Path.of("../local-stack/target/local-stack.jar").toAbsolutePath());
        System.out.print(results.table());
        List<String> groups = results.figures().stream().map(Results.Figure::group).distinct().toList();
        assertThat(groups).contains("start", "district", "raw", "commands", "cpu", "lag", "bulk", "auditor", "rebuild",
                "memory", "check");
        // the generated district through the fixture loader's jar: every record applied, the report complete after it
        assertThat(results.figures()).filteredOn(f -> f.name().startsWith("fixture loader wall"))
                .singleElement().satisfies(f -> assertThat(f.value()).isPositive());
        assertThat(results.figures()).filteredOn(f -> f.name().startsWith("records applied"))
                .singleElement().satisfies(f -> {
                    assertThat(f.value()).isPositive();
                    assertThat(f.name()).contains("rejected 0 of");
                });
        double loader = results.figures().stream().filter(f -> f.name().startsWith("fixture loader wall"))
                .findFirst().orElseThrow().value();
        assertThat(results.figures()).filteredOn(f -> f.name().startsWith("report complete after the loader's start"))
                .singleElement().satisfies(f -> assertThat(f.value()).isGreaterThanOrEqualTo(loader));
        assertThat(results.figures()).filteredOn(f -> f.name().startsWith("gateway commands/s"))
                .allSatisfy(f -> {
                    assertThat(f.value()).isPositive();
                    assertThat(f.name()).endsWith("(errors 0)");
                });
        assertThat(results.figures()).filteredOn(f -> f.name().startsWith("project history, 100 events"))
                .singleElement().satisfies(f -> assertThat(f.value()).isPositive());
        assertThat(results.figures()).filteredOn(f -> f.name().startsWith("lines applied/s"))
                .singleElement().satisfies(f -> {
                    assertThat(f.value()).isPositive();
                    assertThat(f.name()).endsWith("(lines refused 0)");
                });
        assertThat(results.figures()).filteredOn(f -> f.name().startsWith("CPU ms per command at the best level"))
                .extracting(Results.Figure::name).anyMatch(n -> n.endsWith("budget-service"));
        assertThat(results.figures()).filteredOn(f -> f.name().startsWith("rebuild of every projection"))
                .singleElement().satisfies(f -> assertThat(f.value()).isPositive());
        assertThat(results.figures()).filteredOn(f -> f.name().endsWith("projections caught up after"))
                .extracting(Results.Figure::name).hasSize(3);
        assertThat(results.figures()).filteredOn(f -> f.name().startsWith("CPU µs per event of the rebuild"))
                .extracting(Results.Figure::name).anyMatch(n -> n.endsWith("postgres"));
        assertThat(results.figures()).filteredOn(f -> f.name().startsWith("whole stack CPU while idle"))
                .singleElement().satisfies(f -> assertThat(f.value()).isPositive());
        assertThat(results.figures()).filteredOn(f -> f.group().equals("check"))
                .hasSize(3).allSatisfy(f -> assertThat(f.value()).isZero());
    }
}
