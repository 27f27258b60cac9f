package io.jixiao.local;

import io.jixiao.fixtures.GatewayClient;
import io.jixiao.fixtures.LoadFixtures;
import io.jixiao.fixtures.LocalTokens;
import io.jixiao.gateway.web.SignInCli;
import io.jixiao.gateway.web.SignInCodes;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One command for the whole suite: PostgreSQL and Kafka (embedded unless external ones are named
 * in the environment, see {@link LocalStackSettings}), then the four services as child JVMs.
 * Data and logs live in {@code ./.jixiao} (or {@code $JIXIAO_DATA}); Ctrl-C stops everything and
 * the next start reuses the data.
 */
public class LocalStack {

    private static final int TAIL_LINES = 60;

    private final LocalStackSettings settings;
    private final PrintStream out;

    LocalStack(LocalStackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        LocalStackSettings settings;
        try {
            settings = LocalStackSettings.from(System.getenv(), Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // before the first logger exists: logback.xml writes to ${jixiao.logs}/local-stack.log
        System.setProperty("jixiao.logs", settings.logs().toString());
        System.exit(new LocalStack(settings, System.out).run());
    }

    /** Starts the stack and blocks until the JVM is shut down; returns an exit code on failure. */
    int run() {
        if (!LauncherLock.acquire(settings.home())) {
            out.println("Another Jixiao launcher is running on " + settings.home());
            return 2;
        }
        StackShutdown shutdown = new StackShutdown(out);
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "jixiao-shutdown"));
        try {
            start(shutdown);
        } catch (ServiceStartException e) {
            out.println(e.getMessage());
            out.println("----- last lines of " + e.service().logFile() + " -----");
            out.println(e.service().logTail(TAIL_LINES));
            out.println("-----");
            return 1;
        } catch (RuntimeException e) {
            out.println("Jixiao did not start: " + e.getMessage());
            e.printStackTrace(out);
            return 1;
        }
        awaitShutdown();
        return 0;
    }

    /**
     * Called once the stack is up, with the gateway's URL, unless {@code --no-fixtures} was given: loads
     * the four demo districts through the gateway, as the budget-management platform would (a second
     * start finds them loaded: every record is idempotent).
     */
    protected void afterStart(String gatewayUrl) {
        out.println("Loading the demo districts " + LoadFixtures.DEMOS + " through the gateway ...");
        try {
            GatewayClient gateway = new GatewayClient(gatewayUrl, LocalTokens.loader(settings.home()));
            // a progress bar per district on a terminal, plain progress lines in a log
            boolean ok = LoadFixtures.loadAll(gateway, LoadFixtures.DEMOS, false, out, System.console() != null);
            out.println(ok ? "Demo districts loaded." : "Some demo records were not loaded as their files expect (see above).");
        } catch (RuntimeException | LinkageError e) {
            out.println("Loading the demo districts failed (the stack stays up): " + e);
        }
    }

    private void start(StackShutdown shutdown) {
        LocalInfrastructure infrastructure = LocalInfrastructure.start(settings, shutdown, out);
        if (settings.infraOnly()) {
            out.println("Infrastructure is up: PostgreSQL " + infrastructure.postgresServerUrl()
                    + ", Kafka " + infrastructure.kafkaBootstrapServers());
            printLocations();
            return;
        }
        LocalStackProcesses processes = settings.processes(infrastructure);
        shutdown.processes(processes);
        List<String> orphans = processes.stopOrphans();
        if (!orphans.isEmpty()) {
            out.println("Stopped services left over from an earlier run: " + String.join(", ", orphans));
        }
        processes.services().forEach(service ->
                out.println("Service " + service.name() + ": port " + service.port() + ", log " + service.logFile()));
        out.println("Starting the services (up to " + settings.healthTimeout().toSeconds() + " s each) ...");
        processes.startAll();
        processes.services().forEach(service ->
                service.onExit().thenAccept(process -> reportUnexpectedExit(shutdown, service, process)));
        out.println("Jixiao is up: " + settings.gatewayUrl());
        printLocations();
        if (settings.loadFixtures()) {
            afterStart(settings.gatewayUrl());
        }
        printSignInLink();
    }

    /**
     * The one link a browser opens: a one-time sign-in code (usable once, for five minutes) that the gateway
     * exchanges for a session cookie of a finance bureau user who also audits, in every district, named 张三 (its
     * token's {@code name}, recorded only sealed in the events it causes). Another link:
     * {@code java -jar gateway/target/gateway-exec.jar sign-in}.
     */
    private void printSignInLink() {
        try {
            String link = SignInCli.link(settings.home(), settings.gatewayUrl(),
                    new SignInCodes.Identity("local-user", List.of("FINANCE", "AUDITOR"), List.of("*"),
                            "张三"));
            out.println("Workbench (zh-CN; open within 5 minutes, the link works once): " + link);
        } catch (RuntimeException | LinkageError e) {
            out.println("No sign-in link: " + e);
        }
    }

    private void printLocations() {
        out.println("Logs: " + settings.logs());
        out.println("Data: " + settings.home());
        out.println("Press Ctrl-C to stop.");
    }

    private void reportUnexpectedExit(StackShutdown shutdown, ServiceProcess service, Process process) {
        if (shutdown.started() || service.pid() != process.pid()) {
            return; // stopping, or restarted meanwhile
        }
        out.println(service.name() + " exited (code " + process.exitValue() + "); log: " + service.logFile());
    }

    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
