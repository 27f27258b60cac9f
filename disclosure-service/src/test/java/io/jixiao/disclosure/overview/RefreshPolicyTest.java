package io.jixiao.disclosure.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.disclosure.overview.RefreshPolicy.Behind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {
    private static final long MS = 1_000_000L;
    private final RefreshPolicy policy = new RefreshPolicy(Duration.ofMillis(500), Duration.ofMillis(3000));

    private static Behind behind(String district, long version, long quietMs) {
        return new Behind(district, version, Duration.ofMillis(quietMs));
    }

    @Test
    void aDistrictIsFoldedOnceItsChangesHavePaused() {
        assertThat(policy.due(List.of(behind("430202", 1, 100)), 0)).isEmpty();
        assertThat(policy.due(List.of(behind("430202", 1, 499)), 399 * MS)).isEmpty();
        assertThat(policy.due(List.of(behind("430202", 1, 500)), 400 * MS)).extracting(Behind::districtCode)
                .containsExactly("430202");
    }

    @Test
    void aDistrictThatKeepsChangingIsFoldedEveryMaxWaitAndAgainWhenItStops() {
        long t = 0;
        int folds = 0;
        for (; t <= 10_000 * MS; t += 200 * MS) {  // a change every few ms for ten seconds: never quiet
            List<Behind> due = policy.due(List.of(behind("430211", t / MS, 10)), t);
            for (Behind district : due) {
                folds++;
                policy.folded(district.districtCode());
            }
        }
        assertThat(folds).isEqualTo(3);  // at 3.0, 6.2 and 9.4 s: each wait starts at the first look after a fold
        assertThat(policy.due(List.of(behind("430211", 999, 600)), t)).hasSize(1);  // the import has ended
    }

    @Test
    void districtsAreJudgedEachOnItsOwn() {
        policy.due(List.of(behind("430211", 5, 10)), 0);
        List<Behind> due = policy.due(List.of(behind("430211", 9, 10), behind("430202", 2, 800)), 1000 * MS);
        assertThat(due).extracting(Behind::districtCode).containsExactly("430202");
        assertThat(policy.due(List.of(behind("430211", 12, 10)), 3000 * MS)).extracting(Behind::districtCode)
                .containsExactly("430211");
    }

    @Test
    void aDistrictCaughtUpElsewhereStartsItsWaitAfresh() {
        policy.due(List.of(behind("430211", 5, 10)), 0);
        policy.due(List.of(), 1000 * MS);  // another instance folded it: no longer behind
        assertThat(policy.due(List.of(behind("430211", 6, 10)), 3500 * MS)).isEmpty();
        assertThat(policy.due(List.of(behind("430211", 7, 10)), 6500 * MS)).hasSize(1);
    }

    @Test
    void aNegativeDurationIsRefused() {
        assertThatThrownBy(() -> new RefreshPolicy(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
