package io.jixiao.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request bodies are read strictly: what the bad-input run found accepted or answered 500 is refused (400). */
class RequestJsonTest {
    private final ObjectMapper requests = RequestJson.forRequests(new ObjectMapper());

    record Body(String name, BigDecimal amount, List<String> reasons) {
    }

    @Test
    void aValidBodyReadsAsBefore() throws Exception {
        Body body = requests.readValue("{\"name\":\"项目\\u202e名称 \\uD83D\\uDCB0\\n第二行\\t\",\"amount\":\"1234.56\","
                + "\"reasons\":[\"a\"]}", Body.class);
        assertThat(body.name()).isEqualTo("项目\u202e名称 \uD83D\uDCB0\n第二行\t");
        assertThat(body.amount()).isEqualByComparingTo("1234.56");
    }

    @Test
    void trailingContentIsRefused() {
        assertThatThrownBy(() -> requests.readValue("{\"name\":\"a\"}{\"name\":\"b\"}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> requests.readValue("{\"name\":\"a\"}}", Body.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void textThatIsNotValidUnicodeOrHoldsControlCharactersIsRefused() {
        for (String text : List.of("\\ud800", "x\\udc00y", "lone\\ud83d", "\\u0000", "a\\u0007b", "esc\\u001b[31m")) {
            assertThatThrownBy(() -> requests.readValue("{\"name\":\"名称" + text + "\"}", Body.class))
                    .as(text).isInstanceOf(MismatchedInputException.class)
                    .hasMessageStartingWith("text must");
            assertThatThrownBy(() -> requests.readValue("{\"reasons\":[\"" + text + "\"]}", Body.class))
                    .as("in a list: " + text).isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void numbersBeyondAnyAmountAreRefused() throws Exception {
        assertThatThrownBy(() -> requests.readValue("{\"amount\":\"0." + "9".repeat(1000) + "\"}", Body.class))
                .isInstanceOf(JacksonException.class);
        for (String number : List.of("\"1E+2147483647\"", "1E+2147483647", "1e-5000", "\"-1E-2147483647\"")) {
            assertThatThrownBy(() -> requests.readValue("{\"amount\":" + number + "}", Body.class))
                    .as(number).isInstanceOf(MismatchedInputException.class).hasMessageStartingWith("number out of range");
        }
        assertThat(requests.readValue("{\"amount\":1e400}", Body.class).amount()).isEqualByComparingTo("1e400");
    }

    @Test
    void theApplicationMapperItselfIsLeftAlone() throws Exception {
        ObjectMapper application = new ObjectMapper();
        RequestJson.forRequests(application);
        assertThat(application.readValue("{\"name\":\"\\ud800\"}", Body.class).name()).isEqualTo("\ud800");
    }
}
