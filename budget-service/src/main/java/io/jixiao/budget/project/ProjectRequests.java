package io.jixiao.budget.project;

import io.jixiao.budget.common.Ids;
import io.jixiao.budget.project.ProjectCommands.AdjustBudget;
import io.jixiao.budget.project.ProjectCommands.AppropriateBudget;
import io.jixiao.budget.project.ProjectCommands.CarryOverFunds;
import io.jixiao.budget.project.ProjectCommands.RecordExpenditure;
import io.jixiao.budget.project.ProjectCommands.RegisterProject;
import io.jixiao.budget.project.ProjectCommands.ReverseEntry;
import io.jixiao.events.Money;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.support.web.FiscalYear;
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

/**
 * Request bodies of the project API. Amounts are yuan with at most two decimals (number or string).
 * Each turns itself into its command, so the HTTP endpoints and the bulk import build the same commands.
 */
public final class ProjectRequests {
    static final String ID = Ids.ID;
    static final String TEXT = Ids.TEXT;

    private ProjectRequests() {
    }

    /** @param previousProjectId optional: the earlier fiscal year's project this one continues (result application) */
    public record RegisterProjectRequest(
            @NotBlank @Pattern(regexp = ID, message = "must match " + ID) String unitId,
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = "must not contain control characters") String name,
            @NotNull ProjectCategory category,
            @NotNull @FiscalYear Integer fiscalYear,
            @Min(1) @Max(100_000) Integer projectCount,
            @Pattern(regexp = ID, message = "must match " + ID) String previousProjectId) {

        public RegisterProject toCommand(String districtCode, String projectId) {
            return new RegisterProject(ProjectCommands.projectKey(districtCode, projectId), districtCode, projectId,
                    unitId, name, category, fiscalYear, projectCount == null ? 1 : projectCount, previousProjectId);
        }
    }

    public record AppropriationRequest(
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull FundSource source,
            @Size(max = 100) @Pattern(regexp = TEXT, message = "must not contain control characters") String docNo,
            LocalDate date) {

        public AppropriateBudget toCommand(String districtCode, String projectId, Long expectedVersion) {
            return new AppropriateBudget(ProjectCommands.projectKey(districtCode, projectId), Money.yuanToFen(amount),
                    source, docNo, date, expectedVersion);
        }
    }

    public record AdjustmentRequest(
            @NotNull @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull AdjustmentBasis basis,
            @NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = "must not contain control characters") String reason,
            @Size(max = 100) @Pattern(regexp = TEXT, message = "must not contain control characters") String docNo,
            LocalDate date) {

        public AdjustBudget toCommand(String districtCode, String projectId, Long expectedVersion) {
            return new AdjustBudget(ProjectCommands.projectKey(districtCode, projectId), Money.yuanToFen(amount), basis,
                    reason, docNo, date, null, expectedVersion);
        }
    }

    public record CarryOverRequest(
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @FiscalYear Integer fromYear,
            LocalDate date) {

        public CarryOverFunds toCommand(String districtCode, String projectId, Long expectedVersion) {
            return new CarryOverFunds(ProjectCommands.projectKey(districtCode, projectId), Money.yuanToFen(amount),
                    fromYear, date, expectedVersion);
        }
    }

    public record ExpenditureRequest(
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            LocalDate date) {

        public RecordExpenditure toCommand(String districtCode, String projectId, Long expectedVersion) {
            return new RecordExpenditure(ProjectCommands.projectKey(districtCode, projectId), Money.yuanToFen(amount),
                    date, expectedVersion);
        }
    }

    /** 红字冲销: the entry to reverse, by its sequence number in the project's history, and why. */
    public record ReversalRequest(
            @NotNull @Min(1) Long originalSequence,
            @NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = "must not contain control characters") String reason,
            LocalDate date) {

        public ReverseEntry toCommand(String districtCode, String projectId, Long expectedVersion) {
            return new ReverseEntry(ProjectCommands.projectKey(districtCode, projectId), originalSequence, reason, date,
                    expectedVersion);
        }
    }
}
