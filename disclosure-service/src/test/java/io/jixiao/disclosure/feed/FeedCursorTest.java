package io.jixiao.disclosure.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    private static String token(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorReadsBackAsTheSamePositions() {
        FeedCursor cursor = FeedCursor.start().with("budget.events", 2, 17).with("evaluation.events", 0, 4);
        FeedCursor read = FeedCursor.decode(cursor.encode());
        assertThat(read).isEqualTo(cursor);
        assertThat(read.next("budget.events", 2)).isEqualTo(17);
        assertThat(read.next("budget.events", 1)).as("a partition it does not name: from its beginning").isEqualTo(-1);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void noTokenIsTheStartOfEveryTopic() {
        assertThat(FeedCursor.decode(null)).isEqualTo(FeedCursor.start());
        assertThat(FeedCursor.decode(" ")).isEqualTo(FeedCursor.start());
        assertThat(FeedCursor.decode(FeedCursor.start().encode()).offsets()).isEmpty();
    }

    @Test
    void aTokenThisFeedDidNotGiveOutIsRefused() {
        assertThatThrownBy(() -> FeedCursor.decode("@@")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeedCursor.decode(token("v2;budget.events/0=1")))
                .hasMessageContaining("unknown version");
        assertThatThrownBy(() -> FeedCursor.decode(token("v1;budget.events/0=-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeedCursor.decode(token("v1;budget.events/0=1;budget.events/0=2")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> FeedCursor.decode(token("v1;budget.events/0=99999999999999999999")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeedCursor.decode("A".repeat(3000))).hasMessageContaining("longer");
    }

    @Test
    void theTokenDoesNotDependOnTheOrderThePartitionsWereNamedIn() {
        FeedCursor one = new FeedCursor(Map.of("budget.events/0", 1L, "budget.events/1", 2L));
        FeedCursor other = FeedCursor.start().with("budget.events", 1, 2).with("budget.events", 0, 1);
        assertThat(one.encode()).isEqualTo(other.encode());
    }
}
