package io.jixiao.events.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The problem a rectification item answers, as recorded when it was opened (self-sufficient for a report).
 * KEY_EVALUATION: {@code evaluationId} and {@code findingIndex} (0-based in the completed evaluation's findings);
 * MONITORING: {@code goalId} and {@code deviationId}; DISCLOSURE: {@code findingId} (the disclosure finding as the
 * findings list names it). {@code projectId} when the source concerns one project; {@code problem} the finding's or
 * deviation's text.
 */
public record RectificationSource(RectificationSourceKind kind, String evaluationId, Integer findingIndex,
                                  String goalId, String deviationId, String findingId, String projectId,
                                  String problem) {

    /** The identity of the source within a district: one rectification item per source (not a field on the wire). */
    @JsonIgnore
    public String reference() {
        return switch (kind) {
            case KEY_EVALUATION -> kind.name() + ":" + evaluationId + "#" + findingIndex;
            case MONITORING -> kind.name() + ":" + goalId + "#" + deviationId;
            case DISCLOSURE -> kind.name() + ":" + findingId;
        };
    }
}
