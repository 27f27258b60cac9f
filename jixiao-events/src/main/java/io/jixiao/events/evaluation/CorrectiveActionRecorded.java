package io.jixiao.events.evaluation;

import java.time.LocalDate;

/** 纠偏: what was done about a deviation (closes it). Cause: 经费保障, 制度保障, 人员保障, 硬件条件保障, 其他. */
public record CorrectiveActionRecorded(String districtCode, String deviationId, String projectId, String cause,
                                       String action, String likelihood, LocalDate recordedOn) {
}
