package io.jixiao.budget.debt;

import io.jixiao.support.web.District;
import io.jixiao.budget.common.Ids;
import io.jixiao.budget.common.RecordingController;
import io.jixiao.budget.debt.DebtRequests.BondRequest;
import io.jixiao.budget.debt.DebtRequests.InterestRequest;
import io.jixiao.budget.debt.DebtRequests.LimitRequest;
import io.jixiao.budget.debt.DebtRequests.OpeningBalanceRequest;
import io.jixiao.budget.debt.DebtRequests.PrincipalRequest;
import io.jixiao.events.Money;
import io.jixiao.events.budget.DebtType;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.jixiao.support.web.FiscalYear;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 政府债务 of a district-year: opening balance, limit, bonds, principal and interest, and the balance. */
@RestController
@Tag(name = "debt", description = "政府债务 per district-year")
@RequestMapping("/api/budget/districts/{districtCode}/years/{year}/debt")
public class DebtController extends RecordingController {
    private final DebtView view;

    public DebtController(CommandSender commands, DebtView view) {
        super(commands);
        this.view = view;
    }

    /** One type's figures (yuan); limit null when none is set. balance = opening + newBonds + refinancing − principal. */
    public record TypeLine(String type, String label, String opening, String limit, String newBonds,
                           String refinancing, String principal, String interest, String balance) {
        static TypeLine of(String type, String label, DebtFigures f) {
            return new TypeLine(type, label, Money.yuan(f.openingFen()),
                    f.limitFen() == null ? null : Money.yuan(f.limitFen()), Money.yuan(f.newBondsFen()),
                    Money.yuan(f.refinancingFen()), Money.yuan(f.principalFen()), Money.yuan(f.interestFen()),
                    Money.yuan(f.balanceFen()));
        }
    }

    public record BondLine(String bondId, String type, String kind, String amount, List<Integer> termYears,
                           String purpose, String projectId, LocalDate date) {
    }

    public record DebtState(String districtCode, int fiscalYear, List<TypeLine> types, TypeLine total,
                            List<BondLine> bonds, long version) {
    }

    public record CommandResult(long sequence, boolean replayed, DebtState state) {
    }

    @PostMapping("/opening-balances")
    @Operation(summary = "Balance of a type at the start of the year (422 DEBT_ABOVE_LIMIT)")
    public ResponseEntity<CommandResult> open(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OpeningBalanceRequest body) {
        return recorded(districtCode, year, body.toCommand(districtCode, year, IfMatch.version(ifMatch)));
    }

    @PostMapping("/limits")
    @Operation(summary = "债务限额 of a type (422 DEBT_ABOVE_LIMIT if the balance already stands above it)")
    public ResponseEntity<CommandResult> limit(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LimitRequest body) {
        return recorded(districtCode, year, body.toCommand(districtCode, year, IfMatch.version(ifMatch)));
    }

    @PostMapping("/bonds")
    @Operation(summary = "A bond issued: new or refinancing (the same bond id again: 200; other details: 409; 422 DEBT_ABOVE_LIMIT)")
    public ResponseEntity<CommandResult> issue(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody BondRequest body) {
        return recorded(districtCode, year, body.toCommand(districtCode, year, IfMatch.version(ifMatch)));
    }

    @PostMapping("/principal-repayments")
    @Operation(summary = "还本 (422 PRINCIPAL_ABOVE_BALANCE)")
    public ResponseEntity<CommandResult> repay(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PrincipalRequest body) {
        return recorded(districtCode, year, body.toCommand(districtCode, year, IfMatch.version(ifMatch)));
    }

    @PostMapping("/interest-payments")
    @Operation(summary = "付息 (does not change the balance)")
    public ResponseEntity<CommandResult> interest(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody InterestRequest body) {
        return recorded(districtCode, year, body.toCommand(districtCode, year, IfMatch.version(ifMatch)));
    }

    @GetMapping
    @Operation(summary = "Per type and total: opening, limit, new bonds, refinancing, principal, interest, balance; the bonds")
    public DebtState get(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year) {
        return state(districtCode, year);
    }

    private ResponseEntity<CommandResult> recorded(String districtCode, int year, Object command) {
        return recorded(districtCode, command, () -> state(districtCode, year), (state, recorded) -> state.version(),
                CommandResult::new);
    }

    private DebtState state(String districtCode, int year) {
        DebtView.Year y = view.year(districtCode, year);
        List<TypeLine> types = new ArrayList<>();
        long[] t = new long[6];
        Long limit = null;
        boolean everyLimit = true;
        for (Map.Entry<DebtType, DebtFigures> e : y.byType().entrySet()) {
            DebtFigures f = e.getValue();
            types.add(TypeLine.of(e.getKey().name(), e.getKey().label(), f));
            t[0] += f.openingFen();
            t[1] += f.newBondsFen();
            t[2] += f.refinancingFen();
            t[3] += f.principalFen();
            t[4] += f.interestFen();
            if (f.limitFen() == null) {
                everyLimit = false;
            } else {
                limit = (limit == null ? 0 : limit) + f.limitFen();
            }
        }
        DebtFigures sum = new DebtFigures(t[0], everyLimit ? limit : null, t[1], t[2], t[3], t[4]);
        List<BondLine> bonds = y.bonds().stream().map(b -> new BondLine(b.bondId(), b.type().name(), b.kind().name(),
                Money.yuan(b.amountFen()), b.termYears().isEmpty() ? List.of()
                : java.util.Arrays.stream(b.termYears().split(",")).map(Integer::valueOf).toList(), b.purpose(),
                b.projectId(), b.date())).toList();
        return new DebtState(districtCode, year, types, TypeLine.of("TOTAL", "合计", sum), bonds, y.version());
    }
}
