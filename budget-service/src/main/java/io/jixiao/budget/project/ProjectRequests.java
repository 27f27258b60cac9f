package io.jixiao.budget.project;

import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
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

/** Request bodies of the project API. Amounts are yuan with at most two decimals (number or string). */
public final class ProjectRequests {
    static final String ID = "[A-Za-z0-9._-]{1,64}";
    static final String TEXT = "[^\\p{Cntrl}]*";

    private ProjectRequests() {
    }

    public record RegisterProjectRequest(
            @NotBlank @Pattern(regexp = ID, message = "must match " + ID) String unitId,
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = "must not contain control characters") String name,
            @NotNull ProjectCategory category,
            @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @Min(1) @Max(100_000) Integer projectCount) {
    }

    public record AppropriationRequest(
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull FundSource source,
            @Size(max = 100) @Pattern(regexp = TEXT, message = "must not contain control characters") String docNo,
            LocalDate date) {
    }

    public record AdjustmentRequest(
            @NotNull @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull AdjustmentBasis basis,
            @NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = "must not contain control characters") String reason,
            @Size(max = 100) @Pattern(regexp = TEXT, message = "must not contain control characters") String docNo,
            LocalDate date) {
    }

    public record CarryOverRequest(
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Min(2000) @Max(2100) Integer fromYear,
            LocalDate date) {
    }

    public record ExpenditureRequest(
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            LocalDate date) {
    }
}
