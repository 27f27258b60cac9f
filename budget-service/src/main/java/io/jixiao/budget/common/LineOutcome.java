package io.jixiao.budget.common;

import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** What became of one line of a multi-line command: recorded (or replayed), or refused with the rule it broke. */
public record LineOutcome(Recorded recorded, RuntimeException refusal) {

    /**
     * Each line in order through {@code record}, inside the aggregate's one unit of work: a line refused by a rule,
     * a conflict or a missing record records nothing and the next line goes on. When {@code nothingRecorded} holds
     * afterwards (a new aggregate none of whose lines was recorded) the unit of work is rolled back with
     * {@link NothingRecorded}, so that no empty aggregate is stored; its outcomes are the answer.
     */
    public static List<LineOutcome> each(List<CommandLine> lines, Function<CommandLine, Recorded> record,
                                         BooleanSupplier nothingRecorded) {
        List<LineOutcome> outcomes = new ArrayList<>(lines.size());
        for (CommandLine line : lines) {
            try {
                outcomes.add(new LineOutcome(record.apply(line), null));
            } catch (RuleViolation | Conflict | NotFound refused) {
                outcomes.add(new LineOutcome(null, refused));
            }
        }
        if (nothingRecorded.getAsBoolean()) {
            throw new NothingRecorded(outcomes);
        }
        return outcomes;
    }

    /** Every line of a command that would have created its aggregate was refused: the outcomes, nothing stored. */
    public static final class NothingRecorded extends RuntimeException {
        private final transient List<LineOutcome> outcomes;

        NothingRecorded(List<LineOutcome> outcomes) {
            super("no line was recorded", null, false, false);
            this.outcomes = List.copyOf(outcomes);
        }

        public List<LineOutcome> outcomes() {
            return outcomes;
        }
    }
}
