package io.jixiao.budget.common;

import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.web.IfMatch;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a recorded command, the same for every feature: 201 (200 when it replayed a request already
 * applied), {@code Idempotent-Replayed}, the ETag of the version after it, and the feature's result body.
 */
public final class CommandAnswer {
    private CommandAnswer() {
    }

    /** A feature's result body: the recorded sequence, whether it was a replay, and the state after it. */
    @FunctionalInterface
    public interface Result<S, B> {
        B of(long sequence, boolean replayed, S state);
    }

    /** @param version the state's version for the ETag; null for a state without one (no ETag) */
    public static <S, B> ResponseEntity<B> of(Recorded recorded, S state, Long version, Result<S, B> result) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(recorded.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(recorded.replayed()));
        if (version != null) {
            answer.eTag(IfMatch.etag(version));
        }
        return answer.body(result.of(recorded.sequence(), recorded.replayed(), state));
    }

    /**
     * Sends {@code command} for {@code districtCode}, then reads {@code state} and answers with it.
     *
     * @param version the state's version for the ETag (it may use what was recorded); null for no ETag
     */
    public static <S, B> ResponseEntity<B> send(CommandSender commands, String districtCode, Object command,
                                                Supplier<S> state, BiFunction<S, Recorded, Long> version,
                                                Result<S, B> result) {
        Recorded recorded = commands.send(command, districtCode);
        S after = state.get();
        return of(recorded, after, version.apply(after, recorded), result);
    }
}
