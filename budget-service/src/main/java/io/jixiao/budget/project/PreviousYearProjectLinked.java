package io.jixiao.budget.project;

/**
 * budget-service's own event (not published): this project continues {@code previousProjectId} of an
 * earlier fiscal year. Evaluation results of the previous project are applied to this one
 * (see {@code evaluation.ResultApplication}).
 */
public record PreviousYearProjectLinked(String districtCode, String projectId, String previousProjectId) {
}
