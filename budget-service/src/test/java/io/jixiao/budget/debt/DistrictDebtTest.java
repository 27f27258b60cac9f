package io.jixiao.budget.debt;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.debt.DebtCommands.IssueBond;
import io.jixiao.budget.debt.DebtCommands.OpenDebtBalance;
import io.jixiao.budget.debt.DebtCommands.PayInterest;
import io.jixiao.budget.debt.DebtCommands.RepayPrincipal;
import io.jixiao.budget.debt.DebtCommands.SetDebtLimit;
import io.jixiao.events.budget.BondInterestPaid;
import io.jixiao.events.budget.BondIssued;
import io.jixiao.events.budget.BondKind;
import io.jixiao.events.budget.BondPrincipalRepaid;
import io.jixiao.events.budget.DebtBalanceOpened;
import io.jixiao.events.budget.DebtLimitSet;
import io.jixiao.events.budget.DebtType;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** The DistrictDebt aggregate's rules, with hetang-2022's 专项债务 figures (万元 → fen: × 1,000,000). */
class DistrictDebtTest {
    private static final String KEY = DebtCommands.key("430202", 2022);
    private static final LocalDate DAY = LocalDate.of(2022, 6, 30);
    private static final long WAN = 1_000_000L;
    private static final DebtBalanceOpened OPENED = new DebtBalanceOpened("430202", 2022, DebtType.SPECIAL, 216_161 * WAN);
    private static final DebtLimitSet LIMIT = new DebtLimitSet("430202", 2022, DebtType.SPECIAL, 280_000 * WAN);
    private final AggregateTestFixture<DistrictDebt> fixture = new AggregateTestFixture<>(DistrictDebt.class);

    private static IssueBond bond(String id, BondKind kind, long wan) {
        return new IssueBond(KEY, "430202", 2022, id, DebtType.SPECIAL, kind, wan * WAN, List.of(15), "p", null, DAY, null);
    }

    private static BondIssued issued(String id, BondKind kind, long wan) {
        return new BondIssued("430202", 2022, id, DebtType.SPECIAL, kind, wan * WAN, List.of(15), "p", null, DAY);
    }

    @Test
    void bondsWithinTheLimitAreIssuedAndTheSameBondAgainIsAReplay() {
        fixture.given(OPENED, LIMIT).when(bond("s1", BondKind.NEW, 63_800))
                .expectEvents(issued("s1", BondKind.NEW, 63_800)).expectResultMessagePayload(new Recorded(2, false));
        fixture.given(OPENED, LIMIT, issued("s1", BondKind.NEW, 63_800)).when(bond("s1", BondKind.NEW, 63_800))
                .expectNoEvents().expectResultMessagePayload(new Recorded(2, true));
        fixture.given(OPENED, LIMIT, issued("s1", BondKind.NEW, 63_800)).when(bond("s1", BondKind.NEW, 1))
                .expectNoEvents().expectException(Conflict.class);
    }

    @Test
    void theBalanceNeverStandsAboveTheLimit() {
        // 216161 + 63800 = 279961 ≤ 280000; one more 40 万元 would be 280001
        fixture.given(OPENED, LIMIT, issued("s1", BondKind.NEW, 63_800)).when(bond("s2", BondKind.NEW, 40))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the 专项债务 balance would be 2800010000.00 yuan, above its limit of "
                        + "2800000000.00 yuan");
        fixture.given(OPENED, issued("s1", BondKind.NEW, 63_800))
                .when(new SetDebtLimit(KEY, "430202", 2022, DebtType.SPECIAL, 279_960 * WAN, null))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(LIMIT)
                .when(new OpenDebtBalance(KEY, "430202", 2022, DebtType.SPECIAL, 280_001 * WAN, null))
                .expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void aRefinancingBondWithAMatchingRepaymentLeavesTheBalanceUnchanged() {
        BondPrincipalRepaid repaid = new BondPrincipalRepaid("430202", 2022, DebtType.SPECIAL, 9_037 * WAN, null, DAY);
        fixture.given(OPENED, issued("r1", BondKind.REFINANCING, 9_037))
                .when(new RepayPrincipal(KEY, "430202", 2022, DebtType.SPECIAL, 9_037 * WAN, null, DAY, null))
                .expectEvents(repaid);
        DebtFigures f = DebtFigures.NONE.after(OPENED).after(issued("r1", BondKind.REFINANCING, 9_037)).after(repaid)
                .after(new BondInterestPaid("430202", 2022, DebtType.SPECIAL, 9_186_160_000L, DAY));
        assertThat(f.balanceFen()).isEqualTo(216_161 * WAN);
        assertThat(f.refinancingFen()).isEqualTo(9_037 * WAN);
        assertThat(f.interestFen()).isEqualTo(9_186_160_000L);
    }

    @Test
    void principalCannotExceedTheBalanceAndInterestIsPositive() {
        fixture.given(OPENED)
                .when(new RepayPrincipal(KEY, "430202", 2022, DebtType.SPECIAL, 216_161 * WAN + 1, null, DAY, null))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(OPENED).when(new PayInterest(KEY, "430202", 2022, DebtType.GENERAL, 0, DAY, null))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(OPENED).when(new PayInterest(KEY, "430202", 2022, DebtType.GENERAL, 2_251 * WAN, DAY, null))
                .expectEvents(new BondInterestPaid("430202", 2022, DebtType.GENERAL, 2_251 * WAN, DAY));
    }
}
