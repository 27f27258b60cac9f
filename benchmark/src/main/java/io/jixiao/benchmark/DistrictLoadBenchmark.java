package io.jixiao.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.fixtures.GenerateDistrict;
import io.jixiao.fixtures.LoadFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated district loaded through the fixture loader as a user loads it ({@code --only district}): the loader's
 * jar in a JVM of its own ({@code java -jar fixture-loader.jar --gateway … --data … FILE}), first into the stack as
 * it comes up, then again under other district codes. Per load: the loader's wall time, the time from the loader's
 * start until the district's report shows the figures it shows once every consumer is done (read every 200 ms
 * after the loader's answer, so that the reads take no CPU from the load), the CPU of every process, and the records
 * applied. The full run first loads the demo districts, as the launcher does by default.
 */
final class DistrictLoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COUNTS = Pattern.compile(
            "(\\d+) records — applied (\\d+), already applied (\\d+), refused as expected (\\d+), rejected (\\d+)");
    private static final int FIRST_CODE = 430211;

    /**
     * {@code units} × {@code projectsPerUnit} as {@link GenerateDistrict} makes them; {@code loads} files, the first
     * under 430211, the next under 430212, …; {@code demosFirst}: the demo districts before them.
     */
    record Shape(int units, int projectsPerUnit, int loads, boolean demosFirst) {
        /** The 121 units of the documents' benchmark, after the demos as the launcher loads them, three times. */
        static final Shape FULL = new Shape(121, 5, 3, true);
        static final Shape SMOKE = new Shape(3, 2, 1, false);
    }

    /** One read of the district's report: when, after the loader's start, and the summary it showed. */
    private record Read(long nanos, JsonNode summary) {
    }

    private DistrictLoadBenchmark() {
    }

    static void run(LauncherProcess stack, Api gateway, Results results, Shape shape) throws Exception {
        Path loader = locateLoader();
        if (shape.demosFirst()) {
            Process demos = new ProcessBuilder(loaderCommand(loader, stack, List.copyOf(LoadFixtures.DEMOS)))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!demos.waitFor(10, TimeUnit.MINUTES) || demos.exitValue() != 0) {
                throw new IllegalStateException("the demo districts did not load");
            }
            stack.awaitQuiet(Duration.ofMinutes(2));
        }
        ObjectNode district = GenerateDistrict.district(shape.units(), shape.projectsPerUnit());
        String size = shape.units() + " units × " + shape.projectsPerUnit() + " projects";
        for (int i = 0; i < shape.loads(); i++) {
            String code = Integer.toString(FIRST_CODE + i);
            ((ObjectNode) district.get("district")).put("code", code);
            Path file = stack.dataDir().resolve("district-" + code + ".json");
            Files.writeString(file, JSON.writeValueAsString(district));
            load(stack, gateway, results, loader, file, code, district.path("year").asInt(),
                    (i == 0 ? "first load" : "load " + (i + 1)) + ", " + size);
        }
    }

    private static void load(LauncherProcess stack, Api gateway, Results results, Path loader, Path file,
                             String code, int year, String label) throws Exception {
        String reportPath = "/api/reports/districts/" + code + "/years/" + year;
        Map<String, Double> before = ProcessCpu.secondsByName(stack.pid(), stack.dataDir());
        long self = ProcessHandle.current().pid();
        double childrenBefore = ProcessCpu.reapedChildrenSeconds(self);
        List<Read> reads = new ArrayList<>();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(loaderCommand(loader, stack, List.of(file.toString())))
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(the loader's output could not be read: ").append(e.getMessage()).append(')');
            }
        }, "fixture-loader-output");
        reader.start();
        // nothing else asks the stack anything while the loader runs; the district is complete only after its answer
        process.waitFor();
        long loaderNanos = System.nanoTime() - start;
        double ownDuringLoad = ProcessCpu.seconds(self) - before.get("benchmark client");
        reader.join();
        double loaderCpu = ProcessCpu.reapedChildrenSeconds(self) - childrenBefore;   // the launcher lives on
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the fixture loader failed on " + file + ":\n" + output);
        }
        Matcher counts = COUNTS.matcher(output);
        if (!counts.find()) {
            throw new IllegalStateException("no counts in the fixture loader's output:\n" + output);
        }
        long quietBy = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        do {
            read(gateway, reportPath, start, reads);
            Benchmark.pause(200);
            read(gateway, reportPath, start, reads);
        } while (!stack.quietForASecond() && System.nanoTime() < quietBy);
        Map<String, Double> cpu = ProcessCpu.difference(before, ProcessCpu.secondsByName(stack.pid(), stack.dataDir()));
        read(gateway, reportPath, start, reads);
        if (reads.isEmpty()) {
            throw new IllegalStateException("no report of district " + code + " after its load");
        }
        JsonNode last = reads.get(reads.size() - 1).summary();
        double complete = reads.stream().filter(read -> read.summary().equals(last)).findFirst().orElseThrow()
                .nanos() / 1e9;
        results.add("district", "fixture loader wall, " + label, loaderNanos / 1e9, "s", "< 5", null, null);
        results.add("district", "report complete after the loader's start, " + label, complete, "s", null, null, null);
        results.add("district", "records applied (already applied " + counts.group(3) + ", rejected " + counts.group(5)
                + " of " + counts.group(1) + "), " + label, Double.parseDouble(counts.group(2)), "records", null, null,
                null);
        results.add("district", "CPU-s, fixture loader, " + label, loaderCpu, "s", null, null, null);
        results.add("district", "CPU-s, benchmark client while the loader ran, " + label, ownDuringLoad, "s", null,
                null, null);
        cpu.forEach((name, seconds) -> results.add("district", "CPU-s, " + name + ", " + label, seconds, "s", null,
                null, null));
        results.context("district " + code + " report summary", last.toString());
        if (!"0".equals(counts.group(5))) {
            throw new IllegalStateException("the fixture loader rejected records of " + file + ":\n" + output);
        }
    }

    private static void read(Api gateway, String path, long start, List<Read> reads) {
        Api.Answer answer = gateway.send("GET", path, null);
        long at = System.nanoTime() - start;
        if (answer.ok() && answer.body() != null) {
            reads.add(new Read(at, answer.body().path("summary")));
        }
    }

    private static List<String> loaderCommand(Path loader, LauncherProcess stack, List<String> files) {
        List<String> command = new ArrayList<>(List.of(LauncherProcess.javaBin(), "-jar", loader.toString(),
                "--gateway", stack.gatewayUrl(), "--data", stack.dataDir().toString()));
        command.addAll(files);
        return command;
    }

    static Path locateLoader() {
        for (Path candidate : List.of(Path.of("fixture-loader/target/fixture-loader.jar"),
                Path.of("../fixture-loader/target/fixture-loader.jar"))) {
            if (Files.exists(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("fixture-loader/target/fixture-loader.jar not found: build with "
                + "./mvnw -DskipTests package");
    }
}
