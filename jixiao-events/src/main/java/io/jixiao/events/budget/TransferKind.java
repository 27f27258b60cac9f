package io.jixiao.events.budget;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 税收返还和转移支付: the kind of money received from the higher level. */
public enum TransferKind implements Labelled {
    @Label("返还性") TAX_REBATE,
    @Label("一般性") GENERAL,
    @Label("专项") EARMARKED
}
