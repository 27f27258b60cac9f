package io.jixiao.evaluation.personal;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.Keys;
import io.jixiao.events.evaluation.PersonalDataErased;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 加密删除 of a person, on Axon's given/when/then fixture: once, with a reason; a repeat records nothing. */
class PersonErasureTest {
    private static final String KEY = Keys.person("430203", "p-zhang");
    private static final PersonalDataErased ERASED = new PersonalDataErased("430203", "p-zhang", "本人申请删除个人信息");
    private AggregateTestFixture<PersonErasure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PersonErasure.class);
    }

    @Test
    void aPersonIsErasedOnceWithItsReasonTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new ErasePersonalData(KEY, "430203", "p-zhang", " 本人申请删除个人信息 "))
                .expectEvents(ERASED).expectResultMessagePayload(true);
    }

    @Test
    void aRepeatedErasureRecordsNothingWhateverItsReason() {
        fixture.given(ERASED).when(new ErasePersonalData(KEY, "430203", "p-zhang", "再次申请"))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void anErasureWithoutReasonIsRefusedNamingTheField() {
        fixture.givenNoPriorActivity().when(new ErasePersonalData(KEY, "430203", "p-zhang", "  "))
                .expectNoEvents().expectException(InvalidInput.class)
                .expectExceptionMessage("reason: an erasure states its reason");
    }
}
