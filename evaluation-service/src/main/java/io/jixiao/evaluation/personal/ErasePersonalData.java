package io.jixiao.evaluation.personal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** FINANCE erases a person's data in a district; answers whether it recorded the erasure (false: erased before). */
public record ErasePersonalData(@TargetAggregateIdentifier String personKey, String districtCode, String personId,
                                String reason) {
}
