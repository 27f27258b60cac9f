package io.jixiao.local;

import io.jixiao.infra.EmbeddedKafkaBroker;
import io.jixiao.infra.EmbeddedPostgresServer;
import java.io.PrintStream;

/**
 * The launcher's shutdown hook: stops the services (SIGTERM, 20 s grace, then kill), then Kafka,
 * then PostgreSQL. Each part is registered as soon as it runs, so a failed or interrupted start
 * is cleaned up too. Runs once.
 */
final class StackShutdown implements Runnable {

    private final PrintStream out;
    private volatile LocalStackProcesses processes;
    private volatile EmbeddedKafkaBroker kafka;
    private volatile EmbeddedPostgresServer postgres;
    private volatile boolean done;

    StackShutdown(PrintStream out) {
        this.out = out;
    }

    void processes(LocalStackProcesses started) {
        this.processes = started;
    }

    void kafka(EmbeddedKafkaBroker started) {
        this.kafka = started;
    }

    void postgres(EmbeddedPostgresServer started) {
        this.postgres = started;
    }

    /** Whether the shutdown has begun. */
    boolean started() {
        return done;
    }

    @Override
    public synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        out.println("Stopping Jixiao ...");
        step("the services", () -> {
            if (processes != null) {
                processes.close();
            }
        });
        step("Kafka", () -> {
            if (kafka != null) {
                kafka.stop();
            }
        });
        step("PostgreSQL", () -> {
            if (postgres != null) {
                postgres.stop();
            }
        });
        out.println("Jixiao stopped.");
    }

    private void step(String what, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            out.println("Could not stop " + what + " cleanly: " + e);
        }
    }
}
