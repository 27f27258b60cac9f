package io.jixiao.budget.settings;

import io.jixiao.budget.settings.DistrictSettings.ChangeDistrictSettings;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** District settings are events; setting what is already set records nothing. */
class DistrictSettingsTest {
    private final AggregateTestFixture<DistrictSettings> fixture = new AggregateTestFixture<>(DistrictSettings.class);

    @Test
    void aChangeIsRecordedOnce() {
        ChangeDistrictSettings off = new ChangeDistrictSettings(DistrictSettings.key("430203"), "430203", false, null);
        fixture.givenNoPriorActivity().when(off).expectEvents(new DistrictSettingsChanged("430203", false))
                .expectResultMessagePayload(true);
        fixture.given(new DistrictSettingsChanged("430203", false)).when(off).expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(new DistrictSettingsChanged("430203", false))
                .when(new ChangeDistrictSettings(DistrictSettings.key("430203"), "430203", true, null))
                .expectEvents(new DistrictSettingsChanged("430203", true));
    }
}
