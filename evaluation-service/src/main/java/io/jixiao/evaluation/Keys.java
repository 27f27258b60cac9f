package io.jixiao.evaluation;

/**
 * Aggregate ids. Goals and evaluations share one event store, and a client may well use the same id for a
 * goal and its evaluation, so every id starts with its aggregate's type, then the district:
 * {@code goal:430203:czj-2023-overall}, {@code evaluation:430203:czj-2023-overall},
 * {@code rectification:430203:zg-2023-01}. The id is also the Kafka record
 * key of every event. Stored events of the old form (district first) are rewritten by
 * V5__type_prefixed_aggregate_keys.sql.
 */
public final class Keys {
    /** Client-chosen ids ({@link io.jixiao.events.ClientId}). */
    public static final String ID = io.jixiao.events.ClientId.PATTERN;
    /** Observation ids may be derived from the goal id, the checkpoint and the tier, so they may be longer. */
    public static final String LONG_ID = "[A-Za-z0-9._-]{1,120}";
    /**
     * Single-line free text (names, indicator cells, short reasons and notes): anything but control characters —
     * no NUL, tab or line break — the rule budget-service applies to its texts ({@code Ids.TEXT}). Request bodies
     * already refuse NUL and the other control characters but tab and line breaks (service-support's RequestJson);
     * these patterns refuse the rest where the field cannot hold it.
     */
    public static final String TEXT = io.jixiao.events.FreeText.SINGLE_LINE;
    public static final String TEXT_MESSAGE = io.jixiao.events.FreeText.SINGLE_LINE_MESSAGE;
    /**
     * Multi-line free text (long explanations: deviation analyses, findings, conclusions, corrective actions): as
     * {@link #TEXT}, but line feeds ({@code \n}) separate its lines; tab, carriage return and the rest are refused.
     */
    public static final String MULTILINE_TEXT = io.jixiao.events.FreeText.MULTI_LINE;
    public static final String MULTILINE_TEXT_MESSAGE = io.jixiao.events.FreeText.MULTI_LINE_MESSAGE;

    private Keys() {
    }

    public static final String GOAL = "goal";
    public static final String EVALUATION = "evaluation";
    public static final String RECTIFICATION = "rectification";
    public static final String PERSON = "person";
    public static final String DISTRICT_RULES = "district-rules";

    public static String goal(String districtCode, String goalId) {
        return aggregateKey(GOAL, districtCode, goalId);
    }

    public static String evaluation(String districtCode, String evaluationId) {
        return aggregateKey(EVALUATION, districtCode, evaluationId);
    }

    public static String rectification(String districtCode, String rectificationId) {
        return aggregateKey(RECTIFICATION, districtCode, rectificationId);
    }

    /** The erasure of a person's data in a district (加密删除). */
    public static String person(String districtCode, String personId) {
        return aggregateKey(PERSON, districtCode, personId);
    }

    /** The one {@code DistrictRules} aggregate of a district: the published versions of its rules. */
    public static String districtRules(String districtCode) {
        return aggregateKey(DISTRICT_RULES, districtCode, "rules");
    }

    /** The identifier of an aggregate of {@code type}: the type, the district, the aggregate's own id. */
    static String aggregateKey(String type, String districtCode, String id) {
        return type + ":" + districtCode + ":" + id;
    }
}
