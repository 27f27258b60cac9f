package io.jixiao.disclosure.publication;

import io.jixiao.disclosure.events.DisclosureKind;
import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.disclosure.publication.PackageCommands.Outcome;
import io.jixiao.disclosure.publication.PackageCommands.PublishPackage;
import io.jixiao.disclosure.publication.PackageCommands.RetractPackage;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DisclosurePackage aggregate's rules, on Axon's given/when/then fixture (no Spring). */
class DisclosurePackageTest {
    private static final String KEY = PackageCommands.packageKey("430212", "pkg-wjj");
    private static final DisclosurePublished PUBLISHED = new DisclosurePublished("430212", 2023, "wjj", "pkg-wjj",
            DisclosureKind.GOALS, LocalDate.of(2023, 3, 30), Map.of("项目支出绩效目标表", List.of("wjj-jbgw")), Map.of(),
            Map.of());
    private static final DisclosureRetracted RETRACTED = new DisclosureRetracted("430212", 2023, "wjj", "pkg-wjj",
            "逾期公开", LocalDate.of(2023, 4, 1));

    private AggregateTestFixture<DisclosurePackage> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DisclosurePackage.class);
    }

    private static RetractPackage retract(String reason) {
        return new RetractPackage(KEY, "430212", 2023, "wjj", "pkg-wjj", reason, LocalDate.of(2023, 4, 1));
    }

    @Test
    void publishesOnceAndTheSamePublicationAgainIsANoOp() {
        fixture.givenNoPriorActivity().when(new PublishPackage(KEY, PUBLISHED)).expectEvents(PUBLISHED)
                .expectResultMessagePayload(new Outcome("pkg-wjj", "PUBLISHED", false, 0));
        fixture.given(PUBLISHED).when(new PublishPackage(KEY, PUBLISHED)).expectNoEvents()
                .expectResultMessagePayload(new Outcome("pkg-wjj", "PUBLISHED", true, 0));
    }

    @Test
    void anotherPublicationUnderTheSameIdIsAConflict() {
        DisclosurePublished other = new DisclosurePublished("430212", 2023, "wjj", "pkg-wjj", DisclosureKind.GOALS,
                LocalDate.of(2023, 3, 31), PUBLISHED.tables(), Map.of(), Map.of());
        fixture.given(PUBLISHED).when(new PublishPackage(KEY, other)).expectNoEvents()
                .expectException(Conflict.class).expectExceptionMessage(
                        "package 'pkg-wjj' was already published in 430212 with other content");
    }

    @Test
    void aPackageOfAYearIsPublishedAroundThatYear() {
        DisclosurePublished tooLate = new DisclosurePublished("430212", 2023, "wjj", "pkg-wjj", DisclosureKind.GOALS,
                LocalDate.of(2026, 1, 1), PUBLISHED.tables(), Map.of(), Map.of());
        fixture.givenNoPriorActivity().when(new PublishPackage(KEY, tooLate)).expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void aPackageHasTablesAndExplainsOnlyItsOwnTables() {
        DisclosurePublished noTables = new DisclosurePublished("430212", 2023, "wjj", "pkg-wjj", DisclosureKind.GOALS,
                LocalDate.of(2023, 2, 1), Map.of(), Map.of(), Map.of());
        fixture.givenNoPriorActivity().when(new PublishPackage(KEY, noTables)).expectNoEvents()
                .expectException(RuleViolation.class).expectExceptionMessage("a package publishes at least one table");
        DisclosurePublished strayExplanation = new DisclosurePublished("430212", 2023, "wjj", "pkg-wjj",
                DisclosureKind.GOALS, LocalDate.of(2023, 2, 1), PUBLISHED.tables(), Map.of("部门收支总表", "无"),
                Map.of());
        fixture.givenNoPriorActivity().when(new PublishPackage(KEY, strayExplanation)).expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void anEmptyTableIsAcceptedTheFindingsJudgeIt() {
        DisclosurePublished empty = new DisclosurePublished("430212", 2023, "xfj", "pkg-wjj", DisclosureKind.GOALS,
                LocalDate.of(2023, 2, 1), Map.of("项目支出绩效目标表", List.of()), Map.of(), Map.of());
        fixture.givenNoPriorActivity().when(new PublishPackage(KEY, empty)).expectEvents(empty);
    }

    @Test
    void retractsOnceAndTheSameRetractionAgainIsANoOp() {
        fixture.given(PUBLISHED).when(retract("逾期公开")).expectEvents(RETRACTED)
                .expectResultMessagePayload(new Outcome("pkg-wjj", "RETRACTED", false, 1));
        fixture.given(PUBLISHED, RETRACTED).when(retract("逾期公开")).expectNoEvents()
                .expectResultMessagePayload(new Outcome("pkg-wjj", "RETRACTED", true, 1));
        fixture.given(PUBLISHED, RETRACTED).when(retract("另一个理由")).expectNoEvents()
                .expectException(Conflict.class);
    }

    @Test
    void aRetractionNamesThePackagesUnitAndYear() {
        fixture.given(PUBLISHED).when(new RetractPackage(KEY, "430212", 2023, "mzj", "pkg-wjj", "理由", null))
                .expectNoEvents().expectException(NotFound.class);
        fixture.given(PUBLISHED).when(retract(" ")).expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void thePublishedPackageCanBePublishedAgainAfterRetractionOnlyAsANoOp() {
        fixture.given(PUBLISHED, RETRACTED).when(new PublishPackage(KEY, PUBLISHED)).expectNoEvents()
                .expectResultMessagePayload(new Outcome("pkg-wjj", "RETRACTED", true, 1));
    }
}
