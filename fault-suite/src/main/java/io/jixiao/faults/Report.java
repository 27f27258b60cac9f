package io.jixiao.faults;

import io.jixiao.events.Money;
import io.jixiao.faults.Ledger.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures as text: one block per fault, the bad-input table, the poison steps, and a summary. */
public final class Report {
    private Report() {
    }

    public static String fault(Faults.FaultResult f) {
        Verifier.Verification v = f.verification();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nfault %d — %s: %s%n", f.number(), f.title(),
                f.passed() ? "PASSED" : "FAILED"));
        out.append(String.format(Locale.ROOT, "  outage window %.1f s; %s%n", f.outage().toMillis() / 1000.0,
                String.join("; ", f.notes())));
        out.append(String.format(Locale.ROOT, "  commands: %d sent, %d acknowledged (%d of them during the outage, "
                        + "%d answered as replays of an earlier attempt), %d refused %s, %d retries with the same key, "
                        + "%d unresolved%s%n", f.sent(), f.acknowledged(), f.acknowledgedDuringOutage(), v.replayedAnswers(),
                f.refused(), f.refusals().isEmpty() ? "" : f.refusals().toString(), f.retries(), f.unresolved(),
                f.firstAnswersDiscarded() > 0 ? ", " + f.firstAnswersDiscarded() + " first answers thrown away" : ""));
        out.append("  answers during the outage — writes: ").append(f.writesDuringOutage());
        if (f.requiredOkShare() > 0) {
            out.append(String.format(Locale.ROOT, " — %.1f %% 2xx (at least %.0f %% required)",
                    100 * f.okShareDuringOutage(), 100 * f.requiredOkShare()));
        }
        out.append('\n');
        out.append("                             reads:  ").append(f.readsDuringOutage()).append('\n');
        out.append(String.format(Locale.ROOT, "  event stores: %d acknowledged → lost %d, duplicated %d; stored but never "
                        + "acknowledged (whole run) %d%n", v.acknowledged(), v.lost().size(), v.duplicated().size(),
                v.storedUnacknowledged().size()));
        out.append(String.format(Locale.ROOT, "  projections: %d budget + %d evaluation events stored → missing in the "
                        + "journal %d, in the project timeline %d, in evaluation's budget copy %s; phantom rows %d, "
                        + "duplicate rows %d; caught up %s after the load stopped%n", v.budgetEvents(),
                v.evaluationEvents(), v.missingInJournal().size(), v.missingInTimeline().size(),
                v.evaluationProjectionChecked() ? String.valueOf(v.missingInEvaluation().size()) : "(not present)",
                v.phantoms(), v.timelineDuplicates(), v.caughtUp() ? "in " + seconds(v.quiescence()) : "NOT within "
                        + seconds(v.quiescence())));
        out.append("  totals, whole run (yuan): ").append(totals(v)).append('\n');
        f.failures().forEach(failure -> out.append("  FAILED: ").append(failure).append('\n'));
        out.append(String.format(Locale.ROOT, "  honest answers: %d violations (500, 503 without Retry-After, error not "
                + "problem+json)%n", f.violations()));
        if (!v.lost().isEmpty() || !v.duplicated().isEmpty() || !v.storedUnacknowledged().isEmpty()) {
            out.append("  keys: lost ").append(Verifier.head(v.lost())).append("; duplicated ")
                    .append(Verifier.head(v.duplicated())).append("; unacknowledged ")
                    .append(Verifier.head(v.storedUnacknowledged())).append('\n');
        }
        return out.toString();
    }

    static String totals(Verifier.Verification v) {
        StringBuilder out = new StringBuilder();
        for (Kind k : List.of(Kind.APPROPRIATION, Kind.ADJUSTMENT, Kind.EXPENDITURE)) {
            long ledger = v.ledgerTotals().getOrDefault(k, 0L);
            long view = v.projectViewTotals().getOrDefault(k, 0L);
            long api = v.reportApiTotals().getOrDefault(k, 0L);
            boolean same = ledger == view && ledger == api;
            String eval = "";
            if (v.evaluationProjectionChecked()) {
                long e = v.evaluationTotals().getOrDefault(k, 0L);
                same &= e == ledger;
                eval = " / evaluation " + Money.yuan(e);
            }
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(k.name().toLowerCase(Locale.ROOT)).append(" ledger ").append(Money.yuan(ledger))
                    .append(" / project_view ").append(Money.yuan(view)).append(" / report API ").append(Money.yuan(api))
                    .append(eval).append(same ? " (equal)" : " (DIFFERENT)");
        }
        return out.toString();
    }

    public static String badInput(BadInput.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nbad input — %d malformed and hostile requests in %s: %s%n", r.sent(),
                seconds(r.took()), r.passed() ? "PASSED" : "FAILED"));
        out.append(String.format(Locale.ROOT, "  %-18s %7s %12s %6s %17s %9s %10s %6s%n", "category", "sent",
                "4xx problem", "5xx", "not problem+json", "accepted", "no answer", "other"));
        for (Map.Entry<BadInput.Category, long[]> e : r.byCategory().entrySet()) {
            long[] c = e.getValue();
            out.append(String.format(Locale.ROOT, "  %-18s %7d %12d %6d %17d %9d %10d %6d%n",
                    e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '), c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
        }
        out.append(String.format(Locale.ROOT, "  answers by status: %s%n", r.statuses()));
        out.append(String.format(Locale.ROOT, "  4xx problem+json %d (of which bulk imports answered 200 with every line "
                        + "refused: %d); 5xx %d; not problem+json %d; accepted %d; no answer %d%n", r.problem4xx(),
                r.importRefusedPerLine(), r.serverErrors(), r.notProblem(), r.accepted(), r.noAnswer()));
        out.append(String.format(Locale.ROOT, "  events in the stores before %s, after %s: %d recorded%n",
                r.eventsBefore(), r.eventsAfter(), r.eventsRecorded()));
        out.append(String.format(Locale.ROOT, "  requests answered outside the rules: %d%n", r.unknownFailures()));
        if (!r.pathTrickAnswers().isEmpty()) {
            out.append("  how each path trick was answered (first answer seen):\n");
            r.pathTrickAnswers().forEach((path, answer) -> out.append("    ").append(answer).append("  ")
                    .append(BadInput.escape(path)).append('\n'));
        }
        if (!r.failures().isEmpty()) {
            out.append("  distinct failures (first of each kind):\n");
            r.failures().forEach(fl -> out.append("    - ").append(fl).append('\n'));
        }
        return out.toString();
    }

    public static String poison(PoisonEvents.Result p) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%npoison events — %s in %s%n", p.passed() ? "PASSED" : "FAILED",
                seconds(p.took())));
        p.steps().forEach(s -> out.append("  ").append(s).append('\n'));
        return out.toString();
    }

    /** One line per fault, for the summary table (Markdown). */
    public static String summary(List<Faults.FaultResult> faults, BadInput.Result bad, PoisonEvents.Result poison,
                                 StatusCounts writes, StatusCounts reads, Duration startup, Duration total) {
        StringBuilder out = new StringBuilder();
        out.append("\n| fault | acknowledged (during outage) | lost | duplicated | totals equal | writes during outage "
                + "2xx / 503 / other | violations | result |\n|---|---|---|---|---|---|---|---|\n");
        for (Faults.FaultResult f : faults) {
            Verifier.Verification v = f.verification();
            String window = f.phase() + " outage";
            long ok = writes.count(window, StatusCounts.Bucket.OK_2XX) + writes.count(window, StatusCounts.Bucket.REPLAYED_2XX);
            long unavailable = writes.count(window, StatusCounts.Bucket.UNAVAILABLE_503);
            long other = writes.total(window) - ok - unavailable;
            out.append(String.format(Locale.ROOT, "| %d %s | %d (%d) | %d | %d | %s | %d / %d / %d | %d | %s |%n",
                    f.number(), f.title(), f.acknowledged(), f.acknowledgedDuringOutage(), v.lost().size(),
                    v.duplicated().size(), v.totalsMatch() ? "yes" : "NO", ok, unavailable, other, f.violations(),
                    f.passed() ? "passed" : "FAILED"));
        }
        if (bad != null) {
            out.append(String.format(Locale.ROOT, "%nbad input: %d requests, %d 5xx, %d not problem+json, %d accepted, "
                            + "%d events recorded, %d requests answered outside the rules: %s%n", bad.sent(),
                    bad.serverErrors(), bad.notProblem(), bad.accepted(), bad.eventsRecorded(), bad.unknownFailures(),
                    bad.passed() ? "passed" : "FAILED"));
        }
        if (poison != null) {
            out.append(String.format(Locale.ROOT, "poison events: %s%n", poison.passed() ? "passed" : "FAILED"));
        }
        out.append(String.format(Locale.ROOT, "honest-answer violations over the whole run: writes %d, reads %d%n",
                writes.violations(), reads.violations()));
        List<String> samples = writes.violationSamples();
        samples.forEach(s -> out.append("  - ").append(s).append('\n'));
        reads.violationSamples().forEach(s -> out.append("  - ").append(s).append('\n'));
        out.append(String.format(Locale.ROOT, "stack start %s, whole run %s%n", seconds(startup), seconds(total)));
        return out.toString();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
