package io.jixiao.budget.project;

import io.jixiao.events.Unpublished;

/**
 * budget-service's own event (not published): this project continues {@code previousProjectId} of an
 * earlier fiscal year. Evaluation results of the previous project are applied to this one
 * (see {@code evaluation.ResultApplication}).
 */
@Unpublished("a link budget-service follows to carry last year's goal forward; no consumer needs it")
public record PreviousYearProjectLinked(String districtCode, String projectId, String previousProjectId) {
}
