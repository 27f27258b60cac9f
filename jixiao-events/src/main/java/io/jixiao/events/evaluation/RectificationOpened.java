package io.jixiao.events.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 整改: the finance bureau opened a rectification item for a problem ({@code source}): the unit that rectifies it,
 * the measures (整改措施) and the deadline (a date in the bureau's calendar). {@code dueAt} is the first instant after
 * the deadline day ends in Asia/Shanghai: an item not done by then becomes overdue (RectificationOverdue).
 * {@code year}: the year whose report lists the item.
 */
public record RectificationOpened(String districtCode, String rectificationId, int year, String ownerUnitId,
                                  RectificationSource source, String measures, LocalDate deadline, Instant dueAt,
                                  LocalDate openedOn, RectificationStatus status) {
}
