package io.jixiao.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The bureaus' calendar: a business date ("today", the end of a month) is a date in China Standard Time. */
public final class BureauTime {
    /** Asia/Shanghai: the one time zone every business date in Jixiao is reckoned in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The first instant after {@code day} ends in the bureau's calendar: when a deadline of that day has passed. */
    public static Instant after(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
