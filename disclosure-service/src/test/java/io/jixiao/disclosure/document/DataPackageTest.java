package io.jixiao.disclosure.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.disclosure.fixture.Csv;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReport.ThreePublicLine;
import io.jixiao.disclosure.report.DistrictReport.UnitLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data package against the Frictionless specifications (Data Package, Tabular Data Resource, Table Schema v1,
 * checked rule by rule below), its CSVs against their schemas, and its sums against the report's totals to the fen.
 */
class DataPackageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Data Package v1: a package or resource name is lower-case alphanumerics, ".", "_" or "-". */
    private static final Pattern NAME = Pattern.compile("^([-a-z0-9._/])+$");
    /** Table Schema v1 field types. */
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array",
            "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any");

    static Stream<Demo> demos() {
        return Stream.of(Demo.hetang(), Demo.beita(), Demo.lusong(), Demo.lukou());
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        return DeterministicZip.entries(zip);
    }

    static List<List<String>> csv(byte[] bytes) {
        return Csv.parse(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void thePackageFollowsTheSpecificationsAndEveryCsvItsSchema(Demo demo) throws IOException {
        Map<String, byte[]> entries = unzip(DataPackageWriter.write(demo.report(), demo.ledger()));
        JsonNode d = JSON.readTree(entries.get("datapackage.json"));
        assertThat(d.path("profile").asText()).isEqualTo("tabular-data-package");
        assertThat(d.path("name").asText()).matches(NAME);
        assertThat(d.path("created").asText()).isEqualTo(demo.report().asOf().toString());
        assertThat(d.path("ruleVersion").asText()).isEqualTo(demo.report().ruleVersion());
        assertThat(d.path("resources").isArray()).isTrue();
        assertThat(d.path("resources").size()).isEqualTo(8);
        Set<String> names = new HashSet<>();
        int rows = 0;
        for (JsonNode r : d.path("resources")) {
            String name = r.path("name").asText();
            assertThat(name).matches(NAME);
            assertThat(names.add(name)).as("resource names are unique").isTrue();
            assertThat(r.path("profile").asText()).isEqualTo("tabular-data-resource");
            String path = r.path("path").asText();
            assertThat(path).doesNotStartWith("/").doesNotContain("..").endsWith(".csv");
            assertThat(r.path("encoding").asText()).isEqualTo("utf-8");
            JsonNode fields = r.path("schema").path("fields");
            assertThat(fields.isArray() && fields.size() > 0).isTrue();
            List<String> fieldNames = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (JsonNode f : fields) {
                assertThat(f.path("name").asText()).isNotBlank();
                assertThat(TYPES).contains(f.path("type").asText());
                fieldNames.add(f.path("name").asText());
                types.add(f.path("type").asText());
            }
            assertThat(new HashSet<>(fieldNames)).hasSize(fieldNames.size());
            List<String> key = new ArrayList<>();
            r.path("schema").path("primaryKey").forEach(k -> key.add(k.asText()));
            assertThat(fieldNames).containsAll(key);
            assertThat(entries).containsKey(path);
            List<List<String>> table = csv(entries.get(path));
            assertThat(table.get(0)).as("%s header = its schema's fields", path).isEqualTo(fieldNames);
            Set<List<String>> keys = new HashSet<>();
            for (List<String> row : table.subList(1, table.size())) {
                assertThat(row).hasSameSizeAs(fieldNames);
                List<String> k = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    assertThat(conforms(row.get(c), types.get(c))).as("%s %s '%s' is a %s", path, fieldNames.get(c),
                            row.get(c), types.get(c)).isTrue();
                    if (key.contains(fieldNames.get(c))) {
                        assertThat(row.get(c)).as("a primary key is never missing").isNotEmpty();
                        k.add(row.get(c));
                    }
                }
                assertThat(keys.add(k)).as("%s primary key %s is unique", path, k).isTrue();
                rows++;
            }
        }
        assertThat(rows).isPositive();
        System.out.printf("%s data package: %d resources, %d rows, valid%n", demo.report().districtName(),
                names.size(), rows);
    }

    private static boolean conforms(String value, String type) {
        if (value.isEmpty()) {
            return true;  // missingValues [""]
        }
        try {
            switch (type) {
                case "number" -> new BigDecimal(value);
                case "integer" -> Long.parseLong(value);
                case "boolean" -> {
                    return value.equals("true") || value.equals("false");
                }
                case "date" -> LocalDate.parse(value);
                default -> {
                    return true;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void theCsvsSumToTheReportsTotalsToTheFen(Demo demo) throws IOException {
        DistrictReport r = demo.report();
        Map<String, byte[]> entries = unzip(DataPackageWriter.write(r, demo.ledger()));
        List<List<String>> lines = csv(entries.get("budget-lines.csv"));
        BigDecimal initial = BigDecimal.ZERO;
        BigDecimal adjusted = BigDecimal.ZERO;
        BigDecimal executed = BigDecimal.ZERO;
        for (List<String> row : lines.subList(1, lines.size())) {
            assertThat(row.get(8)).as("元 to the fen").matches("-?\\d+\\.\\d{2}");
            initial = initial.add(new BigDecimal(row.get(8)));
            adjusted = adjusted.add(new BigDecimal(row.get(9)));
            executed = executed.add(new BigDecimal(row.get(10)));
        }
        BigDecimal unitsInitial = r.units().stream().map(UnitLine::initialBudgetWan).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(wan(initial)).isEqualTo(unitsInitial.setScale(2).toPlainString());
        assertThat(wan(adjusted)).isEqualTo(r.summary().budgetWan());
        assertThat(wan(executed)).isEqualTo(r.summary().spentWan());

        List<List<String>> tp = csv(entries.get("three-public.csv"));
        BigDecimal tpSpent = tp.subList(1, tp.size()).stream().filter(row -> row.get(2).equals("false"))
                .map(row -> new BigDecimal(row.get(4))).reduce(BigDecimal.ZERO, BigDecimal::add);
        ThreePublicLine total = r.threePublic().total();
        assertThat(tpSpent.setScale(2).toPlainString()).isEqualTo(total.spentWan());
        List<List<String>> transfers = csv(entries.get("transfers.csv"));
        BigDecimal transferSum = transfers.subList(1, transfers.size()).stream().map(row -> new BigDecimal(row.get(1)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(transferSum.setScale(2).toPlainString()).isEqualTo(r.transfers().total().amountWan());
        List<List<String>> debt = csv(entries.get("debt.csv"));
        BigDecimal balance = debt.subList(1, debt.size()).stream().map(row -> new BigDecimal(row.get(7)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(balance.setScale(2).toPlainString()).isEqualTo(r.debt().total().balanceWan());
        System.out.printf("%s: budget lines %d, initial %s 元, full-year %s 元 (report %s 万元), executed %s 元 (report %s "
                        + "万元); 三公 spent %s, transfers %s, debt balance %s 万元%n", r.districtName(), lines.size() - 1,
                initial, adjusted, r.summary().budgetWan(), executed, r.summary().spentWan(), total.spentWan(),
                r.transfers().total().amountWan(), r.debt().total().balanceWan());
    }

    private static String wan(BigDecimal yuan) {
        return yuan.movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void theSameAsOfGivesTheSameBytes() {
        Demo one = Demo.hetang();
        Demo two = Demo.hetang();
        assertThat(DataPackageWriter.write(two.report(), two.ledger()))
                .isEqualTo(DataPackageWriter.write(one.report(), one.ledger()));
        assertThat(XlsxWriter.write(two.report())).isEqualTo(XlsxWriter.write(one.report()));
    }
}
