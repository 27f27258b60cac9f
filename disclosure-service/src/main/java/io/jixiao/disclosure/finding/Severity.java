package io.jixiao.disclosure.finding;

/** RULES.md: a fatal finding blocks publication; a warning is published with the finding. */
public enum Severity {
    FATAL,
    WARNING
}
