package io.jixiao.disclosure.web;

import io.jixiao.support.web.AsOf;
import java.time.Instant;
import java.util.regex.Pattern;

/** Checks of the path and query parameters every disclosure endpoint shares; each failure names its parameter. */
public final class Params {
    private static final Pattern DISTRICT = Pattern.compile(io.jixiao.events.DistrictCode.PATTERN);
    private static final Pattern ID = Pattern.compile(io.jixiao.events.ClientId.PATTERN);

    private Params() {
    }

    public static String district(String code) {
        if (code == null || !DISTRICT.matcher(code).matches()) {
            throw new BadParameter("districtCode", "must be a 6-digit district code");
        }
        return code;
    }

    public static int year(int year) {
        if (year < 2000 || year > 2100) {
            throw new BadParameter("year", "must be a year between 2000 and 2100");
        }
        return year;
    }

    public static String id(String field, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new BadParameter(field, io.jixiao.events.ClientId.MESSAGE);
        }
        return id;
    }

    public static Instant asOf(String text) {
        try {
            return AsOf.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("asOf", "is neither a date (2023-08-31) nor an instant (2023-08-31T10:00:00Z)");
        }
    }
}
