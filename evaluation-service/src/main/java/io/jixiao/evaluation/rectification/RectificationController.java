package io.jixiao.evaluation.rectification;

import io.jixiao.evaluation.Answers;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.RecordId;
import io.jixiao.evaluation.access.Act;
import io.jixiao.evaluation.rectification.RectificationApi.CompletionRequest;
import io.jixiao.evaluation.rectification.RectificationApi.ItemState;
import io.jixiao.evaluation.rectification.RectificationApi.OpenRequest;
import io.jixiao.evaluation.rectification.RectificationApi.ProgressRequest;
import io.jixiao.evaluation.rectification.RectificationApi.ReturnRequest;
import io.jixiao.evaluation.rectification.RectificationApi.SignOffRequest;
import io.jixiao.evaluation.rectification.RectificationCommands.OpenRectification;
import io.jixiao.evaluation.rectification.RectificationCommands.RecordProgress;
import io.jixiao.evaluation.rectification.RectificationCommands.RectificationResult;
import io.jixiao.evaluation.rectification.RectificationCommands.ReportDone;
import io.jixiao.evaluation.rectification.RectificationCommands.ReturnRectification;
import io.jixiao.evaluation.rectification.RectificationCommands.SignOff;
import io.jixiao.evaluation.rectification.RectificationView.ItemRecord;
import io.jixiao.events.BureauTime;
import io.jixiao.events.Labelled;
import io.jixiao.events.evaluation.RectificationStatus;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.web.District;
import io.jixiao.support.web.Paging;
import io.jixiao.support.web.Paging.Page;
import io.jixiao.support.web.Paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 整改: FINANCE opens an item for a key evaluation's finding, a monitoring deviation or a disclosure finding; the owner
 * unit records progress and reports it done; FINANCE signs it off (销号) or returns it. Every write answers 201 when it
 * recorded an event, 200 for a repeat (same body, or the same {@code Idempotency-Key}); refusals are problem+json
 * naming the rule and record nothing.
 */
@RestController
@RequestMapping("/api/evaluation/districts/{districtCode}/rectifications")
public class RectificationController {
    private final CommandSender commands;
    private final RectificationView view;
    private final RectificationHistory history;
    private final RectificationSources sources;
    private final Clock clock;

    public RectificationController(CommandSender commands, RectificationView view, RectificationHistory history,
                                   RectificationSources sources, Clock clock) {
        this.commands = commands;
        this.view = view;
        this.history = history;
        this.sources = sources;
        this.clock = clock;
    }

    @PutMapping("/{rectificationId}")
    @Operation(summary = "整改: FINANCE opens an item for a problem (201); the same body again 200, other details 409 "
            + "RECTIFICATION_ID_TAKEN; a source with an item already 409 SOURCE_ALREADY_RECTIFIED; an unknown or "
            + "uncompleted source 422 SOURCE_NOT_FOUND / KEY_EVALUATION_NOT_COMPLETED naming the source's field")
    public ResponseEntity<ItemState> open(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String rectificationId,
            @Valid @RequestBody OpenRequest body) {
        Act.OPEN_RECTIFICATION.require(districtCode);
        RectificationSources.Resolved source = sources.resolve(districtCode, body.source());
        view.forSource(districtCode, source.source()).filter(i -> !i.rectificationId().equals(rectificationId))
                .ifPresent(i -> {
                    throw new Conflict("SOURCE_ALREADY_RECTIFIED", "rectification '" + i.rectificationId()
                            + "' was opened for " + source.source().reference());
                });
        return sent(districtCode, rectificationId, new OpenRectification(Keys.rectification(districtCode,
                rectificationId), districtCode, rectificationId, source.year(), body.ownerUnitId(), source.source(),
                body.measures(), body.deadline(), dated(body.openedOn(), "openedOn")));
    }

