package io.jixiao.evaluation;

import io.jixiao.support.domain.RuleViolation;
import io.jixiao.support.web.Problems.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A command broke one or more rules, each at its own field path ({@code indicators[3].weight},
 * {@code actuals[2].score}). Answered 422 with every problem listed; as a {@link RuleViolation} it names
 * the first field even where only the shared error mapping sees it.
 */
public class InvalidInput extends RuleViolation {
    private final List<FieldProblem> problems;

    public InvalidInput(String rule, List<FieldProblem> problems) {
        super(rule, problems.get(0).field(), problems.stream().map(p -> p.field() + ": " + p.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String rule, String field, String message) {
        return new InvalidInput(rule, List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Collects problems and throws them together. */
    public static final class Collector {
        private final String rule;
        private final java.util.ArrayList<FieldProblem> problems = new java.util.ArrayList<>();

        public Collector(String rule) {
            this.rule = rule;
        }

        public void add(String field, String message) {
            problems.add(new FieldProblem(field, message));
        }

        public boolean isEmpty() {
            return problems.isEmpty();
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInput(rule, problems);
            }
        }
    }
}
