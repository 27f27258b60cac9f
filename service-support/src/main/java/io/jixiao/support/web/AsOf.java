package io.jixiao.support.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The {@code asOf} query parameter: an ISO instant ({@code 2023-08-31T10:00:00Z}) or a date, which means
 * the end of that day in Asia/Shanghai (the bureau's day). Absent means now.
 */
public final class AsOf {
    public static final ZoneId BUREAU_ZONE = io.jixiao.events.BureauTime.ZONE;

    private AsOf() {
    }

    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return Instant.now();
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(BUREAU_ZONE).toInstant().minusNanos(1);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf: '" + text + "' is neither a date (2023-08-31) nor an instant "
                    + "(2023-08-31T10:00:00Z)");
        }
    }
}
