package io.jixiao.support.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {
    record Spend(String key, long amountFen, LocalDate date, Long expectedVersion) {
    }

    record Shaped(String key) implements CanonicalForm {
        @Override
        public String canonicalForm() {
            return CanonicalForm.components(this, "key", "requestId=null");
        }
    }

    @Test
    void aRecordsFormIsItsComponentsInOrderAsRecordsPrintThem() {
        Spend spend = new Spend("project:430203:P1", 100, LocalDate.of(2023, 3, 1), null);
        assertThat(CanonicalForm.of(spend))
                .isEqualTo("Spend[key=project:430203:P1, amountFen=100, date=2023-03-01, expectedVersion=null]")
                .isEqualTo(spend.toString());
    }

    @Test
    void aCommandWithItsOwnFormKeepsARetiredComponentInPlace() {
        assertThat(CanonicalForm.of(new Shaped("k"))).isEqualTo("Shaped[key=k, requestId=null]");
        assertThat(CanonicalForm.of("plain")).isEqualTo("plain");
    }
}
