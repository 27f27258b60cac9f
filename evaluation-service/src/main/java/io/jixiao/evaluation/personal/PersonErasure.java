package io.jixiao.evaluation.personal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.Keys;
import io.jixiao.events.evaluation.PersonalDataErased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * 加密删除 of one person of a district ({@code person:<district>:<personId>}): erased once; a repeated erasure records
 * nothing and answers the first. What destroys the data key is {@link ErasureView}, on the event.
 */
@Aggregate
public class PersonErasure {
    @AggregateIdentifier
    private String personKey;
    private boolean erased;

    protected PersonErasure() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ErasePersonalData command) {
        if (erased) {
            return false;
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw InvalidInput.of("ERASURE_NEEDS_REASON", "reason", "an erasure states its reason");
        }
        apply(new PersonalDataErased(command.districtCode(), command.personId(), command.reason().trim()));
        return true;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        personKey = Keys.person(event.districtCode(), event.personId());
        erased = true;
    }
}
