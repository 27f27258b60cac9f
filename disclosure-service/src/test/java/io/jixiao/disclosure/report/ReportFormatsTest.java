package io.jixiao.disclosure.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jixiao.disclosure.fixture.Csv;
import io.jixiao.disclosure.fixture.FixtureEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON, HTML and CSV of one report carry the same numbers; the HTML reads like a published district report. */
class ReportFormatsTest {
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?%?");

    static DistrictReport report(String fixture, String district, int year) {
        FixtureEvents f = FixtureEvents.load(fixture);
        return DistrictReportFold.report(DistrictReportFold.foldUpTo(f.events(), AS_OF), year,
                io.jixiao.disclosure.fixture.PublishedRules.v0(district), AS_OF);
    }

    @Test
    void theHtmlOfHetangShowsTheFourSectionsWithTablesAndTheSeedsSentence() {
        String html = ReportHtml.render(report("hetang-2022", "430202", 2022));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">", "<meta charset=\"UTF-8\">",
                "<title>荷塘区2022年度预算执行和绩效管理情况</title>");
        assertThat(html).contains("<h2>一、“三公”经费</h2>", "<h2>二、税收返还和转移支付</h2>", "<h2>三、地方政府债务</h2>",
                "<h2>四、预算绩效管理</h2>");
        assertThat(html).contains("<p>2022年“三公”经费支出122万元，比预算154万元节约32万元，下降20.78%。</p>");
        assertThat(html).contains("<table id=\"table-three-public\">", "<table id=\"table-transfers\">",
                "<table id=\"table-debt\">", "<table id=\"table-performance\">", "<svg role=\"img\"");
        assertThat(html).contains("<td>合计</td><td>154.00</td><td>122.00</td><td>32.00</td><td>节约</td><td>-20.78%</td>");
        assertThat(html).contains("<td>合计</td><td>278258.00</td><td>65900.00</td><td>9037.00</td><td>9037.00</td>"
                + "<td>11437.16</td><td>344158.00</td>");
        assertThat(html).doesNotContain("<script", "http://", "https://");
    }

    @Test
    void csvIsExcelFriendlyUtf8WithOneOrAllTables() {
        DistrictReport report = report("hetang-2022", "430202", 2022);
        String one = ReportCsv.table(ReportTables.byId(report, "three-public").orElseThrow());
        assertThat(one).startsWith("\uFEFF项目,预算数（万元）,支出数（万元）,节约额（万元）,");
        assertThat(one).contains("\r\n合计,154.00,122.00,32.00,节约,-20.78%,—,—,—,—\r\n");
        String all = ReportCsv.all(ReportTables.of(report));
        assertThat(all).startsWith("\uFEFF# three-public “三公”经费\r\n");
        for (String id : ReportTables.IDS) {
            assertThat(all).contains("# " + id + " ");
        }
        assertThat(ReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportCsv.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(ReportCsv.cell("-20.78%")).isEqualTo("-20.78%");
    }

    @ParameterizedTest
    @CsvSource({"hetang-2022,430202,2022", "beita-2022,430511,2022", "beita-2022,430511,2021",
            "lusong-2023,430203,2023", "lukou-2023,430212,2023"})
    void jsonHtmlAndCsvCarryTheSameNumbers(String fixture, String district, int year) throws Exception {
        DistrictReport report = report(fixture, district, year);
        JsonNode json = JSON.readTree(JSON.writeValueAsString(report));
        Set<String> jsonValues = new HashSet<>();
        collect(json, jsonValues);
        String html = ReportHtml.render(report);
        List<List<String>> csv = Csv.parse(ReportCsv.all(ReportTables.of(report)).substring(1));
        int numbers = 0;
        for (List<String> row : csv) {
            for (String cell : row) {
                if (NUMBER.matcher(cell).matches()) {
                    numbers++;
                    assertThat(jsonValues).as("CSV figure %s in the JSON report", cell).contains(cell);
                    assertThat(html).as("CSV figure %s in the HTML report", cell).contains("<td>" + cell + "</td>");
                }
            }
        }
        assertThat(numbers).isGreaterThan(30);
        // and every 万元 figure of the money sections of the JSON is a cell of the tables
        Set<String> cells = new HashSet<>();
        csv.forEach(cells::addAll);
        for (String section : List.of("threePublic", "transfers", "debt", "units")) {
            List<String> wan = new ArrayList<>();
            collectWan(json.path(section), wan);
            for (String value : wan) {
                assertThat(cells).as("%s figure %s in the CSV", section, value).contains(value);
            }
        }
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isValueNode()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }

    /** Fields ending in Wan, outside the change records (whose unsigned amounts tables show signed). */
    private static void collectWan(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().endsWith("Wan") && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else if (!e.getKey().startsWith("vs")) {
                    collectWan(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectWan(child, out));
        }
    }
}
