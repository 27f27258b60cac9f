package io.jixiao.disclosure.report;

import io.jixiao.disclosure.report.DistrictLedger.DistrictYear;
import io.jixiao.disclosure.report.DistrictLedger.UnitYear;
import io.jixiao.disclosure.report.DistrictReport.Bond;
import io.jixiao.disclosure.report.DistrictReport.Debt;
import io.jixiao.disclosure.report.DistrictReport.DebtLine;
import io.jixiao.disclosure.report.DistrictReport.ThreePublic;
import io.jixiao.disclosure.report.DistrictReport.ThreePublicLine;
import io.jixiao.disclosure.report.DistrictReport.TransferLine;
import io.jixiao.disclosure.report.DistrictReport.Transfers;
import io.jixiao.events.budget.BondIssued;
import io.jixiao.events.budget.BondKind;
import io.jixiao.events.budget.DebtType;
import io.jixiao.events.budget.ThreePublicCategory;
import io.jixiao.events.budget.TransferKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** 三公经费, 税收返还和转移支付, 地方政府债务: small pure functions of the ledger. */
final class MoneySections {
    private MoneySections() {
    }

    // ------------------------------------------------------------------ 三公经费

    static ThreePublic threePublic(DistrictLedger ledger, int year) {
        Map<ThreePublicCategory, long[]> now = threePublicSums(ledger, year);
        Map<ThreePublicCategory, long[]> last = threePublicSums(ledger, year - 1);
        boolean lastRecorded = ledger.year(year - 1).map(DistrictYear::threePublicRecorded).orElse(false);
        long[] overseas = now.get(ThreePublicCategory.OVERSEAS_TRAVEL);
        long[] purchase = now.get(ThreePublicCategory.VEHICLE_PURCHASE);
        long[] operation = now.get(ThreePublicCategory.VEHICLE_OPERATION);
        long[] reception = now.get(ThreePublicCategory.OFFICIAL_RECEPTION);
        long[] lastOverseas = last.get(ThreePublicCategory.OVERSEAS_TRAVEL);
        long[] lastPurchase = last.get(ThreePublicCategory.VEHICLE_PURCHASE);
        long[] lastOperation = last.get(ThreePublicCategory.VEHICLE_OPERATION);
        long[] lastReception = last.get(ThreePublicCategory.OFFICIAL_RECEPTION);
        List<ThreePublicLine> lines = List.of(
                threePublicLine("overseas", ThreePublicCategory.OVERSEAS_TRAVEL.label(), false, overseas,
                        lastOverseas, lastRecorded),
                threePublicLine("vehicles", "公务用车购置及运行维护", false, sum(purchase, operation),
                        sum(lastPurchase, lastOperation), lastRecorded),
                threePublicLine("vehiclePurchase", ThreePublicCategory.VEHICLE_PURCHASE.label(), true, purchase,
                        lastPurchase, lastRecorded),
                threePublicLine("vehicleOperation", ThreePublicCategory.VEHICLE_OPERATION.label(), true, operation,
                        lastOperation, lastRecorded),
                threePublicLine("reception", ThreePublicCategory.OFFICIAL_RECEPTION.label(), false, reception,
                        lastReception, lastRecorded));
        ThreePublicLine total = threePublicLine("total", "合计", false, sum(overseas, purchase, operation, reception),
                sum(lastOverseas, lastPurchase, lastOperation, lastReception), lastRecorded);
        boolean recorded = ledger.year(year).map(DistrictYear::threePublicRecorded).orElse(false);
        return new ThreePublic(recorded, lines, total, lastRecorded);
    }

    /** Per category: {budget, spent} summed over the district's units. */
    private static Map<ThreePublicCategory, long[]> threePublicSums(DistrictLedger ledger, int year) {
        Map<ThreePublicCategory, long[]> sums = new EnumMap<>(ThreePublicCategory.class);
        for (ThreePublicCategory c : ThreePublicCategory.values()) {
            sums.put(c, new long[2]);
        }
        for (UnitYear uy : ledger.unitYears(year)) {
            for (ThreePublicCategory c : ThreePublicCategory.values()) {
                sums.get(c)[0] += uy.threePublicBudget(c);
                sums.get(c)[1] += uy.threePublicSpent(c);
            }
        }
        return sums;
    }

    private static long[] sum(long[]... parts) {
        long[] total = new long[2];
        for (long[] p : parts) {
            total[0] += p[0];
            total[1] += p[1];
        }
        return total;
    }

    private static ThreePublicLine threePublicLine(String id, String label, boolean subLine, long[] now, long[] last,
                                                   boolean lastRecorded) {
        long budget = now[0];
        long spent = now[1];
        return new ThreePublicLine(id, label, subLine, Wan.of(budget), Wan.of(spent), Wan.of(budget - spent),
                Change.of(spent, budget, Change.Basis.BUDGET), lastRecorded ? Wan.of(last[1]) : null,
                lastRecorded ? Change.of(spent, last[1], Change.Basis.LAST_YEAR) : null);
    }

