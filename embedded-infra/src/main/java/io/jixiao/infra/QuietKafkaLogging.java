package io.jixiao.infra;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the in-process broker's own loggers down to WARN, unless something configured them.
 *
 * <p>Two ways, because the host may be a plain program or a Spring Boot test: the logback
 * loggers are set now (when logback is the SLF4J binding), and {@code logging.level.<name>}
 * system properties tell a Spring Boot context started later to do the same when it resets the
 * logging system. Kafka clients' loggers ({@code org.apache.kafka.clients}) are left alone.
 */
final class QuietKafkaLogging {

    static final List<String> BROKER_LOGGERS = List.of(
            "kafka", "state.change.logger",
            "org.apache.kafka.common.utils.AppInfoParser",
            "org.apache.kafka.controller", "org.apache.kafka.coordinator", "org.apache.kafka.image",
            "org.apache.kafka.metadata", "org.apache.kafka.queue", "org.apache.kafka.raft",
            "org.apache.kafka.security", "org.apache.kafka.server", "org.apache.kafka.snapshot",
            "org.apache.kafka.storage", "org.apache.zookeeper");

    private QuietKafkaLogging() {
    }

    static void apply() {
        for (String name : BROKER_LOGGERS) {
            String property = "logging.level." + name;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "WARN");
            }
            setLogbackLevelIfUnset(LoggerFactory.getLogger(name));
        }
    }

    private static void setLogbackLevelIfUnset(Logger logger) {
        if (!"ch.qos.logback.classic.Logger".equals(logger.getClass().getName())) {
            return;
        }
        try {
            Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", true, logger.getClass().getClassLoader());
            if (logger.getClass().getMethod("getLevel").invoke(logger) == null) {
                logger.getClass().getMethod("setLevel", levelClass).invoke(logger, levelClass.getField("WARN").get(null));
            }
        } catch (ReflectiveOperationException e) {
            // another logback version: leave the levels as they are
        }
    }
}
