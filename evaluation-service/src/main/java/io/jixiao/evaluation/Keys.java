package io.jixiao.evaluation;

/**
 * Aggregate ids. Goals and evaluations share one event store, and a client may well use the same id for a
 * goal and its evaluation, so each kind has its own namespace: {@code 430203:goal:czj-2023-overall},
 * {@code 430203:evaluation:czj-2023-overall}. The id is also the Kafka record key of every event.
 */
public final class Keys {
    /** Client-chosen ids: {@code [A-Za-z0-9._-]{1,64}} (DESIGN.md conventions). */
    public static final String ID = "[A-Za-z0-9._-]{1,64}";
    /** Observation ids may be derived from the goal id, the checkpoint and the tier, so they may be longer. */
    public static final String LONG_ID = "[A-Za-z0-9._-]{1,120}";
    public static final String DISTRICT = "\\d{6}";

    private Keys() {
    }

    public static String goal(String districtCode, String goalId) {
        return districtCode + ":goal:" + goalId;
    }

    public static String evaluation(String districtCode, String evaluationId) {
        return districtCode + ":evaluation:" + evaluationId;
    }
}
