package io.jixiao.disclosure.feed.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.support.kafka.KafkaSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The feed's reader over the published topics, the webhook table and deliverer, and their settings. */
@Configuration
@EnableConfigurationProperties(FeedProperties.class)
public class FeedConfig {

    @Bean
    FeedReader feedReader(KafkaSettings kafka, ObjectMapper json, FeedProperties properties) {
        // a consumer kept for each read that may run at once: the feed's requests and the webhook deliverer's workers
        return new FeedReader(kafka, json, properties.catchUp(),
                properties.maxConcurrentReads() + WebhookDeliverer.WORKERS);
    }

    @Bean
    WebhookStore webhookStore(JdbcTemplate jdbc) {
        return new WebhookStore(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "jixiao.feed.delivery-enabled", havingValue = "true", matchIfMissing = true)
    WebhookDeliverer webhookDeliverer(WebhookStore store, FeedReader reader, FeedProperties properties) {
        return new WebhookDeliverer(store, reader, properties);
    }
}
