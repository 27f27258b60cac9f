package io.jixiao.disclosure.events;

import io.jixiao.events.Unpublished;
import java.time.LocalDate;

/** A published package was withdrawn; its tables no longer count as published. disclosure-service's own event. */
@Unpublished("disclosure-service is the only reader of its packages")
public record DisclosureRetracted(String districtCode, int year, String unitId, String packageId, String reason,
                                  LocalDate retractedOn) {
}
