package io.jixiao.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {
    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1",
            "\r=1", "＝1+1", "＋1", "－1", "＠SUM(A1)", "-", "+", "-1e5", "-1,234.56", "--1"})
    void aTextThatCouldBeAFormulaGetsALeadingQuote(String hostile) {
        assertThat(CsvCells.neutralise(hostile)).isEqualTo("'" + hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1234.56", "+1234.56", "-20.78%", "0", "-0.01", "1234", "区教育局", "a=b", "", "'=1"})
    void plainNumbersAndOtherTextStayAsTheyAre(String value) {
        assertThat(CsvCells.neutralise(value)).isEqualTo(value);
    }

    @Test
    void cellsAreNeutralisedThenQuoted() {
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.cell("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvCells.cell("=\"x\"")).isEqualTo("\"'=\"\"x\"\"\"");
        assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvCells.cell("-1234.56")).isEqualTo("-1234.56");
    }
}
