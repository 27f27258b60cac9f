package io.jixiao.budget.threepublic;

import io.jixiao.budget.common.Ids;
import io.jixiao.budget.threepublic.ThreePublicCommands.BudgetThreePublic;
import io.jixiao.budget.threepublic.ThreePublicCommands.RecordThreePublicSpending;
import io.jixiao.events.Money;
import io.jixiao.events.budget.ThreePublicCategory;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of the 三公经费 API: category by its Chinese term (因公出国(境) …) or code (OVERSEAS_TRAVEL …). */
public final class ThreePublicRequests {
    private ThreePublicRequests() {
    }

    /** A unit's budget for one category (0 is a budget; a later one replaces it). */
    public record ThreePublicBudgetRequest(
            @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String unitId,
            @NotNull ThreePublicCategory category,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount) {

        public BudgetThreePublic toCommand(String districtCode, int year, Long expectedVersion) {
            return new BudgetThreePublic(ThreePublicCommands.key(districtCode, unitId, year), districtCode, unitId, year,
                    category, Money.yuanToFen(amount), expectedVersion);
        }
    }

    /** Spending of a unit in one category (adds up; 0 records a reported zero). */
    public record ThreePublicSpendingRequest(
            @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String unitId,
            @NotNull ThreePublicCategory category,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            LocalDate date) {

        public RecordThreePublicSpending toCommand(String districtCode, int year, Long expectedVersion) {
            return new RecordThreePublicSpending(ThreePublicCommands.key(districtCode, unitId, year), districtCode,
                    unitId, year, category, Money.yuanToFen(amount), date, expectedVersion);
        }
    }
}
