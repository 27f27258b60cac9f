package io.jixiao.disclosure.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.disclosure.fixture.Csv;
import io.jixiao.disclosure.fixture.FixtureEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Unit and project names a spreadsheet would run as formulas come out of the CSV report as text. */
class ReportCsvInjectionTest {
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?%?");
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example\",\"点此\")",
            "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1",
            "＝1+1", "＋1+1", "－1+1", "＠SUM(A1)");

    @Test
    void hostileUnitAndProjectNamesAreWrittenAsText() {
        JsonNode fixture = FixtureEvents.read("beita-2022");
        int i = 0;
        for (JsonNode unit : fixture.path("units")) {
            ((ObjectNode) unit).put("name", HOSTILE.get(i++ % HOSTILE.size()));
        }
        for (JsonNode project : fixture.path("projects")) {
            ((ObjectNode) project).put("name", HOSTILE.get(i++ % HOSTILE.size()));
        }
        assertThat(i).as("names replaced").isGreaterThanOrEqualTo(HOSTILE.size());
        FixtureEvents events = FixtureEvents.of(fixture);
        DistrictReport report = DistrictReportFold.report(DistrictReportFold.foldUpTo(events.events(), AS_OF), 2022,
                io.jixiao.disclosure.fixture.PublishedRules.v0(events.district()), AS_OF);

        String csv = ReportCsv.all(ReportTables.of(report));
        List<List<String>> rows = Csv.parse(csv.substring(1));
        List<String> cells = new ArrayList<>();
        rows.forEach(cells::addAll);
        List<String> names = new ArrayList<>();
        report.units().forEach(u -> names.add(u.name()));
        report.projects().items().forEach(p -> names.add(p.name()));
        assertThat(names).as("the units and projects tables show the hostile names").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(name -> assertThat(HOSTILE).contains(name));
        for (String name : names) {
            assertThat(cells).as("%s behind a quote", name).contains("'" + name).doesNotContain(name);
        }
        assertThat(cells).as("no cell a spreadsheet would evaluate")
                .allSatisfy(cell -> assertThat(cell.isEmpty() || "=+-@\t\r＝＋－＠".indexOf(cell.charAt(0)) < 0
                        || PLAIN_NUMBER.matcher(cell).matches()).as(cell).isTrue());
        assertThat(ReportCsv.cell("-1234.56")).as("a negative amount is still a number").isEqualTo("-1234.56");
        // the single-table path goes the same way
        String units = ReportCsv.table(ReportTables.byId(report, "units").orElseThrow());
        assertThat(units).contains("\r\n'" + report.units().get(0).name() + ",");
    }
}