    // ------------------------------------------------------------------ 税收返还和转移支付

    static Transfers transfers(DistrictLedger ledger, int year) {
        DistrictYear now = ledger.year(year).orElse(null);
        DistrictYear last = ledger.year(year - 1).orElse(null);
        boolean lastRecorded = last != null && last.transfersRecorded();
        List<TransferLine> lines = new ArrayList<>();
        long total = 0;
        long lastTotal = 0;
        for (TransferKind kind : TransferKind.values()) {
            long amount = now == null ? 0 : now.transfer(kind);
            long lastAmount = last == null ? 0 : last.transfer(kind);
            total += amount;
            lastTotal += lastAmount;
            lines.add(transferLine(kind.label(), amount, lastAmount, lastRecorded));
        }
        return new Transfers(now != null && now.transfersRecorded(), lines,
                transferLine("合计", total, lastTotal, lastRecorded), lastRecorded);
    }

    private static TransferLine transferLine(String kind, long amount, long last, boolean lastRecorded) {
        return new TransferLine(kind, Wan.of(amount), lastRecorded ? Wan.of(last) : null,
                lastRecorded ? Change.of(amount, last, Change.Basis.LAST_YEAR) : null);
    }

    // ------------------------------------------------------------------ 地方政府债务

    static Debt debt(DistrictLedger ledger, int year) {
        DistrictYear dy = ledger.year(year).orElse(null);
        List<DebtLine> byType = new ArrayList<>();
        long[] total = new long[7];
        boolean limitKnown = true;
        for (DebtType type : DebtType.values()) {
            long opening = opening(ledger, type, year, 0);
            long newBonds = dy == null ? 0 : dy.bonds(type, BondKind.NEW);
            long refinancing = dy == null ? 0 : dy.bonds(type, BondKind.REFINANCING);
            long principal = dy == null ? 0 : dy.principal(type);
            long interest = dy == null ? 0 : dy.interest(type);
            long balance = opening + newBonds + refinancing - principal;
            Long limit = dy == null ? null : dy.limit(type).orElse(null);
            limitKnown &= limit != null;
            long[] figures = {opening, newBonds, refinancing, principal, interest, balance, limit == null ? 0 : limit};
            for (int i = 0; i < figures.length; i++) {
                total[i] += figures[i];
            }
            byType.add(debtLine(type.name(), type.label(), figures, limit != null));
        }
        List<Bond> bonds = new ArrayList<>();
        if (dy != null) {
            for (BondIssued b : dy.bondList()) {
                bonds.add(new Bond(b.bondId(), b.type() == null ? null : b.type().name(),
                        b.kind() == null ? null : b.kind().name(), Wan.of(b.amountFen()),
                        b.termYears() == null ? List.of() : b.termYears(), b.purpose(), b.projectId(), b.date()));
            }
        }
        boolean recorded = dy != null && (dy.debtRecorded() || dy.interest(DebtType.GENERAL) != 0
                || dy.interest(DebtType.SPECIAL) != 0 || dy.limit(DebtType.GENERAL).isPresent()
                || dy.limit(DebtType.SPECIAL).isPresent())
                || ledger.year(year - 1).map(DistrictYear::debtRecorded).orElse(false);
        return new Debt(recorded, byType, debtLine("TOTAL", "合计", total, limitKnown), bonds);
    }

    private static DebtLine debtLine(String type, String label, long[] f, boolean limitKnown) {
        return new DebtLine(type, label, Wan.of(f[0]), Wan.of(f[1]), Wan.of(f[2]), Wan.of(f[3]), Wan.of(f[4]),
                Wan.of(f[5]), limitKnown ? Wan.of(f[6]) : null, limitKnown ? Wan.of(f[6] - f[5]) : null);
    }

    /** The opening balance: as recorded for the year, else last year's closing balance, else 0. */
    static long opening(DistrictLedger ledger, DebtType type, int year, int depth) {
        DistrictYear dy = ledger.year(year).orElse(null);
        if (dy != null && dy.opening(type).isPresent()) {
            return dy.opening(type).get();
        }
        DistrictYear previous = ledger.year(year - 1).orElse(null);
        if (previous == null || !previous.debtRecorded() || depth > 200) {
            return 0;
        }
        return closing(ledger, type, year - 1, depth + 1);
    }

    static long closing(DistrictLedger ledger, DebtType type, int year, int depth) {
        DistrictYear dy = ledger.year(year).orElse(null);
        long opening = opening(ledger, type, year, depth);
        if (dy == null) {
            return opening;
        }
        return opening + dy.bonds(type, BondKind.NEW) + dy.bonds(type, BondKind.REFINANCING) - dy.principal(type);
    }
}
