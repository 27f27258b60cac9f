package io.jixiao.disclosure.finding;

/** docs/rules.md: a fatal finding blocks publication; a warning is published with the finding. */
public enum Severity {
    FATAL,
    WARNING
}
