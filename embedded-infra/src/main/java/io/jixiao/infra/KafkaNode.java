package io.jixiao.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One KRaft node of a cluster as a process of its own, so that it can be killed with SIGKILL: {@code java -cp ...
 * io.jixiao.infra.KafkaNode node.properties}. The properties are those {@link EmbeddedKafkaBroker} gives an in-JVM
 * node (written by {@link EmbeddedKafkaBroker#startClusterProcesses}; the log directory is formatted already). It
 * prints {@link #READY} once the server has started, stops cleanly on SIGTERM, and stops as well when its standard
 * input ends (the parent JVM is gone, even by SIGKILL), so no node outlives the stack that started it.
 */
public final class KafkaNode {
    /** The line printed once the node's server has started. */
    public static final String READY = "kafka node started";

    private KafkaNode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp ... io.jixiao.infra.KafkaNode NODE.properties");
            System.exit(2);
        }
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            settings.load(in);
        }
        QuietKafkaLogging.apply();
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-node-stop"));
        server.startup();
        System.out.println(READY + ": node " + settings.getProperty("node.id"));
        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; the stream ends when the parent is gone
                }
            } catch (IOException e) {
                // the parent is gone as well
            }
            System.exit(0);
        }, "kafka-node-parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        server.awaitShutdown();
    }
}
