package io.jixiao.disclosure.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.report.DistrictLedger;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReportFold;
import io.jixiao.disclosure.report.DistrictSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (its name ends in neither Test nor IT): how long a 121-unit district's documents take.
 * A district of 121 units with 5 projects each (605 projects, appropriations, an adjustment, 4 expenditures each)
 * plus 荷塘区's 三公, transfers and debt, folded once; then each writer 2 times to warm up and 9 times measured
 * (wall and CPU time).
 * Run: {@code ./mvnw -B -pl disclosure-service test -Dtest=DocumentBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DocumentBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = 9;

    static ObjectNode district(int units, int projectsPerUnit) throws IOException {
        ObjectNode hetang;
        try (InputStream in = DocumentBenchmark.class.getResourceAsStream("/fixtures/hetang-2022.json")) {
            hetang = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", hetang.path("format").asText());
        root.set("district", hetang.path("district"));
        root.put("year", 2022);
        root.set("threePublic", hetang.path("threePublic"));
        root.set("transfers", hetang.path("transfers"));
        root.set("debt", hetang.path("debt"));
        ArrayNode unitList = root.putArray("units");
        ArrayNode projects = root.putArray("projects");
        for (int u = 1; u <= units; u++) {
            String id = "u" + u;
            ObjectNode unit = unitList.addObject();
            unit.put("id", id);
            unit.put("name", "区第" + u + "预算单位");
            ObjectNode basic = unit.putObject("basic");
            basic.put("budgetWan", String.valueOf(300 + u));
            ObjectNode spent = basic.putObject("spent");
            spent.put("personnelWan", String.valueOf(200 + u));
            spent.put("publicWan", "88.18");
            for (int p = 1; p <= projectsPerUnit; p++) {
                ObjectNode project = projects.addObject();
                project.put("id", id + "-p" + p);
                project.put("unit", id);
                project.put("name", "第" + u + "单位专项项目" + p);
                project.put("category", "专项资金");
                project.putArray("appropriations").addObject().put("amountWan", String.valueOf(100 + p))
                        .put("source", "一般公共预算");
                project.putArray("adjustments").addObject().put("amountWan", "12.34").put("basis", "MID_YEAR")
                        .put("reason", "年中调整");
                ArrayNode expenditures = project.putArray("expenditures");
                for (int m = 3; m <= 12; m += 3) {
                    expenditures.addObject().put("amountWan", "21.07").put("date", String.format("2022-%02d-28", m));
                }
            }
        }
        return root;
    }

    @Test
    void aDistrictOf121UnitsGivesEachDocumentInUnderTwoSeconds() throws IOException {
        Instant asOf = Instant.parse("2024-01-01T00:00:00Z");
        FixtureEvents events = FixtureEvents.of(district(121, 5));
        DistrictLedger ledger = DistrictReportFold.foldUpTo(events.events(), asOf);
        DistrictReport report = DistrictReportFold.report(ledger, 2022, DistrictSettings.unpublished("430202"), asOf);
        assertThat(report.units()).hasSize(121);
        assertThat(report.projects().items()).hasSize(605);
        System.out.printf("generated district: %d events, %d units, %d projects%n", events.events().size(),
                report.units().size(), report.projects().items().size());
        measure("docx", () -> DocxWriter.write(report));
        measure("xlsx", () -> XlsxWriter.write(report));
        measure("pdf", () -> PdfWriter.write(report, DemoDocumentsTest.FONT));
        measure("datapackage", () -> DataPackageWriter.write(report, ledger));
    }

    /**
     * Wall time and this thread's CPU time of each run: on a loaded machine the wall time is mostly waiting for a
     * core, the CPU time is what the writer costs.
     */
    private static void measure(String format, Supplier<byte[]> writer) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int size = 0;
        for (int i = 0; i < 2; i++) {
            size = writer.get().length;
        }
        long[] ms = new long[RUNS];
        long[] cpu = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            size = writer.get().length;
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        assertThat(size).isPositive();
        System.out.printf("%-12s %8d bytes  median %5d ms  max %5d ms  cpu median %5d ms  max %5d ms  (runs %s)%n",
                format, size, ms[RUNS / 2], ms[RUNS - 1], cpu[RUNS / 2], cpu[RUNS - 1], Arrays.toString(ms));
    }
}
