package io.jixiao.budget.common;

import io.jixiao.support.axon.CommandSender;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * A budget controller that records commands: it sends a command for a district and answers with the feature's state
 * read after it, the same way for every feature ({@link CommandAnswer}: 201, or 200 on a replay, with
 * {@code Idempotent-Replayed} and the ETag of the version after it).
 */
public abstract class RecordingController {
    protected final CommandSender commands;

    protected RecordingController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@link CommandAnswer#send} with this controller's command sender. */
    protected <S, B> ResponseEntity<B> recorded(String districtCode, Object command, Supplier<S> state,
                                                BiFunction<S, Recorded, Long> version, CommandAnswer.Result<S, B> result) {
        return CommandAnswer.send(commands, districtCode, command, state, version, result);
    }
}
