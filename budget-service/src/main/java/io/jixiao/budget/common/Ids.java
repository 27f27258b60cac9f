package io.jixiao.budget.common;

/** Shapes of ids and texts every budget endpoint shares (docs/design.md, conventions). */
public final class Ids {
    /** Client-chosen ids: unique within a district. */
    public static final String ID = "[A-Za-z0-9._-]{1,64}";
    /** 6-digit administrative division code. */
    /** Free text: anything but control characters. */
    public static final String TEXT = "[^\\p{Cntrl}]*";
    public static final String ID_MESSAGE = "must match " + ID;
    public static final String TEXT_MESSAGE = "must not contain control characters";

    private Ids() {
    }
}
