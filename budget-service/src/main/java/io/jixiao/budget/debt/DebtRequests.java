package io.jixiao.budget.debt;

import io.jixiao.budget.common.Ids;
import io.jixiao.budget.debt.DebtCommands.IssueBond;
import io.jixiao.budget.debt.DebtCommands.OpenDebtBalance;
import io.jixiao.budget.debt.DebtCommands.PayInterest;
import io.jixiao.budget.debt.DebtCommands.RepayPrincipal;
import io.jixiao.budget.debt.DebtCommands.SetDebtLimit;
import io.jixiao.events.Money;
import io.jixiao.events.budget.BondKind;
import io.jixiao.events.budget.DebtType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the debt API: type GENERAL (一般债务) / SPECIAL (专项债务); kind NEW / REFINANCING. */
public final class DebtRequests {
    private DebtRequests() {
    }

    /** The balance of a type at the start of the year (replaces an earlier one). */
    public record OpeningBalanceRequest(
            @NotNull DebtType type,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount) {

        public OpenDebtBalance toCommand(String districtCode, int year, Long expectedVersion) {
            return new OpenDebtBalance(DebtCommands.key(districtCode, year), districtCode, year, type,
                    Money.yuanToFen(amount), expectedVersion);
        }
    }

    /** 债务限额 of a type (replaces an earlier one). */
    public record LimitRequest(
            @NotNull DebtType type,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount) {

        public SetDebtLimit toCommand(String districtCode, int year, Long expectedVersion) {
            return new SetDebtLimit(DebtCommands.key(districtCode, year), districtCode, year, type,
                    Money.yuanToFen(amount), expectedVersion);
        }
    }

    public record BondRequest(
            @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String bondId,
            @NotNull DebtType type,
            @NotNull BondKind kind,
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Size(max = 10) List<@NotNull @Min(1) @Max(50) Integer> termYears,
            @Size(max = 500) @Pattern(regexp = Ids.TEXT, message = Ids.TEXT_MESSAGE) String purpose,
            @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String projectId,
            LocalDate date) {

        public IssueBond toCommand(String districtCode, int year, Long expectedVersion) {
            return new IssueBond(DebtCommands.key(districtCode, year), districtCode, year, bondId, type, kind,
                    Money.yuanToFen(amount), termYears == null ? List.of() : termYears, purpose, projectId, date,
                    expectedVersion);
        }
    }

    public record PrincipalRequest(
            @NotNull DebtType type,
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String bondId,
            LocalDate date) {

        public RepayPrincipal toCommand(String districtCode, int year, Long expectedVersion) {
            return new RepayPrincipal(DebtCommands.key(districtCode, year), districtCode, year, type,
                    Money.yuanToFen(amount), bondId, date, expectedVersion);
        }
    }

    public record InterestRequest(
            @NotNull DebtType type,
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            LocalDate date) {

        public PayInterest toCommand(String districtCode, int year, Long expectedVersion) {
            return new PayInterest(DebtCommands.key(districtCode, year), districtCode, year, type,
                    Money.yuanToFen(amount), date, expectedVersion);
        }
    }
}
