package io.jixiao.budget.common;

/** Shapes of ids and texts every budget endpoint shares (docs/design.md, conventions). */
public final class Ids {
    /** Client-chosen ids: unique within a district. */
    public static final String ID = io.jixiao.events.ClientId.PATTERN;
    /** 6-digit administrative division code. */
    /** Free text: anything but control characters. */
    public static final String TEXT = io.jixiao.events.FreeText.SINGLE_LINE;
    public static final String ID_MESSAGE = io.jixiao.events.ClientId.MESSAGE;
    public static final String TEXT_MESSAGE = io.jixiao.events.FreeText.SINGLE_LINE_MESSAGE;

    /*
     * Aggregate identifiers (also the Kafka record key of every event): the aggregate's type first, then the
     * district, then the aggregate's own parts, so no two types can share one (a project with the id
     * "settings" once shared "430203:settings" with the district's settings). Ids never hold ':' (see ID).
     * Stored events of the old form (district first) are rewritten by V17__type_prefixed_aggregate_keys.sql.
     */
    public static final String PROJECT = "project";
    public static final String SETTINGS = "settings";
    public static final String UNIT = "unit";
    public static final String UNIT_YEAR = "unit-year";
    public static final String THREE_PUBLIC = "three-public";
    public static final String TRANSFERS = "transfers";
    public static final String DEBT = "debt";

    private Ids() {
    }

    /** The identifier of an aggregate of {@code type} in a district: {@code project:430203:P1}. */
    public static String aggregateKey(String type, String districtCode, Object... parts) {
        StringBuilder key = new StringBuilder(type).append(':').append(districtCode);
        for (Object part : parts) {
            key.append(':').append(part);
        }
        return key.toString();
    }
}