    @GetMapping
    @Operation(summary = "The district's items by id, a page at a time (Link rel=\"next\"), narrowed by status "
            + "(OPEN, IN_PROGRESS, OVERDUE, DONE, SIGNED_OFF or 待整改, 整改中, 逾期, 已完成, 已销号), year and unit")
    public ResponseEntity<List<ItemState>> list(
            @PathVariable @District String districtCode,
            @Parameter(description = "OPEN | IN_PROGRESS | OVERDUE | DONE | SIGNED_OFF (or the Chinese term)")
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) @RecordId String unitId,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.AFTER_DOC + " (a rectification id)") @RequestParam(required = false)
            String after) {
        PageRequest page = Paging.request(limit, after);
        Page<ItemState> shown = Paging.slice(view.ofDistrict(districtCode, new RectificationView.Filter(status(status),
                year, unitId)).stream().map(i -> ItemState.of(i, null)).toList(), page, ItemState::rectificationId);
        return ResponseEntity.ok().headers(Paging.headers(shown, page)).body(shown.items());
    }

    @GetMapping("/{rectificationId}")
    @Operation(summary = "One item with its history: every act with its actor, correlation, causation and cause")
    public ResponseEntity<ItemState> get(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String rectificationId) {
        return state(districtCode, rectificationId, HttpStatus.OK, null);
    }

    @PostMapping("/{rectificationId}/progress")
    @Operation(summary = "整改进展: the owner unit (role UNIT of that unit) records progress with evidence (201); 409 "
            + "RECTIFICATION_FINISHED once it is done or signed off")
    public ResponseEntity<ItemState> progress(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String rectificationId,
            @Valid @RequestBody ProgressRequest body) {
        Act.RECTIFY.require(districtCode, find(districtCode, rectificationId).ownerUnitId());
        return sent(districtCode, rectificationId, new RecordProgress(Keys.rectification(districtCode,
                rectificationId), body.progress(), body.evidence(), dated(body.recordedOn(), "recordedOn")));
    }

    @PostMapping("/{rectificationId}/completion")
    @Operation(summary = "整改完成: the owner unit reports the item done with evidence (201); after the deadline it is "
            + "recorded late (late: true) and an overdue item keeps its overdue event; 422 DONE_AFTER_OVERDUE for a "
            + "done date on or before the deadline of an item recorded overdue")
    public ResponseEntity<ItemState> completion(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String rectificationId,
            @Valid @RequestBody CompletionRequest body) {
        Act.RECTIFY.require(districtCode, find(districtCode, rectificationId).ownerUnitId());
        return sent(districtCode, rectificationId, new ReportDone(Keys.rectification(districtCode, rectificationId),
                body.summary(), body.evidence(), dated(body.doneOn(), "doneOn")));
    }

    @PostMapping("/{rectificationId}/sign-off")
    @Operation(summary = "销号: FINANCE accepts a rectification its unit reported done (201); 422 "
            + "RECTIFICATION_NOT_DONE otherwise")
    public ResponseEntity<ItemState> signOff(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String rectificationId,
            @Valid @RequestBody(required = false) SignOffRequest body) {
        Act.SIGN_OFF_RECTIFICATION.require(districtCode);
        find(districtCode, rectificationId);
        return sent(districtCode, rectificationId, new SignOff(Keys.rectification(districtCode, rectificationId),
                body == null ? null : body.note(), dated(body == null ? null : body.signedOn(), "signedOn")));
    }

    @PostMapping("/{rectificationId}/return")
    @Operation(summary = "退回: FINANCE returns a rectification its unit reported done, with a reason (201); it is "
            + "rectified again (整改中, or 逾期 when it was overdue). 422 RECTIFICATION_NOT_DONE otherwise")
    public ResponseEntity<ItemState> giveBack(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String rectificationId,
            @Valid @RequestBody ReturnRequest body) {
        Act.SIGN_OFF_RECTIFICATION.require(districtCode);
        find(districtCode, rectificationId);
        return sent(districtCode, rectificationId, new ReturnRectification(Keys.rectification(districtCode,
                rectificationId), body.reason(), dated(body.returnedOn(), "returnedOn")));
    }

    private static RectificationStatus status(String text) {
        try {
            return text == null || text.isBlank() ? null : Labelled.parse(RectificationStatus.class, text);
        } catch (IllegalArgumentException e) {
            throw new Paging.BadParameter("status", e.getMessage());
        }
    }

    /** The date given, or today in the bureau's calendar; a day after today is refused (422 DATE_IN_FUTURE). */
    private LocalDate dated(LocalDate given, String field) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BureauTime.ZONE);
        if (given != null && given.isAfter(today)) {
            throw InvalidInput.of("DATE_IN_FUTURE", field, given + " is after today (" + today + ", Asia/Shanghai)");
        }
        return given != null ? given : today;
    }

    private ItemRecord find(String districtCode, String rectificationId) {
        return view.find(districtCode, rectificationId).orElseThrow(() -> new NotFound("rectificationId",
                "no rectification '" + rectificationId + "' in district " + districtCode));
    }

    /** Sends the command; 201 when it recorded an event, 200 for a repeat. */
    private ResponseEntity<ItemState> sent(String districtCode, String rectificationId, Object command) {
        RectificationResult result = commands.send(command, districtCode);
        return state(districtCode, rectificationId, result.recorded() ? HttpStatus.CREATED : HttpStatus.OK, result);
    }

    private ResponseEntity<ItemState> state(String districtCode, String rectificationId, HttpStatus status,
                                            RectificationResult result) {
        ItemState state = ItemState.of(find(districtCode, rectificationId), history.of(districtCode, rectificationId));
        return Answers.of(status, state.version(), state, result == null ? null : result.outcome(),
                result != null && result.recorded());
    }
}
