package io.jixiao.support.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A snapshot holds an aggregate's fields, private ones included, and nothing a getter derives. */
class SnapshotStateTest {
    @SnapshotState
    static final class Account {
        private long balanceFen;
        private RequestLedger requests = new RequestLedger();

        public long getDoubled() {
            return balanceFen * 2;
        }

        public boolean isEmpty() {
            return balanceFen == 0;
        }
    }

    @Test
    void fieldsAreWrittenAndReadBackGettersAreNot() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Account account = new Account();
        account.balanceFen = 12_345;
        account.requests.remember("r1", "f1", 3);
        String written = json.writeValueAsString(account);
        assertThat(written).contains("\"balanceFen\":12345").contains("\"requests\"").contains("\"r1\"")
                .doesNotContain("doubled").doesNotContain("empty");
        Account back = json.readValue(written, Account.class);
        assertThat(back.balanceFen).isEqualTo(12_345);
        assertThat(back.requests.replayOf("r1", "f1")).contains(3L);
    }
}
