package io.jixiao.budget.transfer;

import io.jixiao.budget.common.Ids;
import io.jixiao.events.budget.TransferKind;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Commands of the {@link DistrictTransfers} aggregate. */
public final class TransferCommands {
    private TransferCommands() {
    }

    public record ReceiveTransfer(@TargetAggregateIdentifier String key, String districtCode, int fiscalYear,
                                  TransferKind kind, long amountFen, String docNo, LocalDate date,
                                  @TargetAggregateVersion Long expectedVersion) {
    }

    public static String key(String districtCode, int fiscalYear) {
        return Ids.aggregateKey(Ids.TRANSFERS, districtCode, fiscalYear);
    }
}
