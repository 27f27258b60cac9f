package io.jixiao.budget.evaluation;

import io.jixiao.budget.common.Recorded;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a command caused by an event of {@code evaluation.events} (an evaluation result, a monitoring decision) as a
 * system actor, with the cause as causation id, in its own transaction (REQUIRES_NEW): a refused command must not
 * mark the projection's transaction rollback-only, and if the process dies after the command committed but before
 * the projection's offset did, the redelivered event finds its cause already applied by the aggregate. A refusal
 * by a rule, a missing aggregate or a concurrent write is an answer ({@link Outcome#refusal()}), kept pending by the
 * caller; anything else (infrastructure) is thrown for the projection runner to retry or park.
 */
@Component
class CausedCommands {
    private final CommandSender commands;
    private final TransactionTemplate ownTransaction;

    CausedCommands(CommandSender commands, PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What became of one command: recorded (or already recorded), or refused with why. */
    record Outcome(Recorded recorded, String refusal) {
    }

    Outcome send(Object command, String districtCode, String causeEventId, String systemName, String correlationId,
                 String projectId) {
        Recorded[] result = new Recorded[1];
        try {
            CallerContext.system(systemName, correlationId).run(() -> result[0] = ownTransaction.execute(status ->
                    commands.send(command, districtCode, causeEventId)));
        } catch (RuntimeException failure) {
            Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof RuleViolation r) {
                return new Outcome(null, r.rule() + ": " + r.getMessage() + " (project " + projectId + ")");
            }
            if (cause instanceof NotFound || cause instanceof AggregateNotFoundException
                    || cause instanceof ConcurrencyException || cause instanceof Conflict) {
                return new Outcome(null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            throw failure;
        }
        return new Outcome(result[0], null);
    }
}
