package io.jixiao.events.budget;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 资金来源 of an appropriation. */
public enum FundSource implements Labelled {
    @Label("一般公共预算") GENERAL_PUBLIC_BUDGET,
    @Label("政府性基金") GOVERNMENT_FUND,
    @Label("国有资本经营") STATE_CAPITAL,
    @Label("专户") SPECIAL_ACCOUNT,
    @Label("上级转移支付") HIGHER_LEVEL_TRANSFER,
    @Label("其他") OTHER
}
