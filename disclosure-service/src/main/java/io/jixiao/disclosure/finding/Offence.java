package io.jixiao.disclosure.finding;

/**
 * One offending row a rule returns: the unit, what it is about, what the records expect, what was found, the
 * difference, the measure those are in (万元, 个, 天, 人, or none), and a sentence saying it.
 */
public record Offence(String unitId, String subject, String expected, String found, String difference,
                      String measure, String message) {
}
