package io.jixiao.disclosure.narrative;

import io.jixiao.disclosure.narrative.NarrativeSeeds.Seed;
import java.util.Arrays;

/**
 * How long the narrative check of a 30,000-character draft takes on this machine: the 芦淞区 seed repeated to
 * 30,000 characters (so every figure is tied to a record and compared, the stated-twice check sees many repeats),
 * checked against 芦淞区's records. Parse + tie + compare + self-checks; the records are built once, as the
 * service builds them once per request from the journal. Prints the first (cold) run and the median and maximum of
 * the warm runs. Command (docs/benchmarks.md):
 * {@code ./mvnw -B -q -pl disclosure-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.jixiao.disclosure.narrative.NarrativeBenchmark}
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
        NarrativeRecords records = Seed.LUSONG.records();
        long recordsNanos = System.nanoTime() - t0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        NarrativeResult first = NarrativeChecker.check(text, records);
        long cold = System.nanoTime() - start;
        long coldCpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long[] warm = new long[runs];
        long[] warmCpu = new long[runs];
        long[] parse = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            Draft parsed = DraftParser.parse(text);
            parse[i] = System.nanoTime() - s;
            ClaimMatcher.check(parsed, records);
            warm[i] = System.nanoTime() - s;
            warmCpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        Arrays.sort(parse);
        System.out.printf("narrative check: %,d characters, %,d claims %s%n", text.length(), first.claims().size(),
                first.counts());
        System.out.printf("records built from the fixture once: %.1f ms%n", recordsNanos / 1e6);
        System.out.printf("first (cold JVM) check: %.1f ms wall, %.1f ms CPU%n", cold / 1e6, coldCpu / 1e6);
        System.out.printf("warm over %d runs: wall median %.1f ms, max %.1f ms; CPU median %.1f ms, max %.1f ms; "
                        + "of which parsing median %.1f ms%n", runs, warm[runs / 2] / 1e6, warm[runs - 1] / 1e6,
                warmCpu[runs / 2] / 1e6, warmCpu[runs - 1] / 1e6, parse[runs / 2] / 1e6);
        System.out.printf("system load average (1 min) during the run: %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("available processors: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }
}
