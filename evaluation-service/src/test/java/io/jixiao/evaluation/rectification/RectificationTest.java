package io.jixiao.evaluation.rectification;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.rectification.RectificationCommands.MarkOverdue;
import io.jixiao.evaluation.rectification.RectificationCommands.OpenRectification;
import io.jixiao.evaluation.rectification.RectificationCommands.Outcome;
import io.jixiao.evaluation.rectification.RectificationCommands.RecordProgress;
import io.jixiao.evaluation.rectification.RectificationCommands.RectificationResult;
import io.jixiao.evaluation.rectification.RectificationCommands.ReportDone;
import io.jixiao.evaluation.rectification.RectificationCommands.ReturnRectification;
import io.jixiao.evaluation.rectification.RectificationCommands.SignOff;
import io.jixiao.events.evaluation.RectificationCompleted;
import io.jixiao.events.evaluation.RectificationOpened;
import io.jixiao.events.evaluation.RectificationOverdue;
import io.jixiao.events.evaluation.RectificationProgressed;
import io.jixiao.events.evaluation.RectificationReturned;
import io.jixiao.events.evaluation.RectificationSignedOff;
import io.jixiao.events.evaluation.RectificationSource;
import io.jixiao.events.evaluation.RectificationSourceKind;
import io.jixiao.events.evaluation.RectificationStatus;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Rectification aggregate: opened, progressed, done (in time or late), signed off or returned, overdue once. */
class RectificationTest {
    private static final String D = "430511";
    private static final String ID = "zg-2022-01";
    private static final String KEY = Keys.rectification(D, ID);
    private static final LocalDate OPENED_ON = LocalDate.of(2022, 9, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2022, 11, 30);
    /** 2022-12-01T00:00 in Asia/Shanghai. */
    private static final Instant DUE = Instant.parse("2022-11-30T16:00:00Z");
    private static final RectificationSource SOURCE = new RectificationSource(RectificationSourceKind.KEY_EVALUATION,
            "ke-2022-01", 0, null, null, null, "jyj-xcfw", "部分学校未按规定公示资助名单");
    private static final OpenRectification OPEN = new OpenRectification(KEY, D, ID, 2022, "jyj", SOURCE,
            " 完善公示制度 ", DEADLINE, OPENED_ON);
    private static final RectificationOpened OPENED = new RectificationOpened(D, ID, 2022, "jyj", SOURCE,
            "完善公示制度", DEADLINE, DUE, OPENED_ON, RectificationStatus.OPEN);
    private static final RectificationProgressed PROGRESSED = new RectificationProgressed(D, ID, 2022, "jyj",
            RectificationSourceKind.KEY_EVALUATION, DEADLINE, "已下发通知", List.of("教财〔2022〕8号"),
            LocalDate.of(2022, 10, 8), RectificationStatus.IN_PROGRESS);
    private static final RectificationOverdue OVERDUE = new RectificationOverdue(D, ID, 2022, "jyj", SOURCE, DEADLINE,
            DUE, RectificationStatus.OVERDUE);

    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rectification.class);
    }

    private static RectificationCompleted completed(LocalDate doneOn, boolean late) {
        return new RectificationCompleted(D, ID, 2022, "jyj", RectificationSourceKind.KEY_EVALUATION, DEADLINE,
                "全部学校已公示", List.of("公示截图"), doneOn, late, RectificationStatus.DONE);
    }

    private static ReportDone done(LocalDate doneOn) {
        return new ReportDone(KEY, "全部学校已公示", List.of("公示截图"), doneOn);
    }

    @Test
    void anItemIsOpenedWithItsDueInstantAtTheEndOfTheDeadlineDayInShanghai() {
        fixture.givenNoPriorActivity().when(OPEN).expectEvents(OPENED)
                .expectResultMessagePayload(new RectificationResult(Outcome.OPENED, true));
    }

    @Test
    void openingAgainWithTheSameDetailsRecordsNothingAndWithOthersIsAConflict() {
        fixture.given(OPENED).when(OPEN).expectNoEvents()
                .expectResultMessagePayload(new RectificationResult(Outcome.UNCHANGED, false));
        fixture.given(OPENED).when(new OpenRectification(KEY, D, ID, 2022, "jyj", SOURCE, "完善公示制度",
                DEADLINE.plusDays(1), OPENED_ON)).expectNoEvents().expectException(Conflict.class);
    }

    @Test
    void anItemWithoutMeasuresOrWithADeadlineBeforeItsOpeningIsRefused() {
        fixture.givenNoPriorActivity().when(new OpenRectification(KEY, D, ID, 2022, "jyj", SOURCE, " ",
                        OPENED_ON.minusDays(1), OPENED_ON)).expectNoEvents().expectException(InvalidInput.class)
                .expectExceptionMessage("measures: say what the unit is to do (整改措施); deadline: the deadline "
                        + "2022-08-31 is before the item is opened (2022-09-01)");
    }

    @Test
    void progressDoneInTimeAndSignOffCloseTheItemWithoutBeingLate() {
        fixture.given(OPENED).when(new RecordProgress(KEY, " 已下发通知 ", List.of("教财〔2022〕8号"),
                LocalDate.of(2022, 10, 8))).expectEvents(PROGRESSED);
        fixture.given(OPENED, PROGRESSED).when(done(DEADLINE)).expectEvents(completed(DEADLINE, false));
        fixture.given(OPENED, PROGRESSED, completed(DEADLINE, false))
                .when(new SignOff(KEY, " 同意销号 ", DEADLINE.plusDays(3)))
                .expectEvents(new RectificationSignedOff(D, ID, 2022, "jyj", RectificationSourceKind.KEY_EVALUATION,
                        DEADLINE, DEADLINE, false, "同意销号", DEADLINE.plusDays(3), RectificationStatus.SIGNED_OFF));
    }

    @Test
    void theDeadlinePassingRecordsOneOverdueEventAtTheDeadlineAndLaterSweepsRecordNothing() {
        fixture.given(OPENED, PROGRESSED).when(new MarkOverdue(KEY, DUE.minusNanos(1))).expectNoEvents()
                .expectException(RuleViolation.class);
        fixture.given(OPENED, PROGRESSED).when(new MarkOverdue(KEY, DUE.plusSeconds(42))).expectEvents(OVERDUE)
                .expectResultMessagePayload(new RectificationResult(Outcome.OVERDUE, true));
        fixture.given(OPENED, PROGRESSED, OVERDUE).when(new MarkOverdue(KEY, DUE.plusSeconds(3600))).expectNoEvents()
                .expectResultMessagePayload(new RectificationResult(Outcome.UNCHANGED, false));
    }

    @Test
    void anItemDoneInTimeIsNeverOverdue() {
        fixture.given(OPENED, completed(DEADLINE, false)).when(new MarkOverdue(KEY, DUE.plusSeconds(60)))
                .expectNoEvents().expectResultMessagePayload(new RectificationResult(Outcome.UNCHANGED, false));
    }

    @Test
    void anOverdueItemDoneLateKeepsItsOverdueEventAndIsRecordedLate() {
        LocalDate late = DEADLINE.plusDays(10);
        fixture.given(OPENED, OVERDUE).when(new RecordProgress(KEY, "补充公示", List.of(), late.minusDays(5)))
                .expectEvents(new RectificationProgressed(D, ID, 2022, "jyj", RectificationSourceKind.KEY_EVALUATION,
                        DEADLINE, "补充公示", List.of(), late.minusDays(5), RectificationStatus.OVERDUE));
        fixture.given(OPENED, OVERDUE).when(done(late)).expectEvents(completed(late, true));
        fixture.given(OPENED, OVERDUE, completed(late, true)).when(new SignOff(KEY, null, late.plusDays(1)))
                .expectEvents(new RectificationSignedOff(D, ID, 2022, "jyj", RectificationSourceKind.KEY_EVALUATION,
                        DEADLINE, late, true, null, late.plusDays(1), RectificationStatus.SIGNED_OFF));
    }

    @Test
    void anOverdueItemCannotBeReportedDoneOnOrBeforeItsDeadline() {
        fixture.given(OPENED, OVERDUE).when(done(DEADLINE)).expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("rectification 'zg-2022-01' was recorded overdue: it was not done by its "
                        + "deadline 2022-11-30, so it cannot be reported done on 2022-11-30");
    }

    @Test
    void aCompletionAfterTheDeadlineIsLateEvenBeforeTheSweepRecordedItOverdue() {
        fixture.given(OPENED).when(done(DEADLINE.plusDays(1))).expectEvents(completed(DEADLINE.plusDays(1), true));
    }

    @Test
    void aCompletionNeedsEvidenceAndASummary() {
        fixture.given(OPENED).when(new ReportDone(KEY, " ", List.of(), DEADLINE)).expectNoEvents()
                .expectException(InvalidInput.class)
                .expectExceptionMessage("summary: say what was done (整改情况); evidence: a rectification is reported "
                        + "done with its evidence (佐证材料)");
    }

    @Test
    void aReturnedItemIsRectifiedAgainAndBecomesOverdueWhenItsDeadlinePasses() {
        RectificationReturned returned = new RectificationReturned(D, ID, 2022, "jyj",
                RectificationSourceKind.KEY_EVALUATION, DEADLINE, "佐证不足", DEADLINE, RectificationStatus.IN_PROGRESS);
        fixture.given(OPENED, completed(DEADLINE.minusDays(5), false))
                .when(new ReturnRectification(KEY, " 佐证不足 ", DEADLINE)).expectEvents(returned);
        fixture.given(OPENED, completed(DEADLINE.minusDays(5), false), returned)
                .when(new MarkOverdue(KEY, DUE)).expectEvents(OVERDUE);
        fixture.given(OPENED, OVERDUE, completed(DEADLINE.plusDays(2), true))
                .when(new ReturnRectification(KEY, "佐证不足", DEADLINE.plusDays(3)))
                .expectEvents(new RectificationReturned(D, ID, 2022, "jyj", RectificationSourceKind.KEY_EVALUATION,
                        DEADLINE, "佐证不足", DEADLINE.plusDays(3), RectificationStatus.OVERDUE));
    }

    @Test
    void onlyADoneItemIsSignedOffOrReturnedAndAFinishedOneTakesNoMoreProgress() {
        fixture.given(OPENED, PROGRESSED).when(new SignOff(KEY, null, DEADLINE)).expectNoEvents()
                .expectException(RuleViolation.class);
        fixture.given(OPENED).when(new ReturnRectification(KEY, "x", DEADLINE)).expectNoEvents()
                .expectException(RuleViolation.class);
        fixture.given(OPENED, completed(DEADLINE, false)).when(new RecordProgress(KEY, "再补充", List.of(), DEADLINE))
                .expectNoEvents().expectException(Conflict.class);
        fixture.given(OPENED, completed(DEADLINE, false)).when(new SignOff(KEY, null, DEADLINE.minusDays(1)))
                .expectNoEvents().expectException(InvalidInput.class);
        fixture.given(OPENED).when(new RecordProgress(KEY, "早于立项", List.of(), OPENED_ON.minusDays(1)))
                .expectNoEvents().expectException(InvalidInput.class);
    }

    @Test
    void aRetryOfTheSameRequestIsAnsweredFromWhatIsRecordedAndAReusedKeyIsRefused() {
        MetaData request = MetaData.with("requestId", "progress-1").and("requestFingerprint", "f");
        fixture.given(OPENED, new GenericEventMessage<>(PROGRESSED, request))
                .when(new RecordProgress(KEY, "已下发通知", List.of("教财〔2022〕8号"), LocalDate.of(2022, 10, 8)), request)
                .expectNoEvents().expectResultMessagePayload(new RectificationResult(Outcome.PROGRESSED, false));
        fixture.given(OPENED, new GenericEventMessage<>(PROGRESSED, request))
                .when(done(DEADLINE), MetaData.with("requestId", "progress-1").and("requestFingerprint", "g"))
                .expectNoEvents().expectException(Conflict.class);
    }
}
