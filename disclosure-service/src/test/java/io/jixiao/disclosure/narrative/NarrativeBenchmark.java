package io.jixiao.disclosure.narrative;

import io.jixiao.disclosure.narrative.NarrativeSeeds.Seed;
import java.util.Arrays;

/**
 * How long the narrative check of a 30,000-character draft takes on this machine: the 芦淞区 seed repeated to
 * 30,000 characters (so every figure is tied to a record and compared, and the stated-twice check sees many
 * repeats), checked against 芦淞区's records. The first run is the one a freshly started JVM does; each warm run
 * does what the service does once it has read the journal: fold the report, build the records, parse, tie,
 * compare, self-check. The fixture read stands for the journal read and is not timed. Command: docs/benchmarks.md.
 */
public final class NarrativeBenchmark {
    private NarrativeBenchmark() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String seed = Seed.LUSONG.text();
        StringBuilder draft = new StringBuilder(size + seed.length());
        while (draft.length() < size) {
            draft.append(seed).append('\n');
        }
        String text = draft.substring(0, size);
        long t0 = System.nanoTime();
        io.jixiao.disclosure.fixture.FixtureEvents fixture = io.jixiao.disclosure.fixture.FixtureEvents.load(
                Seed.LUSONG.fixture);
        long loadNanos = System.nanoTime() - t0;
        java.util.List<io.jixiao.disclosure.journal.JournalEvent> events = fixture.events();
        io.jixiao.disclosure.report.DistrictSettings settings =
                io.jixiao.disclosure.fixture.PublishedRules.v0(fixture.district());
        java.util.function.Supplier<NarrativeRecords> fold = () -> {
            var ledger = io.jixiao.disclosure.report.DistrictReportFold.foldUpTo(events, NarrativeSeeds.AS_OF);
            var report = io.jixiao.disclosure.report.DistrictReportFold.report(ledger, Seed.LUSONG.year, settings,
                    NarrativeSeeds.AS_OF);
            return NarrativeRecords.of(report, events);
        };
        long t1 = System.nanoTime();
        NarrativeRecords records = fold.get();
        long recordsNanos = System.nanoTime() - t1;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        NarrativeResult first = NarrativeChecker.check(text, records);
        first.claims().forEach(c -> {
            if (c.expected() != null) {
                c.expected().events();
            }
        });
        long cold = System.nanoTime() - start;
        long coldCpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long[] warm = new long[runs];
        long[] warmCpu = new long[runs];
        long[] parse = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            NarrativeRecords perRequest = fold.get();
            Draft parsed = DraftParser.parse(text);
            parse[i] = System.nanoTime() - s;
            ClaimMatcher.check(parsed, perRequest);
            warm[i] = System.nanoTime() - s;
            warmCpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        Arrays.sort(parse);
        System.out.printf("narrative check: %,d characters, %,d claims %s%n", text.length(), first.claims().size(),
                first.counts());
        System.out.printf("fixture read (stands for the journal read, not timed below): %.1f ms; first fold of the "
                + "report and records: %.1f ms (%d events)%n", loadNanos / 1e6, recordsNanos / 1e6, events.size());
        System.out.printf("first (cold JVM) check: %.1f ms wall, %.1f ms CPU%n", cold / 1e6, coldCpu / 1e6);
        System.out.printf("warm over %d runs: wall median %.1f ms, max %.1f ms; CPU median %.1f ms, max %.1f ms; "
                        + "of which folding the report and records and parsing, median %.1f ms%n", runs, warm[runs / 2] / 1e6, warm[runs - 1] / 1e6,
                warmCpu[runs / 2] / 1e6, warmCpu[runs - 1] / 1e6, parse[runs / 2] / 1e6);
        System.out.printf("system load average (1 min) during the run: %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("available processors: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }
}
