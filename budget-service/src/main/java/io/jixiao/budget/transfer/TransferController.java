package io.jixiao.budget.transfer;

import io.jixiao.support.web.District;
import io.jixiao.budget.common.Ids;
import io.jixiao.budget.common.RecordingController;
import io.jixiao.budget.transfer.TransferCommands.ReceiveTransfer;
import io.jixiao.events.Money;
import io.jixiao.events.budget.TransferKind;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.jixiao.support.web.FiscalYear;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
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

/** 税收返还和转移支付 received by a district in a year. */
@RestController
@Tag(name = "transfers", description = "税收返还/转移支付 per district-year")
@RequestMapping("/api/budget/districts/{districtCode}/years/{year}/transfers")
public class TransferController extends RecordingController {
    private final TransferView view;

    public TransferController(CommandSender commands, TransferView view) {
        super(commands);
        this.view = view;
    }

    /** @param kind 返还性, 一般性 or 专项 (or TAX_REBATE, GENERAL, EARMARKED) */
    public record TransferRequest(
            @NotNull TransferKind kind,
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Size(max = 100) @Pattern(regexp = Ids.TEXT, message = Ids.TEXT_MESSAGE) String docNo,
            LocalDate date) {

        public ReceiveTransfer toCommand(String districtCode, int year, Long expectedVersion) {
            return new ReceiveTransfer(TransferCommands.key(districtCode, year), districtCode, year, kind,
                    Money.yuanToFen(amount), docNo, date, expectedVersion);
        }
    }

    public record KindLine(String kind, String amount, long transfers) {
    }

    public record TransferState(String districtCode, int fiscalYear, List<KindLine> kinds, String total, long version) {
    }

    public record CommandResult(long sequence, boolean replayed, TransferState state) {
    }

    @PostMapping
    @Operation(summary = "A transfer received (kind, amount, docNo, date)")
    public ResponseEntity<CommandResult> receive(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TransferRequest body) {
        return recorded(districtCode, body.toCommand(districtCode, year, IfMatch.version(ifMatch)),
                () -> state(districtCode, year), (state, recorded) -> state.version(), CommandResult::new);
    }

    @GetMapping
    @Operation(summary = "Per kind and the total")
    public TransferState get(
            @PathVariable @District String districtCode,
            @PathVariable @FiscalYear int year) {
        return state(districtCode, year);
    }

    private TransferState state(String districtCode, int year) {
        TransferView.Totals totals = view.totals(districtCode, year);
        List<KindLine> kinds = new ArrayList<>();
        long total = 0;
        for (Map.Entry<TransferKind, long[]> e : totals.byKind().entrySet()) {
            kinds.add(new KindLine(e.getKey().label(), Money.yuan(e.getValue()[0]), e.getValue()[1]));
            total += e.getValue()[0];
        }
        return new TransferState(districtCode, year, kinds, Money.yuan(total), totals.version());
    }
}
