package io.jixiao.support.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundsCarriedOver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventHandlersTest {
    private final ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private final EventHandlers<List<String>, String> handlers = EventHandlers.<List<String>, String>builder()
            .on(FundsCarriedOver.class, (seen, e, ctx) -> seen.add(ctx + " carried " + e.amountFen()))
            .build();

    @Test
    void aPublishedEnvelopeIsDecodedToItsRecordAndHandledByItsClass() {
        List<String> seen = new ArrayList<>();
        boolean handled = handlers.apply(seen, envelope("FundsCarriedOver",
                "{\"districtCode\":\"430202\",\"projectId\":\"p1\",\"amountFen\":1250}"), mapper, "e1");

        assertThat(handled).isTrue();
        assertThat(seen).containsExactly("e1 carried 1250");
    }

    @Test
    void aTypeWithoutHandlerIsNotDecodedAndChangesNothing() {
        List<String> seen = new ArrayList<>();

        assertThat(handlers.apply(seen, envelope("ExpenditureRecorded", "\"not even an object\""), mapper, "e2"))
                .isFalse();
        assertThat(handlers.apply(seen, envelope("NoSuchEvent", "{}"), mapper, "e3")).isFalse();
        assertThat(seen).isEmpty();
        assertThat(handlers.types()).containsExactly(FundsCarriedOver.class);
    }

    @Test
    void aMalformedPayloadOfAHandledTypeIsRefusedNamingTheEvent() {
        assertThatThrownBy(() -> handlers.apply(new ArrayList<>(), envelope("FundsCarriedOver",
                "{\"amountFen\":\"many\"}"), mapper, "e4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FundsCarriedOver ev-1");
    }

    @Test
    void twoHandlersForOneTypeAreAMistake() {
        assertThatThrownBy(() -> EventHandlers.<Object, Object>builder()
                .on(ExpenditureRecorded.class, (s, e, c) -> { })
                .on(ExpenditureRecorded.class, (s, e, c) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ExpenditureRecorded");
    }

    private EventEnvelope envelope(String type, String payload) {
        try {
            return new EventEnvelope("ev-1", type, "Project", "430202:p1", 0, Instant.EPOCH, null,
                    mapper.readTree(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
