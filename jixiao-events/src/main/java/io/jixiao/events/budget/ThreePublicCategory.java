package io.jixiao.events.budget;

import io.jixiao.events.Label;
import io.jixiao.events.Labelled;

/** 三公经费 categories. */
public enum ThreePublicCategory implements Labelled {
    @Label("因公出国(境)") OVERSEAS_TRAVEL,
    @Label("公务用车购置") VEHICLE_PURCHASE,
    @Label("公务用车运行维护") VEHICLE_OPERATION,
    @Label("公务接待") OFFICIAL_RECEPTION
}
