package io.jixiao.support.kafka;

import io.jixiao.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the published topics (partitions, {@code retention.ms=-1}: events are kept forever so a
 * projection can be rebuilt from the start) before any producer or consumer of this service starts.
 * On a cluster with ACLs the services may not create topics: there the admin creates them and this only checks.
 */
public class TopicsInitializer {
    private static final Logger log = LoggerFactory.getLogger(TopicsInitializer.class);

    public TopicsInitializer(KafkaSettings settings) {
        Properties props = new Properties();
        props.putAll(settings.clientProperties());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(Topics.BUDGET_EVENTS, Topics.EVALUATION_EVENTS).stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, settings.partitions(), (short) 1)
                            .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                log.info("created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                throw new IllegalStateException("Kafka topics are missing at " + settings.bootstrapServers() + " and "
                        + settings.username() + " may not create them: the Kafka admin creates them (docs/operations.md)",
                        e.getCause());
            }
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create Kafka topics at " + settings.bootstrapServers(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not answer in 60 s", e);
        }
    }
}
