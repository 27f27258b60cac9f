package io.jixiao.events.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * 退回: FINANCE returned a submitted self-evaluation to its unit, with a reason per indicator; the unit revises and
 * resubmits (a new SelfEvaluationSubmitted), and nothing of it is graded or applied until it is accepted.
 */
public record SelfEvaluationReturned(String districtCode, String evaluationId, String goalId, String projectId,
                                     String unitId, int fiscalYear, List<ReturnReason> reasons, LocalDate returnedOn) {
}
