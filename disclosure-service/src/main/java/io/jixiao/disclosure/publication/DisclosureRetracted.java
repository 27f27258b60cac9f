package io.jixiao.disclosure.publication;

import java.time.LocalDate;

/** A published package was withdrawn; its tables no longer count as published. disclosure-service's own event. */
public record DisclosureRetracted(String districtCode, int year, String unitId, String packageId, String reason,
                                  LocalDate retractedOn) {
}
