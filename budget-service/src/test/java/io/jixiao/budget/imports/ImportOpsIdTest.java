package io.jixiao.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The char-by-char id check answers as the line schema's patterns do. */
class ImportOpsIdTest {
    private static final List<String> SAMPLES = List.of("", "a", "Z9", "p-1", "unit.czj_2", "430211:p-1:appropriate",
            "a b", "路灯", "p/1", "p+1", "tab\t", "x".repeat(64), "x".repeat(65), "y".repeat(128), "y".repeat(129),
            "é", "A:B", "-", "_.", "a\n");

    @Test
    void lineIdsAndIdsAreCheckedAsTheirPatternsSay() {
        for (String sample : SAMPLES) {
            assertThat(ImportOps.plainId(sample, 128, "._:-")).as("lineId '%s'", sample)
                    .isEqualTo(ImportOps.LINE_ID.matcher(sample).matches());
            assertThat(ImportOps.plainId(sample, 64, "._-")).as("id '%s'", sample)
                    .isEqualTo(ImportOps.ID.matcher(sample).matches());
        }
        assertThat(ImportOps.plainId("x".repeat(64), 64, "._-")).isTrue();
        assertThat(ImportOps.plainId("A:B", 64, "._-")).isFalse();
    }
}
