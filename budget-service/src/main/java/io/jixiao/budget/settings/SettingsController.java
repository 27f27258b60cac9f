package io.jixiao.budget.settings;

import io.jixiao.support.web.District;
import io.jixiao.support.context.Who;

import io.jixiao.budget.common.Ids;
import io.jixiao.budget.settings.DistrictSettings.ChangeDistrictSettings;
import io.jixiao.budget.settings.DistrictSettingsView.Settings;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A district's budget rule settings (today: goalBeforeBudget, default on). */
@RestController
@Tag(name = "settings", description = "district budget rule settings")
@RequestMapping("/api/budget/districts/{districtCode}/settings")
public class SettingsController {
    private final CommandSender commands;
    private final DistrictSettingsView view;

    public SettingsController(CommandSender commands, DistrictSettingsView view) {
        this.commands = commands;
        this.view = view;
    }

    /** @param goalBeforeBudget an appropriation needs an approved performance goal first */
    public record SettingsRequest(@NotNull Boolean goalBeforeBudget) {
    }

    /** @param version null while the district uses the defaults */
    public record SettingsState(String districtCode, boolean goalBeforeBudget, boolean defaults, Long version) {
        static SettingsState of(Settings s) {
            return new SettingsState(s.districtCode(), s.goalBeforeBudget(), s.version() == null, s.version());
        }
    }

    @PutMapping
    @Operation(summary = "Set the district's settings (200; recorded as an event when something changed)")
    public ResponseEntity<SettingsState> put(
            @PathVariable @District String districtCode,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SettingsRequest body) {
        // the goal-before-budget control is the bureau's: a platform (INTEGRATION) may not switch it off
        Who.FINANCE.require("change the district's budget settings", districtCode, null);
        boolean changed = commands.send(new ChangeDistrictSettings(DistrictSettings.key(districtCode), districtCode,
                body.goalBeforeBudget(), IfMatch.version(ifMatch)), districtCode);
        SettingsState state = SettingsState.of(view.of(districtCode));
        return ResponseEntity.status(HttpStatus.OK).eTag(IfMatch.etag(state.version()))
                .header("Settings-Changed", String.valueOf(changed)).body(state);
    }

    @GetMapping
    @Operation(summary = "The district's settings (the defaults when it never set any)")
    public ResponseEntity<SettingsState> get(
            @PathVariable @District String districtCode) {
        SettingsState state = SettingsState.of(view.of(districtCode));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (state.version() != null) {
            ok.eTag(IfMatch.etag(state.version()));
        }
        return ok.body(state);
    }
}
