package io.jixiao.budget.transfer;

import io.jixiao.budget.common.AppliedRequests;
import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.common.Rules;
import io.jixiao.budget.transfer.TransferCommands.ReceiveTransfer;
import io.jixiao.events.budget.TransferReceived;
import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.RequestKey;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * 税收返还和转移支付 a district received in one fiscal year (返还性, 一般性, 专项). Rules: positive amounts,
 * dates in the fiscal year; a retried request records nothing new.
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "budgetSnapshotTrigger")
@SnapshotState
public class DistrictTransfers {
    @AggregateIdentifier
    private String key;
    private AppliedRequests applied = new AppliedRequests();

    protected DistrictTransfers() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(ReceiveTransfer command, RequestKey request) {
        return applied.unlessReplay(request, () -> {
            Rules.requirePositive(command.amountFen(), "amount");
            TransferReceived event = new TransferReceived(command.districtCode(), command.fiscalYear(),
                    command.kind(), command.amountFen(), command.docNo(), Rules.dateOrToday(command.date()));
            Rules.requireDateIn(event.date(), "date", command.fiscalYear(), command.fiscalYear());
            return applied.record(event);
        });
    }

    @EventSourcingHandler
    void on(TransferReceived event, @SequenceNumber long sequence,
            RequestKey request) {
        key = TransferCommands.key(event.districtCode(), event.fiscalYear());
        applied.applied(request, sequence);
    }
}
