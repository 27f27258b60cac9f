package io.jixiao.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.gateway.web.SignInCli;
import io.jixiao.gateway.web.SignInCodes;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The workbench's overview at size: {@code districts} generated districts of {@code projects} projects each
 * (registered, appropriated, one expenditure: straight to {@code budget.events}), then {@code GET
 * /api/disclosure/overview} through the gateway (p50/p95 of 200 sequential requests) and the overview page in
 * headless Chromium (Debian's, with its chromedriver): navigation start until every chart is drawn, median of 5.
 */
final class OverviewBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private OverviewBenchmark() {
    }

    static void run(LauncherProcess stack, Api gateway, Results results, int districts, int projects) throws Exception {
        long t0 = System.nanoTime();
        produce(stack, districts, projects);
        // the overview has every generated district with every project once the refresher folded them all
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            Api.Answer overview = gateway.send("GET", "/api/disclosure/overview", null);
            if (overview.ok()) {
                seen = 0;
                for (var line : overview.body().get("lines")) {
                    if (line.get("districtCode").asText().startsWith("97") && line.get("projects").asInt() == projects) {
                        seen++;
                    }
                }
                if (seen == districts) {
                    break;
                }
            }
            Thread.sleep(1000);
        }
        if (seen != districts) {
            throw new IllegalStateException("the overview shows " + seen + " of " + districts + " generated districts");
        }
        results.add("workbench", "overview: " + districts + " districts × " + projects + " projects produced and folded",
                (System.nanoTime() - t0) / 1e9, "s", null, null, null);
        Latencies api = new Latencies();
        int bytes = 0;
        for (int i = 0; i < 220; i++) {
            long start = System.nanoTime();
            byte[] body = gateway.fetch("/api/disclosure/overview");
            if (i >= 20) {   // the first 20 warm the path
                api.record(System.nanoTime() - start);
            }
            bytes = body.length;
        }
        results.add("workbench", "GET /api/disclosure/overview, " + districts + " districts (" + bytes / 1024 + " KiB), p50",
                api.percentileMillis(50), "ms", null, null, null);
        results.add("workbench", "GET /api/disclosure/overview, " + districts + " districts, p95",
                api.percentileMillis(95), "ms", "≤ 300", null, null);
        if (!new File("/usr/bin/chromium").canExecute() || !new File("/usr/bin/chromedriver").canExecute()) {
            System.out.println("no /usr/bin/chromium or /usr/bin/chromedriver: the page is not measured");
            return;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("jixiao-bench-chromium"));
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        try {
            browser.get(SignInCli.link(stack.dataDir(), stack.gatewayUrl(),
                    new SignInCodes.Identity("benchmark", List.of("DASHBOARD"), List.of("*"))));
            Latencies page = new Latencies();
            for (int i = 0; i < 6; i++) {
                browser.get(stack.gatewayUrl() + "/");
                double drawn = awaitDrawn(browser);
                if (i > 0) {   // the first load fills the browser's cache of scripts
                    page.record((long) (drawn * 1e6));
                }
            }
            results.add("workbench", "overview page fully drawn in headless Chromium, " + districts + " districts (median of 5)",
                    page.percentileMillis(50), "ms", "≤ 2000", null, null);
        } finally {
            browser.quit();
        }
    }

    /** Milliseconds from navigation start until the last chart was drawn. */
    private static double awaitDrawn(ChromeDriver browser) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Object at = ((JavascriptExecutor) browser).executeScript(
                    "const m = document.getElementById('main'); const c = [...document.querySelectorAll('.chart')];"
                            + "if (!m || !m.dataset.ready || c.length === 0 || !c.every(x => x.dataset.drawnAt)) return null;"
                            + "return Math.max(...c.map(x => Number(x.dataset.drawnAt)));");
            if (at instanceof Number n) {
                return n.doubleValue();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the overview page was not drawn within 60 s");
    }

    /** Districts 970000 + i, projects of three events each, straight to Kafka as budget-service would publish them. */
    private static void produce(LauncherProcess stack, int districts, int projects) throws Exception {
        Properties p = stack.bulkProducer();
        LocalDate day = LocalDate.of(Workload.YEAR, 3, 1);
        Instant occurred = Instant.now().minus(Duration.ofDays(1));
        long i = 0;
        io.jixiao.events.EventLinks.Chain links = new io.jixiao.events.EventLinks.Chain();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int d = 0; d < districts; d++) {
                String district = String.valueOf(970000 + d);
                EventMetadata meta = new EventMetadata(district, "benchmark", "bench", "bench", null);
                for (int n = 0; n < projects; n++) {
                    String projectId = "o" + n;
                    String key = "project:" + district + ":" + projectId;
                    long budget = 1_000_000L * (1 + n % 7);
                    Record[] events = {
                        new ProjectRegistered(district, projectId, "u" + (n % 12), "生成项目", ProjectCategory.SPECIAL_FUND,
                                Workload.YEAR, 1),
                        new BudgetAppropriated(district, projectId, budget, FundSource.GENERAL_PUBLIC_BUDGET, null, day),
                        new ExpenditureRecorded(district, projectId, budget * (30 + (n + d) % 70) / 100, day)};
                    for (int seq = 0; seq < events.length; seq++, i++) {
                        // linked as budget-service links its events: projections park events without a valid link
                        EventEnvelope envelope = links.link(new EventEnvelope(UUID.randomUUID().toString(),
                                events[seq].getClass().getSimpleName(), "Project", key, seq, occurred.plusMillis(i), meta,
                                JSON.valueToTree(events[seq])));
                        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.BUDGET_EVENTS, key,
                                JSON.writeValueAsString(envelope));
                        // as budget-service stamps what it publishes: projections park records their owner did not
                        record.headers().add(Topics.PRODUCER_HEADER,
                                Topics.BUDGET_SERVICE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        producer.send(record);
                    }
                }
            }
        }
    }
}
