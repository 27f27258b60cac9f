package io.jixiao.infra;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single-node KRaft broker that is its own controller, and of one node of a three-node
 * cluster ({@link #clusterNode}).
 */
final class KafkaBrokerSettings {

    static final int NODE_ID = 1;
    /** The client listener of a secured broker (SASL_PLAINTEXT, PLAIN). */
    static final String SECURED_LISTENER = "CLIENT";

    private KafkaBrokerSettings() {
    }

    static Properties of(Path logDirectory, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDirectory.toAbsolutePath().toString());

        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("log.retention.ms", "-1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");

        // a small footprint: one node on a developer machine, inside another JVM
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        return p;
    }

    /**
     * As {@link #of}, with the client listener on SASL_PLAINTEXT/PLAIN (the users of {@code users}, static in the
     * listener's JAAS configuration; the broker itself logs in there as the admin) and the StandardAuthorizer:
     * nothing is allowed without an ACL except to the super users, the admin and {@code User:ANONYMOUS}. The latter
     * is the broker's principal on the controller listener, which stays PLAINTEXT and bound to localhost: the
     * node's broker half registers with its controller half there.
     */
    static Properties secured(Path logDirectory, int port, int controllerPort, KafkaUsers users) {
        Properties p = of(logDirectory, port, controllerPort);
        String client = SECURED_LISTENER;
        p.put("listeners", client + "://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", client + "://localhost:" + port);
        p.put("listener.security.protocol.map", client + ":SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", client);
        p.put("sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.put("listener.name." + client.toLowerCase(java.util.Locale.ROOT) + ".plain.sasl.jaas.config",
                users.plainJaasConfig());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + users.adminName() + ";User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /**
     * {@code settings} of one node made node {@code nodeId} of a cluster whose controller quorum is {@code voters}
     * ({@code id@host:port,...}; every node is broker and controller): replication factor 3 for the internal
     * topics and by default, {@code min.insync.replicas=2}, so that acks=all writes survive one node down.
     */
    static Properties clusterNode(Properties settings, int nodeId, String voters) {
        Properties p = new Properties();
        p.putAll(settings);
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("default.replication.factor", "3");
        p.put("min.insync.replicas", "2");
        p.put("offsets.topic.replication.factor", "3");
        p.put("transaction.state.log.replication.factor", "3");
        p.put("transaction.state.log.min.isr", "2");
        return p;
    }
}
