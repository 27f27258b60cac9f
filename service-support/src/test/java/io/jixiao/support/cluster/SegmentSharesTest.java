package io.jixiao.support.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentSharesTest {

    @Test
    void theFairShareIsTheSegmentsOverTheLiveInstancesRoundedUp() {
        assertThat(SegmentShares.fairShare(4, 1)).isEqualTo(4);
        assertThat(SegmentShares.fairShare(4, 2)).isEqualTo(2);
        assertThat(SegmentShares.fairShare(4, 3)).isEqualTo(2);
        assertThat(SegmentShares.fairShare(4, 5)).isEqualTo(1);
        assertThat(SegmentShares.fairShare(1, 2)).isEqualTo(1);
        assertThat(SegmentShares.fairShare(0, 2)).isZero();
    }

    @Test
    void anInstanceThatSeesNoLiveInstanceCountsItself() {
        assertThat(SegmentShares.fairShare(4, 0)).isEqualTo(4);
        assertThatThrownBy(() -> SegmentShares.fairShare(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releasesTheHighestSegmentsAboveTheShare() {
        assertThat(SegmentShares.toRelease(Set.of(3, 0, 2, 1), 2)).containsExactly(2, 3);
        assertThat(SegmentShares.toRelease(List.of(1, 3), 1)).containsExactly(3);
        assertThat(SegmentShares.toRelease(List.of(0, 1, 2, 3), 0)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void releasesNothingAtOrBelowTheShare() {
        assertThat(SegmentShares.toRelease(List.of(0, 1), 2)).isEmpty();
        assertThat(SegmentShares.toRelease(List.of(2), 2)).isEmpty();
        assertThat(SegmentShares.toRelease(List.of(), 4)).isEmpty();
    }

    @Test
    void anExpiryNotShorterThanTheClaimTimeoutIsRefused() {
        SegmentBalancer.Settings settings =
                new SegmentBalancer.Settings("a:1", Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10));

        assertThatThrownBy(() -> settings.within(Duration.ofSeconds(10))).hasMessageContaining("must be shorter");
        assertThat(settings.within(Duration.ofSeconds(11))).isSameAs(settings);
        assertThatThrownBy(() -> new SegmentBalancer.Settings("a:1", Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(10))).hasMessageContaining("at least two heartbeats");
    }
}
