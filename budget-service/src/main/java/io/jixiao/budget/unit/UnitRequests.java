package io.jixiao.budget.unit;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.budget.common.Ids;
import io.jixiao.budget.unit.UnitCommands.AdjustBasicBudget;
import io.jixiao.budget.unit.UnitCommands.AppropriateBasicBudget;
import io.jixiao.budget.unit.UnitCommands.RecordBasicExpenditure;
import io.jixiao.budget.unit.UnitCommands.RegisterUnit;
import io.jixiao.events.Money;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.BasicExpenditureClass;
import jakarta.validation.Valid;
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

/** Request bodies of the unit API. Amounts are yuan with at most two decimals (number or string). */
public final class UnitRequests {
    private UnitRequests() {
    }

    /** 编制: authorized (核定) and actual (实有) headcount. */
    public record Staffing(@Min(0) @Max(1_000_000) Integer authorized, @Min(0) @Max(1_000_000) Integer actual) {
    }

    /** @param aggregate true for a summary record standing for many units (e.g. 区级行政事业单位（汇总）) */
    public record RegisterUnitRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = Ids.TEXT, message = Ids.TEXT_MESSAGE) String name,
            Boolean aggregate,
            @Valid Staffing staffing) {

        public RegisterUnit toCommand(String districtCode, String unitId) {
            return new RegisterUnit(UnitCommands.unitKey(districtCode, unitId), districtCode, unitId, name,
                    Boolean.TRUE.equals(aggregate), staffing == null ? null : staffing.authorized(),
                    staffing == null ? null : staffing.actual());
        }
    }

    public record BasicBudgetRequest(
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Size(max = 100) @Pattern(regexp = Ids.TEXT, message = Ids.TEXT_MESSAGE) String docNo,
            LocalDate date) {

        public AppropriateBasicBudget toCommand(String districtCode, String unitId, int year, Long expectedVersion) {
            return new AppropriateBasicBudget(UnitCommands.unitYearKey(districtCode, unitId, year), districtCode, unitId,
                    year, Money.yuanToFen(amount), docNo, date, expectedVersion);
        }
    }

    public record BasicAdjustmentRequest(
            @NotNull @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull AdjustmentBasis basis,
            @NotBlank @Size(max = 500) @Pattern(regexp = Ids.TEXT, message = Ids.TEXT_MESSAGE) String reason,
            @Size(max = 100) @Pattern(regexp = Ids.TEXT, message = Ids.TEXT_MESSAGE) String docNo,
            LocalDate date) {

        public AdjustBasicBudget toCommand(String districtCode, String unitId, int year, Long expectedVersion) {
            return new AdjustBasicBudget(UnitCommands.unitYearKey(districtCode, unitId, year), districtCode, unitId,
                    year, Money.yuanToFen(amount), basis, reason, docNo, date, expectedVersion);
        }
    }

    /** @param expenditureClass {@code "class"} on the wire: PERSONNEL (人员经费) or PUBLIC (公用经费) */
    public record BasicExpenditureRequest(
            @JsonProperty("class") @JsonAlias("expenditureClass") @NotNull BasicExpenditureClass expenditureClass,
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            LocalDate date) {

        public RecordBasicExpenditure toCommand(String districtCode, String unitId, int year, Long expectedVersion) {
            return new RecordBasicExpenditure(UnitCommands.unitYearKey(districtCode, unitId, year), districtCode, unitId,
                    year, expenditureClass, Money.yuanToFen(amount), date, expectedVersion);
        }
    }
}
