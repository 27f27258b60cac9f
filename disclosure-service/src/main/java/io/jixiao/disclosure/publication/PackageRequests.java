package io.jixiao.disclosure.publication;

import io.jixiao.disclosure.events.DisclosureKind;
import io.swagger.v3.oas.annotations.media.Schema;
import io.jixiao.support.personal.Contacts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Request bodies of the package endpoints. */
public final class PackageRequests {
    static final String ID = io.jixiao.events.ClientId.PATTERN;

    private PackageRequests() {
    }

    /**
     * A package to publish.
     *
     * @param tables       table name → the project ids or goal ids it lists (an empty list for an empty table)
     * @param explanations table name → the written explanation (required for an empty table)
     * @param figures      figures the package states that the records can confirm (编制数, 实有人数)
     * @param contacts     the package's 填报人, 联系人 and 联系电话: sealed under the person's data key before the command
     *                     is sent, never stored as text (加密删除)
     */
    public record Publish(
            @Schema(example = "pkg-wjj-goals-2023") @NotNull @Pattern(regexp = ID, message = "must match " + ID)
            String packageId,
            @Schema(example = "GOALS") @NotNull DisclosureKind kind,
            @Schema(example = "2023-02-05") @NotNull LocalDate publishedOn,
            @Schema(example = "{\"项目支出绩效目标表\": [\"wjj-jbgw\"], \"部门整体支出绩效目标表\": [\"g-wjj-overall\"]}")
            @NotEmpty Map<@NotBlank @Size(max = 100) String,
                    @NotNull @Size(max = 5000) List<@NotNull @Pattern(regexp = ID, message = "must match " + ID) String>>
                    tables,
            @Schema(example = "{\"部门整体支出绩效目标表\": \"本单位无项目支出\"}")
            Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 4000) String> explanations,
            @Schema(example = "{\"编制数\": \"36\"}")
            Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 100) String> figures,
            @Valid Contacts.Request contacts) {
    }

    /** Why a package is withdrawn, and on which day (default: today in Asia/Shanghai). */
    public record Retract(@NotBlank @Size(max = 2000) String reason, LocalDate retractedOn) {
    }
}
