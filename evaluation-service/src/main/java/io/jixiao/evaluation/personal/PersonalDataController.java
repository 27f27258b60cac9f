package io.jixiao.evaluation.personal;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.RecordId;
import io.jixiao.evaluation.access.Act;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.web.District;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 加密删除: FINANCE erases a person's data in its district (the data key is destroyed; the events stay). */
@RestController
@RequestMapping("/api/evaluation/districts/{districtCode}/personal-data/{personId}")
public class PersonalDataController {
    private final CommandSender commands;
    private final ErasureView erasures;

    public PersonalDataController(CommandSender commands, ErasureView erasures) {
        this.commands = commands;
        this.erasures = erasures;
    }

    @Schema(description = "Why the person's data is erased (the reason is recorded and published: name no person in it)")
    public record ErasureRequest(@NotBlank @Size(max = 1000) @Pattern(regexp = Keys.TEXT, message = Keys.TEXT_MESSAGE)
                                 String reason) {
    }

    public record ErasureState(String districtCode, String personId, String reason, Instant erasedAt) {
    }

    @PostMapping("/erasure")
    @Operation(summary = "加密删除: erase a person's data (201); erased before: 200 with the first erasure, nothing recorded")
    public ResponseEntity<ErasureState> erase(
            @PathVariable @District String districtCode,
            @PathVariable @RecordId String personId,
            @Valid @RequestBody ErasureRequest body) {
        Act.ERASE_PERSONAL_DATA.require(districtCode);
        boolean recorded = commands.send(new ErasePersonalData(Keys.person(districtCode, personId), districtCode,
                personId, body.reason()), districtCode);
        ErasureView.Erasure erasure = erasures.find(districtCode, personId).orElseThrow();
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Idempotent-Replayed", String.valueOf(!recorded))
                .body(new ErasureState(erasure.districtCode(), erasure.personId(), erasure.reason(),
                        erasure.erasedAt()));
    }
}
