package io.jixiao.budget.debt;

import io.jixiao.events.budget.BondInterestPaid;
import io.jixiao.events.budget.BondIssued;
import io.jixiao.events.budget.BondKind;
import io.jixiao.events.budget.BondPrincipalRepaid;
import io.jixiao.events.budget.DebtBalanceOpened;
import io.jixiao.events.budget.DebtLimitSet;

/**
 * One debt type's figures for a year, in fen, and the one definition of how each event moves them:
 * balance (余额) = opening + new bonds + refinancing bonds − principal repaid; interest does not move it.
 * A refinancing bond with a matching principal repayment leaves the balance unchanged.
 *
 * @param limitFen null while no limit is set
 */
public record DebtFigures(long openingFen, Long limitFen, long newBondsFen, long refinancingFen, long principalFen,
                          long interestFen) {
    public static final DebtFigures NONE = new DebtFigures(0, null, 0, 0, 0, 0);

    public long balanceFen() {
        return openingFen + newBondsFen + refinancingFen - principalFen;
    }

    public DebtFigures after(Object event) {
        if (event instanceof DebtBalanceOpened e) {
            return new DebtFigures(e.amountFen(), limitFen, newBondsFen, refinancingFen, principalFen, interestFen);
        }
        if (event instanceof DebtLimitSet e) {
            return new DebtFigures(openingFen, e.amountFen(), newBondsFen, refinancingFen, principalFen, interestFen);
        }
        if (event instanceof BondIssued e) {
            return e.kind() == BondKind.REFINANCING
                    ? new DebtFigures(openingFen, limitFen, newBondsFen, refinancingFen + e.amountFen(), principalFen,
                    interestFen)
                    : new DebtFigures(openingFen, limitFen, newBondsFen + e.amountFen(), refinancingFen, principalFen,
                    interestFen);
        }
        if (event instanceof BondPrincipalRepaid e) {
            return new DebtFigures(openingFen, limitFen, newBondsFen, refinancingFen, principalFen + e.amountFen(),
                    interestFen);
        }
        if (event instanceof BondInterestPaid e) {
            return new DebtFigures(openingFen, limitFen, newBondsFen, refinancingFen, principalFen,
                    interestFen + e.amountFen());
        }
        return this;
    }
}
