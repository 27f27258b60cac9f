package io.jixiao.support.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.identity.CallerKey;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.axon.MetadataCorrelation;
import io.jixiao.support.context.CallerContextFilter;
import io.jixiao.support.kafka.KafkaEventPublisher;
import io.jixiao.support.kafka.KafkaSettings;
import io.jixiao.support.kafka.TopicsInitializer;
import io.jixiao.support.projection.Projection;
import io.jixiao.support.projection.ProjectionAdminController;
import io.jixiao.support.projection.ProjectionRunners;
import io.jixiao.support.web.ProblemAdvice;
import io.jixiao.support.web.Problems;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the cross-cutting pieces into every service that has service-support on its classpath. */
@AutoConfiguration
@EnableConfigurationProperties(KafkaSettings.class)
public class SupportAutoConfiguration {

    @Bean
    Problems problems(ObjectMapper objectMapper) {
        return new Problems(objectMapper);
    }

    @Bean
    ProblemAdvice problemAdvice(Problems problems) {
        return new ProblemAdvice(problems);
    }

    /**
     * Verifies the gateway's caller assertion on every request; the service refuses to start without its key (and,
     * outside local mode, with a default key or database password).
     */
    @Bean
    FilterRegistrationBean<CallerContextFilter> callerContextFilter(
            @Value("${jixiao.caller-key:}") String callerKey, @Value("${jixiao.local-mode:false}") boolean localMode,
            @Value("${spring.datasource.password:}") String databasePassword,
            @Value("${spring.application.name}") String serviceName, Problems problems) {
        ServiceStartupChecks.check(localMode, callerKey, databasePassword);
        FilterRegistrationBean<CallerContextFilter> registration = new FilterRegistrationBean<>(new CallerContextFilter(
                CallerKey.of(callerKey, "jixiao.caller-key"), serviceName, problems, java.time.Clock.systemUTC()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    CorrelationDataProvider metadataCorrelation() {
        return new MetadataCorrelation();
    }

    @Bean
    CommandSender commandSender(CommandGateway commandGateway, io.jixiao.support.personal.ActorNames actorNames) {
        return new CommandSender(commandGateway, actorNames);
    }

    /**
     * Actors' display names sealed into event metadata and opened in histories; {@code erasures} is the service's own
     * record of erased persons (a bean each service defines).
     */
    @Bean
    io.jixiao.support.personal.ActorNames actorNames(io.jixiao.support.personal.PersonalData personal,
                                                     io.jixiao.support.personal.Contacts.Erasures erasures) {
        return new io.jixiao.support.personal.ActorNames(personal, erasures);
    }

    @Bean
    TopicsInitializer topicsInitializer(KafkaSettings settings) {
        return new TopicsInitializer(settings);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${jixiao.kafka.publish-topic:}' != ''")
    KafkaEventPublisher kafkaEventPublisher(TopicsInitializer topicsReady, KafkaSettings settings,
                                            ObjectMapper objectMapper,
                                            @Value("${spring.application.name:}") String applicationName,
                                            JdbcTemplate jdbc) {
        return new KafkaEventPublisher(settings, objectMapper, applicationName, jdbc);
    }

    /** The publisher must not skip an event it failed to send: errors stop its token until they clear. */
    @Bean
    ConfigurerModule kafkaPublisherErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                KafkaEventPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    /** The event store's hash chains, read for verification and export. */
    @Bean
    io.jixiao.support.audit.AuditStore auditStore(javax.sql.DataSource dataSource,
                                                  PlatformTransactionManager transactionManager) {
        return new io.jixiao.support.audit.AuditStore(dataSource, transactionManager);
    }

    /**
     * The anchor-signing key: {@code jixiao.audit.signing-key}; outside local mode the service refuses to start
     * without it (docs/operations.md).
     */
    @Bean
    io.jixiao.support.audit.SigningKeys auditSigningKeys(@Value("${jixiao.audit.signing-key:}") String signingKey,
            @Value("${jixiao.audit.previous-public-keys:}") String previousPublicKeys,
            @Value("${jixiao.local-mode:false}") boolean localMode, JdbcTemplate jdbc) {
        return io.jixiao.support.audit.SigningKeys.load(signingKey, previousPublicKeys, localMode, jdbc);
    }

    /**
     * Personal values sealed under each person's data key, the keys wrapped with {@code jixiao.personal.master-key};
     * outside local mode the service refuses to start without it (docs/operations.md).
     */
    @Bean
    io.jixiao.support.personal.PersonalData personalData(@Value("${jixiao.personal.master-key:}") String masterKey,
            @Value("${jixiao.personal.previous-master-keys:}") String previousMasterKeys,
            @Value("${jixiao.local-mode:false}") boolean localMode, JdbcTemplate jdbc) {
        return new io.jixiao.support.personal.PersonalData(
                io.jixiao.support.personal.PersonalData.masterKey(masterKey, localMode),
                io.jixiao.support.personal.PersonalData.previousMasterKeys(previousMasterKeys),
                new io.jixiao.support.personal.JdbcPersonalKeyStore(jdbc));
    }

    /**
     * Master-key rotation (docs/operations.md): with {@code jixiao.personal.previous-master-keys} set, every data key
     * still wrapped with one of them is wrapped again with {@code jixiao.personal.master-key} when the service starts.
     */
    @Bean
    org.springframework.boot.ApplicationRunner personalKeyRotation(io.jixiao.support.personal.PersonalData personal,
            @Value("${jixiao.personal.previous-master-keys:}") String previousMasterKeys) {
        return args -> {
            if (!previousMasterKeys.isBlank()) {
                io.jixiao.support.personal.PersonalData.Rotation done = personal.rewrapAll();
                org.slf4j.LoggerFactory.getLogger(io.jixiao.support.personal.PersonalData.class).info(
                        "master-key rotation: {} data keys re-wrapped, {} already under the master key, {} opened by "
                                + "no configured master key", done.rewrapped(), done.current(), done.unreadable());
            }
        };
    }

    @Bean
    io.jixiao.support.audit.AnchorStore anchorStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                                    io.jixiao.support.audit.SigningKeys keys,
                                                    @Value("${spring.application.name}") String serviceName) {
        return new io.jixiao.support.audit.AnchorStore(jdbc, new TransactionTemplate(transactionManager), keys,
                serviceName, java.time.Clock.systemUTC());
    }

    /** Signs every district's chain heads every {@code jixiao.audit.anchor-interval} (0 = never). */
    @Bean(destroyMethod = "close")
    io.jixiao.support.audit.AnchorSchedule anchorSchedule(io.jixiao.support.audit.AnchorStore anchors,
            @Value("${jixiao.audit.anchor-interval:PT1H}") java.time.Duration interval) {
        return new io.jixiao.support.audit.AnchorSchedule(anchors, interval);
    }

    /** Verify, export, anchors and keys under {@code jixiao.api.path}/districts/{d} (see {@link SupportDefaults}). */
    @Bean
    @ConditionalOnProperty("jixiao.api.path")
    io.jixiao.support.audit.AuditController auditController(io.jixiao.support.audit.AuditStore store,
                                                             io.jixiao.support.audit.AnchorStore anchors,
                                                             @Value("${spring.application.name}") String serviceName) {
        return new io.jixiao.support.audit.AuditController(store, anchors, serviceName, java.time.Clock.systemUTC());
    }

    /** Dead letters, retry and rebuild under {@code jixiao.admin.path} (see {@link SupportDefaults}). */
    @Bean
    @ConditionalOnProperty("jixiao.admin.path")
    ProjectionAdminController projectionAdminController(ProjectionRunners runners, JdbcTemplate jdbc) {
        return new ProjectionAdminController(runners, jdbc);
    }

    @Bean(destroyMethod = "close")
    ProjectionRunners projectionRunners(TopicsInitializer topicsReady, List<Projection> projections, JdbcTemplate jdbc,
                                        PlatformTransactionManager transactionManager, ObjectMapper objectMapper,
                                        KafkaSettings settings) {
        return new ProjectionRunners(projections, jdbc, new TransactionTemplate(transactionManager), objectMapper,
                settings);
    }
}
