package io.jixiao.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.jixiao.local.e2e.SharedStacks.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the examples of {@code docs/integration.md} as they are written: every {@code bash} block, command by command,
 * through {@code bash -c} with {@code /usr/bin/curl}, against the shared plain stack, where the doc's district 430203 is
 * this test's alone (so its feed holds this test's events only). The placeholders get live values: {@code $GATEWAY}, the token the doc's own line
 * prints (the gateway's token CLI with the stack's {@code JIXIAO_DATA}), {@code $JOB}, {@code $NEXT} and {@code $ID}
 * from the answer before. The doc's CSV block is the file uploaded. Each command's answer is checked; a command the
 * test does not expect (the doc changed) fails it.
 */
@SharedStacks.On(Kind.PLAIN)
class IntegrationDocIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CURL = Path.of("/usr/bin/curl");
    private static final Pattern BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_]+)=(.*)$");
    /** Every curl of the doc reports its status on a last line of its own. */
    private static final String CURL_WITH_STATUS =
            "curl() { " + CURL + " --write-out '\\n%{http_code}\\n' \"$@\"; }\n";
    private static final String DISTRICT = "430203";
    private static RunningStack stack;
    private static Path work;

    @BeforeAll
    static void start(RunningStack shared) throws Exception {
        assertThat(Files.isExecutable(CURL)).as("this test runs the doc's examples with " + CURL
                + ", which is missing: install Debian's curl (apt-get install curl; .ci/run does)").isTrue();
        stack = shared;
        assertThat(stack.call("PUT", "/api/budget/districts/" + DISTRICT + "/settings", "{\"goalBeforeBudget\":false}")
                .status()).isBetween(200, 201);
        work = Files.createDirectories(stack.home.resolve("client"));
        // the doc's token line, run from the repository's root: the gateway's jar where a build leaves it
        Path jar = Files.createDirectories(work.resolve("gateway/target")).resolve("gateway-exec.jar");
        Files.createSymbolicLink(jar, Path.of(System.getProperty("jixiao.home", "target"), "services", "gateway.jar")
                .toAbsolutePath());
    }

    /** A command's output: its status (the last line, for a curl) and what it printed before. */
    record Ran(String command, int status, String out) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError(command + " answered no JSON: " + out, e);
            }
        }
    }

    /** What the test expects of one command of the doc: what it looks like, what to do before, what to check. */
    record Step(String looksLike, Runnable before, Consumer<Ran> check) {
        static Step of(String looksLike, Consumer<Ran> check) {
            return new Step(looksLike, () -> { }, check);
        }
    }

    private final Map<String, String> variables = new HashMap<>();

    @Test
    void theIntegrationGuidesExamplesRunAgainstTheStackAndAnswerAsItSays() throws Exception {
        String doc = Files.readString(docs().resolve("integration.md"));
        List<String> csv = blocks(doc, "csv");
        assertThat(csv).as("the doc's CSV file").hasSize(1);
        Files.writeString(work.resolve("budget-2026-03.csv"), csv.get(0));
        int csvLines = (int) csv.get(0).lines().count() - 1;
        variables.put("GATEWAY", stack.processes.gatewayUrl());

        List<String> commands = new ArrayList<>();
        blocks(doc, "bash").forEach(block -> commands.addAll(commands(block)));
        List<Step> steps = steps(csvLines);
        assertThat(commands).as("the doc's commands, each with a step of this test").hasSameSizeAs(steps);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String command = commands.get(i);
            assertThat(command).as("command %d of the doc", i + 1).contains(step.looksLike());
            step.before().run();
            Ran ran = run(command);
            System.out.printf("doc command %d: %s → %s%n", i + 1, abbreviated(command), ran.status());
            step.check().accept(ran);
        }
    }

    private List<Step> steps(int csvLines) {
        String project = "/api/budget/districts/" + DISTRICT + "/projects/czj-dlwh";
        CompletableFuture<?>[] adjustment = new CompletableFuture<?>[1];
        return List.of(
                Step.of("GATEWAY=", ran -> assertThat(ran.out()).isEqualTo(stack.processes.gatewayUrl())),
                Step.of("TOKEN=$(java -jar gateway/target/gateway-exec.jar token --sub platform --roles INTEGRATION",
                        ran -> assertThat(ran.out()).as("a JWT").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+")),
                Step.of("-X POST \"$GATEWAY/api/budget/imports\"", ran -> {
                    assertThat(ran.status()).as(ran.out()).isEqualTo(202);
                    assertThat(ran.out()).startsWith("HTTP/1.1 202");
                    Matcher location = Pattern.compile("(?im)^Location: /api/budget/imports/([0-9a-f-]{36})\\s*$")
                            .matcher(ran.out());
                    assertThat(location.find()).as("a job's Location in %s", ran.out()).isTrue();
                    variables.put("JOB", location.group(1));
                }),
                new Step("/api/budget/imports/$JOB\"", this::awaitJobDone, ran -> {
                    JsonNode job = ran.json();
                    assertThat(ran.status()).isEqualTo(200);
                    assertThat(job.path("jobId").asText()).isEqualTo(variables.get("JOB"));
                    assertThat(job.path("status").asText()).isEqualTo("DONE");
                    assertThat(job.path("total").asInt()).isEqualTo(csvLines);
                    assertThat(job.path("done").asInt()).isEqualTo(csvLines);
                    assertThat(job.path("applied").asInt()).as("%s", job).isEqualTo(csvLines);
                    assertThat(job.path("rejected").asInt()).isZero();
                    assertThat(job.path("estimatedSecondsLeft").asLong()).isZero();
                    assertThat(job.path("submittedBy").asText()).isEqualTo("platform");
                    assertThat(job.path("districts").toString()).isEqualTo("[\"" + DISTRICT + "\"]");
                    assertThat(job.path("runs").asInt()).isEqualTo(1);
                    assertThat(job.path("results").asText()).isEqualTo("/api/budget/imports/" + variables.get("JOB")
                            + "/results");
                    assertThat(job.has("linesPerSecond") && job.has("startedAt") && job.has("finishedAt")).isTrue();
                }),
                Step.of("/api/budget/imports/$JOB/results?limit=1000", ran -> {
                    assertThat(ran.status()).isEqualTo(200);
                    JsonNode results = ran.json().path("results");
                    assertThat(results).hasSize(csvLines);
                    assertThat(results.findValuesAsText("status")).containsOnly("APPLIED");
                    assertThat(results.findValuesAsText("lineId")).containsExactly("2026-03-u1", "2026-03-p1",
                            "2026-03-a1", "2026-03-s1");
                }),
                Step.of("-o results.ndjson", ran -> {
                    assertThat(ran.status()).isEqualTo(200);
                    List<String> lines = lines("results.ndjson");
                    assertThat(lines).hasSize(csvLines).allSatisfy(line ->
                            assertThat(JSON.readTree(line).path("status").asText()).isEqualTo("APPLIED"));
                }),
                Step.of("-o results.csv", ran -> {
                    assertThat(ran.status()).isEqualTo(200);
                    List<String> lines = lines("results.csv");
                    assertThat(lines).hasSize(csvLines + 1);
                    assertThat(lines.get(0)).isEqualTo("line,lineId,op,district,target,status,sequence,rule,field,message");
                    assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(",APPLIED,"));
                }),
                Step.of("/api/budget/imports?limit=20", ran -> {
                    assertThat(ran.status()).isEqualTo(200);
                    assertThat(ran.json().path("jobs").findValuesAsText("jobId")).containsExactly(variables.get("JOB"));
                }),
                Step.of("TOKEN=$(java -jar gateway/target/gateway-exec.jar token --sub platform-a --roles INTEGRATION",
                        ran -> assertThat(ran.out()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+")),
                Step.of("/events?limit=500", ran -> {
                    assertThat(ran.status()).isEqualTo(200);
                    JsonNode page = ran.json();
                    assertThat(page.path("districtCode").asText()).isEqualTo(DISTRICT);
                    assertThat(page.path("events").findValuesAsText("type"))
                            .contains("ProjectRegistered", "BudgetAppropriated", "ExpenditureRecorded");
                    assertThat(page.path("events").findValuesAsText("districtCode")).containsOnly(DISTRICT);
                    assertThat(page.path("next").asText()).isNotEmpty();
                    variables.put("NEXT", page.path("next").asText());
                }),
                new Step("events?wait=25&cursor=$NEXT", () -> adjustment[0] = CompletableFuture.runAsync(() -> {
                    sleep(2000);
                    assertThat(stack.call("POST", project + "/adjustments",
                            "{\"amount\":\"-100.00\",\"basis\":\"MID_YEAR\",\"reason\":\"年中调减\"}").status()).isEqualTo(201);
                }), ran -> {
                    adjustment[0].join();
                    assertThat(ran.status()).isEqualTo(200);
                    assertThat(ran.json().path("events").findValuesAsText("type")).containsExactly("BudgetAdjusted");
                }),
                Step.of("events?types=ExpenditureRecorded,BudgetAdjusted", ran -> {
                    assertThat(ran.status()).isEqualTo(200);
                    assertThat(ran.json().path("events").findValuesAsText("type"))
                            .containsExactly("ExpenditureRecorded", "BudgetAdjusted");
                }),
                Step.of("-X POST \"$GATEWAY/api/feed/webhooks\"", ran -> {
                    assertThat(ran.status()).as(ran.out()).isEqualTo(201);
                    JsonNode hook = ran.json().path("webhook");
                    assertThat(hook.path("delivered").asLong()).isZero();
                    assertThat(ran.json().path("secret").asText()).isNotEmpty();
                    variables.put("ID", hook.path("id").asText());
                }),
                Step.of("\"$GATEWAY/api/feed/webhooks\" -H", ran -> {
                    assertThat(ran.status()).isEqualTo(200);
                    assertThat(ran.json().findValuesAsText("id")).containsExactly(variables.get("ID"));
                }),
                Step.of("\"$GATEWAY/api/feed/webhooks/$ID\" -H", ran -> {
                    assertThat(ran.status()).isEqualTo(200);
                    JsonNode state = ran.json();
                    assertThat(state.path("id").asText()).isEqualTo(variables.get("ID"));
                    assertThat(state.path("url").asText()).isEqualTo("https://platform.example.org/jixiao/events");
                    assertThat(state.has("delivered") && state.has("failures")).isTrue();
                    assertThat(state.has("secret")).isFalse();
                }),
                Step.of("-X DELETE \"$GATEWAY/api/feed/webhooks/$ID\"", ran -> assertThat(ran.status()).isEqualTo(204)),
                new Step("expected=\"sha256=", this::aDelivery,
                        ran -> assertThat(ran.out()).isEqualTo(variables.get("SIGNATURE_HEADER"))),
                new Step("[ \"$expected\" = \"$SIGNATURE_HEADER\" ] && echo verified", () -> { },
                        ran -> assertThat(ran.out()).isEqualTo("verified")));
    }

    /** A delivery as a receiver gets it: a body, the secret and the signature header, signed here with Java's HMAC. */
    private void aDelivery() {
        // ASCII: the variables reach bash through the environment, encoded in the machine's locale
        String body = "{\"eventId\":\"e-1\",\"type\":\"BudgetAdjusted\",\"payload\":{\"amount\":-10000}}";
        String secret = "k3Y-secret_of-the-subscription";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            variables.put("BODY", body);
            variables.put("SECRET", secret);
            variables.put("SIGNATURE_HEADER", "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal(body.getBytes(StandardCharsets.UTF_8))));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitJobDone() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> "DONE".equals(
                stack.call("GET", "/api/budget/imports/" + variables.get("JOB"), null).body().path("status").asText()));
    }

    /**
     * Runs one command of the doc in the client's directory with the variables so far. An assignment
     * ({@code NAME=…}) is kept for the commands after it, and its value is what it "printed".
     */
    private Ran run(String command) throws Exception {
        Matcher assignment = ASSIGNMENT.matcher(command);
        String script = assignment.matches()
                ? command + "\nprintf '%s' \"$" + assignment.group(1) + "\""
                : CURL_WITH_STATUS + command;
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(work.toFile())
                .redirectErrorStream(false);
        builder.environment().putAll(variables);
        builder.environment().put("JIXIAO_DATA", stack.home.toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.redirectError(work.resolve("stderr.txt").toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("exit status of %s (stderr: %s)", command,
                Files.readString(work.resolve("stderr.txt"))).isZero();
        if (assignment.matches()) {
            variables.put(assignment.group(1), out);
            return new Ran(command, 0, out);
        }
        if (!command.contains("curl ")) {
            return new Ran(command, 0, out.strip());
        }
        String trimmed = out.stripTrailing();
        int lastLine = trimmed.lastIndexOf('\n');
        return new Ran(command, Integer.parseInt(trimmed.substring(lastLine + 1).strip()),
                lastLine < 0 ? "" : trimmed.substring(0, lastLine));
    }

    /** The commands of a block: continued lines joined, comment lines and blank lines left out. */
    static List<String> commands(String block) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.split("\n")) {
            if (current.isEmpty() && (line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1);
                continue;
            }
            commands.add(current.append(line).toString().strip());
            current.setLength(0);
        }
        return commands;
    }

    static List<String> blocks(String markdown, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(work.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(file + " was not written", e);
        }
    }

    /** The repository's docs directory (the module runs in {@code local-stack}). */
    private static Path docs() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here.resolve("docs") : here.getParent().resolve("docs");
    }

    private static String abbreviated(String command) {
        return command.length() <= 110 ? command : command.substring(0, 107) + "…";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
